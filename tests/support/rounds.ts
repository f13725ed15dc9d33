import { insertResponse } from "~/models/responses.server";
import { prisma, writeTransaction } from "~/utils/db.server";

let counter = 0;

/** A survey with the NPS question, a "why" and an "improve" text question and one rating item. */
export async function makeSurvey(kind: "ENPS" | "TRAINING" = "ENPS") {
  const text = (en: string) => ({ create: [{ locale: "en", text: en }] });
  const survey = await prisma.survey.create({
    data: {
      name: `Survey ${++counter}`,
      kind,
      questions: {
        create: [
          {
            position: 0,
            type: "NPS",
            required: true,
            texts: text("How likely are you to recommend {company} as a place to work?"),
          },
          { position: 1, type: "TEXT", texts: text("What is the main reason for your score?") },
          { position: 2, type: "TEXT", texts: text("What one thing should we improve?") },
          { position: 3, type: "RATING", texts: text("I have what I need to do my job well.") },
        ],
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const [nps, why, improve, rating] = survey.questions;
  return { id: survey.id, questions: { nps: nps.id, why: why.id, improve: improve.id, rating: rating.id } };
}

export type TestSurvey = Awaited<ReturnType<typeof makeSurvey>>;

interface RoundOptions {
  survey?: TestSurvey;
  k?: number;
  state?: "open" | "closed" | "scheduled";
  kind?: string;
  invitedCount?: number;
  name?: string;
  closesAt?: Date;
  trainingId?: string;
  /** The departments (and roles) the round was sent to; everyone by default. */
  audience?: { departmentIds: string[]; roleIds?: string[] };
  /** The key of its shared (kiosk) link; none by default. */
  sharedKey?: string;
}

export async function makeRound(options: RoundOptions = {}) {
  const survey = options.survey ?? (await makeSurvey());
  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const state = options.state ?? "closed";
  const opensAt = new Date(state === "scheduled" ? now + day : now - 14 * day);
  const closesAt = options.closesAt ?? new Date(state === "closed" ? now - day : now + 14 * day);
  const round = await prisma.round.create({
    data: {
      name: options.name ?? `Round ${++counter}`,
      surveyId: survey.id,
      kind: options.kind ?? "PERIODIC",
      opensAt,
      closesAt,
      closedAt: state === "closed" ? closesAt : null,
      k: options.k ?? 5,
      audience: JSON.stringify({
        departmentIds: options.audience?.departmentIds ?? [],
        roleIds: options.audience?.roleIds ?? [],
      }),
      invitedCount: options.invitedCount ?? 0,
      trainingId: options.trainingId,
      sharedKey: options.sharedKey ?? null,
    },
  });
  return { ...round, survey };
}

export interface AnswerSpec {
  departmentId: string;
  roleId: string;
  score: number;
  why?: string;
  improve?: string;
  rating?: number;
}

/** Records responses through the same writer the survey form uses. */
export async function addResponses(round: { id: string; survey: TestSurvey }, answers: AnswerSpec[]) {
  const q = round.survey.questions;
  await writeTransaction((db) => {
    for (const a of answers) {
      insertResponse(db, {
        roundId: round.id,
        departmentId: a.departmentId,
        roleId: a.roleId,
        answers: [
          { questionId: q.nps, type: "NPS", value: a.score },
          { questionId: q.why, type: "TEXT", text: a.why },
          { questionId: q.improve, type: "TEXT", text: a.improve },
          ...(a.rating ? [{ questionId: q.rating, type: "RATING" as const, value: a.rating }] : []),
        ],
      });
    }
  });
}

/** `count` answers with the given scores, cycled, all in one department and role. */
export function scores(departmentId: string, roleId: string, values: number[]): AnswerSpec[] {
  return values.map((score) => ({ departmentId, roleId, score }));
}

/**
 * Invites people to a round the way a launch does (department and role snapshot, hashed
 * tokens) and returns each person's plain token, as a links download would.
 */
export async function inviteWithTokens(
  round: { id: string },
  people: { id: string; departmentId: string; roleId: string }[],
) {
  const { newToken, hashToken } = await import("~/utils/tokens.server");
  const tokens: string[] = [];
  for (const person of people) {
    const token = newToken();
    tokens.push(token);
    await prisma.invitation.create({
      data: {
        roundId: round.id,
        personId: person.id,
        departmentId: person.departmentId,
        roleId: person.roleId,
        tokens: { create: { tokenHash: hashToken(token) } },
      },
    });
  }
  await prisma.round.update({ where: { id: round.id }, data: { invitedCount: { increment: people.length } } });
  return tokens;
}

/** Marks these people's invitations answered, as an answer through their link would. */
export async function markAnswered(roundId: string, personIds: string[]) {
  const { claimInvitation } = await import("~/models/spent-invitations.server");
  const invitations = await prisma.invitation.findMany({
    where: { roundId, personId: { in: personIds } },
    select: { id: true },
  });
  await writeTransaction((db) => {
    for (const invitation of invitations) claimInvitation(db, roundId, invitation.id);
  });
}

/** How many of the round's invitations were answered (the server's view, with the invitation key). */
export async function answeredCount(roundId: string): Promise<number> {
  const { spentAmong } = await import("~/models/spent-invitations.server");
  const invitations = await prisma.invitation.findMany({ where: { roundId }, select: { id: true } });
  return spentAmong(
    roundId,
    invitations.map((i) => i.id),
  ).size;
}
