import type { ParsedAnswer, QuestionType } from "~/domain/answer-form";
import { isInAudience, parseAudience } from "~/domain/audience";
import { roundStatus } from "~/domain/round-status";
import type { Locale } from "~/i18n/locales";
import { prisma, sqlite, writeTransaction } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { insertResponse } from "./responses.server";
import { claimInvitation, isSpent } from "./spent-invitations.server";
import { getSurveyForAnswering } from "./surveys.server";

/**
 * What the employee-facing survey pages read and write. A personal link is looked up by the
 * hash of its token; the response written keeps only the invitation's department and role
 * snapshot, never the invitation (anonymity rules 1 and 3).
 */

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  /** The wording per locale, English where a translation is missing. */
  texts: Record<Locale, string>;
  /** The locales with a wording of their own; the others show the English one. */
  wordedIn: Locale[];
}

export interface RoundForAnswering {
  id: string;
  k: number;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  training: string | null;
  /** Whether HR downloaded the round's personal links as a file (its survey page says so). */
  linksDownloaded: boolean;
  questions: SurveyQuestion[];
}

export type Availability =
  { state: "ready" } | { state: "used" } | { state: "closed"; closedOn: Date } | { state: "not-open"; opensAt: Date };

// A survey cannot change once it has a round, so its questions can be kept in memory.
const questionCache = new Map<string, SurveyQuestion[]>();

async function questionsOf(surveyId: string): Promise<SurveyQuestion[]> {
  const cached = questionCache.get(surveyId);
  if (cached) return cached;
  const survey = await getSurveyForAnswering(surveyId);
  if (!survey) throw new Error(`Survey ${surveyId} of a round is missing.`);
  const questions = survey.questions.map(({ id, type, required, texts, wordedIn }) => ({
    id,
    type,
    required,
    texts,
    wordedIn,
  }));
  questionCache.set(surveyId, questions);
  return questions;
}

const roundSelect = {
  id: true,
  k: true,
  surveyId: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  linksDownloadedAt: true,
  training: { select: { title: true } },
} as const;

async function toRoundForAnswering(round: {
  id: string;
  k: number;
  surveyId: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  linksDownloadedAt: Date | null;
  training: { title: string } | null;
}): Promise<RoundForAnswering> {
  return {
    id: round.id,
    k: round.k,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    training: round.training?.title ?? null,
    linksDownloaded: round.linksDownloadedAt !== null,
    questions: await questionsOf(round.surveyId),
  };
}

function availabilityOf(
  round: { opensAt: Date; closesAt: Date; closedAt: Date | null },
  used: boolean,
  now: Date,
): Availability {
  const status = roundStatus(round, now);
  if (status === "closed") return { state: "closed", closedOn: round.closedAt ?? round.closesAt };
  if (status === "scheduled") return { state: "not-open", opensAt: round.opensAt };
  return used ? { state: "used" } : { state: "ready" };
}

interface TokenRoundRow {
  invitationId: string;
  id: string;
  k: number;
  surveyId: string;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  linksDownloadedAt: string | null;
  training: string | null;
}

let tokenLookup: ReturnType<typeof sqlite.prepare> | undefined;

/**
 * The round behind a personal link, or null when the token names nothing. One indexed query on
 * the raw connection: this runs on every survey submission.
 */
export async function findByToken(token: string, now = new Date()) {
  tokenLookup ??= sqlite.prepare(
    `SELECT i.id AS invitationId, r.id, r.k, r.surveyId, r.opensAt, r.closesAt, r.closedAt, r.linksDownloadedAt,
            tr.title AS training
       FROM InvitationToken t
       JOIN Invitation i ON i.id = t.invitationId
       JOIN Round r ON r.id = i.roundId
       LEFT JOIN Training tr ON tr.id = r.trainingId
      WHERE t.tokenHash = ?`,
  );
  const row = tokenLookup.get(hashToken(token)) as TokenRoundRow | undefined;
  if (!row) return null;
  const round = {
    id: row.id,
    k: row.k,
    surveyId: row.surveyId,
    opensAt: new Date(row.opensAt),
    closesAt: new Date(row.closesAt),
    closedAt: row.closedAt ? new Date(row.closedAt) : null,
    linksDownloadedAt: row.linksDownloadedAt ? new Date(row.linksDownloadedAt) : null,
    training: row.training ? { title: row.training } : null,
  };
  const spent = isSpent(sqlite, row.id, row.invitationId);
  return { round: await toRoundForAnswering(round), availability: availabilityOf(round, spent, now) };
}

export interface GroupChoice {
  id: string;
  name: string;
}

/** The round behind a shared (kiosk) link, with the departments and roles to choose from. */
export async function findBySharedKey(key: string, now = new Date()) {
  const round = await prisma.round.findUnique({
    where: { sharedKey: key },
    select: { ...roundSelect, audience: true },
  });
  if (!round) return null;
  const audience = parseAudience(round.audience);
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { active: true, ...(audience.departmentIds.length > 0 ? { id: { in: audience.departmentIds } } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.role.findMany({
      where: { active: true, ...(audience.roleIds.length > 0 ? { id: { in: audience.roleIds } } : {}) },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    round: await toRoundForAnswering(round),
    availability: availabilityOf(round, false, now),
    audience,
    departments,
    roles,
  };
}

export type SubmitOutcome = "saved" | "unknown" | "used" | "closed" | "not-open";

interface InvitationRow {
  invitationId: string;
  departmentId: string;
  roleId: string;
  roundId: string;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
}

let findInvitation: ReturnType<typeof sqlite.prepare> | undefined;

/**
 * Submits through a personal link, as one short synchronous transaction: the invitation is
 * claimed only if not answered yet and its round open, then the response is written with the
 * invitation's department and role. The claim writes a marker only the server can tie to the
 * invitation, and nothing on the invitation, so the transaction's pages in the write-ahead log
 * hold nothing that names it. Concurrent submissions of one token store exactly one response;
 * the others get "used".
 */
export function submitByToken(token: string, answers: ParsedAnswer[], at?: Date): Promise<SubmitOutcome> {
  const tokenHash = hashToken(token);
  return writeTransaction((db) => {
    // The time is read once the write lock is held: an answer waiting for the lock when the
    // round closes must not slip in after its figures were read.
    const now = at ?? new Date();
    findInvitation ??= db.prepare(
      `SELECT i.id AS invitationId, i.departmentId, i.roleId, r.id AS roundId, r.opensAt, r.closesAt, r.closedAt
         FROM InvitationToken t JOIN Invitation i ON i.id = t.invitationId JOIN Round r ON r.id = i.roundId
        WHERE t.tokenHash = ?`,
    );
    const row = findInvitation.get(tokenHash) as InvitationRow | undefined;
    if (!row) return "unknown";
    const round = {
      opensAt: new Date(row.opensAt),
      closesAt: new Date(row.closesAt),
      closedAt: row.closedAt ? new Date(row.closedAt) : null,
    };
    // Whether the link was used is decided by the claim alone (the spent marker's unique key),
    // so that one guard covers a repeated answer and two answers racing each other.
    const availability = availabilityOf(round, false, now);
    if (availability.state !== "ready") return availability.state;
    if (!claimInvitation(db, row.roundId, row.invitationId)) return "used";
    insertResponse(db, { roundId: row.roundId, departmentId: row.departmentId, roleId: row.roleId, answers });
    return "saved";
  });
}

/**
 * Submits through a shared link: the respondent's own choice of department and role is the
 * snapshot, and must be one the round was sent to.
 */
export async function submitShared(
  key: string,
  group: { departmentId: string; roleId: string },
  answers: ParsedAnswer[],
  at?: Date,
): Promise<SubmitOutcome | "bad-group"> {
  const found = await findBySharedKey(key, at);
  if (!found) return "unknown";
  if (found.availability.state !== "ready") return found.availability.state;
  const validGroup =
    found.departments.some((d) => d.id === group.departmentId) &&
    found.roles.some((r) => r.id === group.roleId) &&
    isInAudience(found.audience, group);
  if (!validGroup) return "bad-group";
  return writeTransaction((db) => {
    const round = db.prepare("SELECT opensAt, closesAt, closedAt FROM Round WHERE id = ?").get(found.round.id) as
      { opensAt: string; closesAt: string; closedAt: string | null } | undefined;
    if (!round) return "unknown";
    const now = at ?? new Date();
    const availability = availabilityOf(
      {
        opensAt: new Date(round.opensAt),
        closesAt: new Date(round.closesAt),
        closedAt: round.closedAt ? new Date(round.closedAt) : null,
      },
      false,
      now,
    );
    if (availability.state !== "ready") return availability.state;
    insertResponse(db, { roundId: found.round.id, ...group, answers });
    return "saved";
  });
}
