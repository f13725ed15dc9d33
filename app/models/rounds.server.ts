import { addedJustBefore } from "~/domain/added-before-launch";
import { parseAudience, type Audience } from "~/domain/audience";
import { BadRequestError, ConflictError } from "~/domain/http-error";
import { maySeeRound } from "~/domain/round-access";
import { roundRuleProblems } from "~/domain/round-input";
import { ROUND_KINDS, roundStatus, type RoundKind } from "~/domain/round-status";
import { usesPlaceholder } from "~/domain/survey";
import type { UserRole } from "~/domain/user-roles";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, rebuildDatabaseFile } from "~/utils/db.server";
import { newSharedKey } from "~/utils/tokens.server";
import { recordAudit, type Actor } from "./audit.server";

/** A launch refused for a reason HR can fix; `field` names the form field it concerns. */
export class LaunchError extends BadRequestError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super(message, field);
  }
}

export class RoundClosedError extends ConflictError {
  constructor(message = "This round is closed already.") {
    super(message);
  }
}

/** Chosen departments and/or roles (both empty: everyone), or chosen people (a training's). */
export type LaunchAudience = Audience | { personIds: string[] };

export interface LaunchInput {
  name: string;
  surveyId: string;
  kind: RoundKind;
  opensAt: Date;
  closesAt: Date;
  /** The anonymity threshold, fixed from here on: nothing changes it after the launch. */
  k: number;
  audience: LaunchAudience;
  /** Give the round a shared (kiosk/QR) link as well. */
  sharedLink: boolean;
  trainingId?: string | null;
  /** Set by the scheduler: at most one round per schedule and period (a unique index). */
  schedule?: { id: string; period: string };
  /** The launch form's random key: a form sent twice (a double click) launches one round. */
  launchKey?: string;
}

export interface LaunchedRound {
  id: string;
  name: string;
  invitedCount: number;
  sharedKey: string | null;
}

type Tx = Prisma.TransactionClient;

async function checkSurvey(tx: Tx, input: LaunchInput) {
  const survey = await tx.survey.findUnique({
    where: { id: input.surveyId },
    select: { archived: true, questions: { select: { type: true, texts: { select: { locale: true, text: true } } } } },
  });
  if (!survey) throw new LaunchError("surveyId", "That survey does not exist. Choose one from the list.");
  if (survey.archived) throw new LaunchError("surveyId", "That survey is archived. Restore it or choose another one.");
  if (!survey.questions.some((q) => q.type === "NPS")) {
    throw new LaunchError("surveyId", "That survey has no 0-10 question.");
  }
  const questions = survey.questions.map((q) => ({
    texts: Object.fromEntries(q.texts.map((t) => [t.locale, t.text])),
  }));
  if (usesPlaceholder(questions, "company")) {
    const company = await tx.setting.findUnique({ where: { key: "companyName" }, select: { value: true } });
    if (!company) {
      throw new LaunchError(
        "surveyId",
        "Set the company name on the Surveys page first: this survey's questions use {company}.",
      );
    }
  }
  if (usesPlaceholder(questions, "training") && !input.trainingId) {
    throw new LaunchError(
      "surveyId",
      "This survey names a training ({training}); launch it from that training's page.",
    );
  }
}

/** The active people a launch invites, with the audience as the round keeps it. */
async function resolveAudience(tx: Tx, audience: LaunchAudience) {
  const select = { id: true, departmentId: true, roleId: true, createdAt: true } as const;
  if ("personIds" in audience) {
    const ids = [...new Set(audience.personIds)];
    const found = await tx.person.findMany({ where: { id: { in: ids } }, select: { ...select, active: true } });
    if (found.length !== ids.length)
      throw new LaunchError("audience", "Some of the chosen people are not in the directory.");
    const people = found.filter((p) => p.active).map(({ active: _active, ...p }) => p);
    // The round keeps the departments it reaches, which is what managers' access goes by.
    const kept: Audience = { departmentIds: [...new Set(people.map((p) => p.departmentId))].sort(), roleIds: [] };
    return { people, kept };
  }
  const [departments, roles] = await Promise.all([
    tx.department.count({ where: { id: { in: audience.departmentIds } } }),
    tx.role.count({ where: { id: { in: audience.roleIds } } }),
  ]);
  if (departments !== new Set(audience.departmentIds).size || roles !== new Set(audience.roleIds).size) {
    throw new LaunchError("audience", "Choose departments and roles from the list.");
  }
  const people = await tx.person.findMany({
    where: {
      active: true,
      ...(audience.departmentIds.length > 0 ? { departmentId: { in: audience.departmentIds } } : {}),
      ...(audience.roleIds.length > 0 ? { roleId: { in: audience.roleIds } } : {}),
    },
    select,
  });
  return { people, kept: { departmentIds: audience.departmentIds, roleIds: audience.roleIds } };
}

function checkRules(input: LaunchInput, now: Date) {
  const [field, message] = Object.entries(roundRuleProblems(input, now))[0] ?? [];
  if (field && message) throw new LaunchError(field, message);
  if (!(ROUND_KINDS as readonly string[]).includes(input.kind)) throw new LaunchError("kind", "Unknown kind of round.");
}

/** Everything a launch checks, and the people it invites. */
async function prepareLaunch(tx: Tx, input: LaunchInput) {
  await checkSurvey(tx, input);
  const audience = await resolveAudience(tx, input.audience);
  if (audience.people.length === 0 && !input.sharedLink) {
    throw new LaunchError(
      "audience",
      "Nobody active is in this audience. Choose other departments or roles, or give the round a shared link.",
    );
  }
  return audience;
}

/**
 * Launches a round: the round, one invitation per active person in the audience (with their
 * department and role as they are now, the snapshot their answer will carry) and an audit
 * entry, in one transaction. Used by the launch form, the scheduler and trainings (with an
 * explicit list of people). Throws LaunchError for anything HR can fix; a schedule period that
 * has its round already fails on the unique index (Prisma's P2002).
 */
export async function launchRound(actor: Actor, input: LaunchInput, now: Date = new Date()): Promise<LaunchedRound> {
  return prisma.$transaction((tx) => launchRoundIn(tx, actor, input, now), { timeout: 120_000, maxWait: 120_000 });
}

/**
 * `launchRound` inside the caller's transaction, for a change that launches rounds together
 * with other writes (a training and its rounds): all of it is stored, or none.
 */
export async function launchRoundIn(
  tx: Tx,
  actor: Actor,
  input: LaunchInput,
  now: Date = new Date(),
): Promise<LaunchedRound> {
  if (input.launchKey) {
    const launched = await tx.round.findUnique({
      where: { launchKey: input.launchKey },
      select: { id: true, name: true, invitedCount: true, sharedKey: true },
    });
    if (launched) return launched;
  }
  checkRules(input, now);
  const { people, kept } = await prepareLaunch(tx, input);
  const round = await tx.round.create({
    data: {
      name: input.name,
      surveyId: input.surveyId,
      kind: input.kind,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      k: input.k,
      audience: JSON.stringify(kept),
      sharedKey: input.sharedLink ? newSharedKey() : null,
      invitedCount: people.length,
      scheduleId: input.schedule?.id ?? null,
      period: input.schedule?.period ?? null,
      trainingId: input.trainingId ?? null,
      createdById: actor.id,
      launchKey: input.launchKey ?? null,
    },
    select: { id: true, sharedKey: true },
  });
  await tx.invitation.createMany({
    data: people.map((p) => ({
      roundId: round.id,
      personId: p.id,
      departmentId: p.departmentId,
      roleId: p.roleId,
      addedBeforeLaunch: addedJustBefore(p.createdAt, now),
    })),
  });
  // Nobody has answered yet: the counts that go by the hour start at zero, as of now.
  await tx.roundCountSnapshot.create({ data: { roundId: round.id, takenAt: now, counts: "{}" } });
  await recordAudit(actor, "round.launch", input.name, `${people.length} invited, k = ${input.k}`, tx);
  return { id: round.id, name: input.name, invitedCount: people.length, sharedKey: round.sharedKey };
}

export interface LaunchPreview {
  invited: number;
  surveyName: string;
  departments: string[];
  roles: string[];
}

/** What a launch would do, checked exactly as the launch checks it, storing nothing. */
export async function previewLaunch(
  input: LaunchInput & { audience: Audience },
  now: Date = new Date(),
): Promise<LaunchPreview> {
  checkRules(input, now);
  return prisma.$transaction(async (tx) => {
    const { people } = await prepareLaunch(tx, input);
    const [survey, departments, roles] = await Promise.all([
      tx.survey.findUniqueOrThrow({ where: { id: input.surveyId }, select: { name: true } }),
      tx.department.findMany({
        where: { id: { in: input.audience.departmentIds } },
        select: { name: true },
        orderBy: { name: "asc" },
      }),
      tx.role.findMany({
        where: { id: { in: input.audience.roleIds } },
        select: { name: true },
        orderBy: { name: "asc" },
      }),
    ]);
    return {
      invited: people.length,
      surveyName: survey.name,
      departments: departments.map((d) => d.name),
      roles: roles.map((r) => r.name),
    };
  });
}

export interface Viewer {
  role: UserRole;
  departmentId: string | null;
}

/**
 * The rounds a viewer may see, newest first. For a manager: rounds that invited someone from
 * their department or name it in their audience (ids are unique random strings, so the quoted
 * id appears in the stored audience only when the round names the department).
 */
export async function listRounds(viewer: Viewer, { page, pageSize }: { page: number; pageSize: number }) {
  const where: Prisma.RoundWhereInput =
    viewer.role === "ADMIN"
      ? {}
      : viewer.role === "MANAGER" && viewer.departmentId
        ? {
            OR: [
              { invitations: { some: { departmentId: viewer.departmentId } } },
              { audience: { contains: JSON.stringify(viewer.departmentId) } },
            ],
          }
        : { id: { in: [] } };
  const [rounds, total] = await Promise.all([
    prisma.round.findMany({
      where,
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        kind: true,
        opensAt: true,
        closesAt: true,
        closedAt: true,
        invitedCount: true,
        survey: { select: { name: true } },
      },
    }),
    prisma.round.count({ where }),
  ]);
  return {
    rounds: rounds.map((round) => ({ ...round, kind: round.kind as RoundKind, status: roundStatus(round) })),
    total,
  };
}

/**
 * Whether `viewer` may see this round at all (its page, its counts, its results): see
 * maySeeRound. Who was invited is read only for a manager, the one role it decides for.
 */
export async function viewerMaySeeRound(viewer: Viewer, round: { id: string; audience: string }): Promise<boolean> {
  const audience = parseAudience(round.audience);
  if (viewer.role !== "MANAGER") return maySeeRound(viewer, { audience, invitedDepartmentIds: [] });
  const invited = await prisma.invitation.groupBy({ by: ["departmentId"], where: { roundId: round.id } });
  return maySeeRound(viewer, { audience, invitedDepartmentIds: invited.map((d) => d.departmentId) });
}

/** A round as its page shows it, or null when it does not exist or the viewer may not see it. */
export async function getRoundForViewer(id: string, viewer: Viewer) {
  const round = await prisma.round.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      k: true,
      audience: true,
      sharedKey: true,
      invitedCount: true,
      lastReminderAt: true,
      linksDownloadedAt: true,
      period: true,
      createdAt: true,
      survey: { select: { id: true, name: true } },
      schedule: { select: { id: true, name: true } },
      training: { select: { id: true, title: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!round) return { found: false as const };
  if (!(await viewerMaySeeRound(viewer, round))) return { found: true as const, allowed: false as const };
  const audience = parseAudience(round.audience);
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: audience.departmentIds } },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
    prisma.role.findMany({ where: { id: { in: audience.roleIds } }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  const { audience: _stored, ...rest } = round;
  return {
    found: true as const,
    allowed: true as const,
    round: {
      ...rest,
      kind: round.kind as RoundKind,
      status: roundStatus(round),
      audience: { departments: departments.map((d) => d.name), roles: roles.map((r) => r.name) },
    },
  };
}

/**
 * Closes a round now, before its closing time (also one that has not opened yet), and rebuilds
 * the database file so its answers keep no trace of the order they came in.
 */
export async function closeRoundEarly(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true },
    });
    if (roundStatus(round, now) === "closed") throw new RoundClosedError();
    await tx.round.update({ where: { id }, data: { closedAt: now } });
    await recordAudit(actor, "round.close", round.name, "closed early by hand", tx);
  });
  await rebuildStorageOfClosedRounds(now);
}

/**
 * Once a round has closed, rebuilds the database file (VACUUM): SQLite lays rows out in a page
 * in the order they arrive, so until then a copy of the file shows the order of answers and of
 * claims. Done once for every round closed since the last rebuild; returns how many.
 */
export async function rebuildStorageOfClosedRounds(now: Date): Promise<number> {
  const due = await prisma.round.findMany({
    where: { storageRebuiltAt: null, OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }] },
    select: { id: true },
  });
  if (due.length === 0) return 0;
  await rebuildDatabaseFile();
  await prisma.round.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { storageRebuiltAt: now } });
  return due.length;
}

/**
 * Opens a scheduled round now, before its opening time (a training's round, say, when the
 * training ends early). A round that is open already stays as it is.
 */
export async function openRoundNow(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true },
    });
    const status = roundStatus(round, now);
    if (status === "closed") throw new RoundClosedError();
    if (status === "open") return;
    await tx.round.update({ where: { id }, data: { opensAt: now } });
    await recordAudit(actor, "round.open", round.name, "opened early by hand", tx);
  });
}

/** Gives a round that has none a shared (kiosk/QR) link. */
export async function addSharedLink(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true, sharedKey: true },
    });
    if (roundStatus(round, now) === "closed")
      throw new RoundClosedError("This round is closed; a shared link would not work.");
    if (round.sharedKey) return;
    await tx.round.update({ where: { id }, data: { sharedKey: newSharedKey() } });
    await recordAudit(actor, "round.shared-link", round.name, "", tx);
  });
}

/**
 * Records the closing of every round whose closing time has passed. Status follows from the
 * dates anyway; this keeps closedAt true for reports, also for rounds that closed while the
 * server was down.
 */
export async function closeDueRounds(now: Date): Promise<number> {
  const due = await prisma.round.findMany({
    where: { closedAt: null, closesAt: { lte: now } },
    select: { id: true, closesAt: true },
  });
  for (const round of due) {
    await prisma.round.updateMany({ where: { id: round.id, closedAt: null }, data: { closedAt: round.closesAt } });
  }
  return due.length;
}

export async function roundExists(id: string): Promise<boolean> {
  return (await prisma.round.count({ where: { id } })) > 0;
}

/** The round's shared key and what the poster says, or null without a round. */
export function getRoundPoster(id: string) {
  return prisma.round.findUnique({
    where: { id },
    select: { id: true, name: true, sharedKey: true, k: true, opensAt: true, closesAt: true, closedAt: true },
  });
}
