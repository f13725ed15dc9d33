/**
 * Part of the results gate (import from ./index.server only): how the gate reads a round, who
 * may open it, and the names of its groups. Nothing here returns a figure.
 */
import type { FollowUpSeries } from "~/domain/action-outcome";
import { parseAudience } from "~/domain/audience";
import { ForbiddenError } from "~/domain/http-error";
import { mayViewRound, type ResultsViewer } from "~/domain/results-access";
import { maySeeRound } from "~/domain/round-access";
import { closingTime, roundStatus } from "~/domain/round-status";
import { prisma } from "~/utils/db.server";
import { viewerMaySeeRound } from "../rounds.server";
import { closedRoundFacts, type RoundFacts, type RoundRow } from "./facts.server";

export class ResultsForbiddenError extends ForbiddenError {
  constructor() {
    super("These results are not yours to see.");
  }
}

export const roundSelect = {
  id: true,
  name: true,
  kind: true,
  k: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  invitedCount: true,
  responseCount: true,
  audience: true,
  sharedKey: true,
  linksDownloadedAt: true,
  trainingId: true,
  training: { select: { trainerId: true } },
  survey: {
    select: {
      questions: {
        where: { type: { in: ["RATING", "TEXT"] as string[] } },
        orderBy: { position: "asc" },
        select: { id: true, type: true, texts: { select: { locale: true, text: true } } },
      },
    },
  },
} as const;

export type LoadedRound = NonNullable<Awaited<ReturnType<typeof findRound>>>;

export function findRound(roundId: string) {
  return prisma.round.findUnique({ where: { id: roundId }, select: roundSelect });
}

/**
 * The rounds of a series closed by `now`, oldest first: periodic eNPS (what trends and the
 * public page follow) or one training's rounds ("did it work?" for a training's items).
 */
export async function closedRoundsOf(series: FollowUpSeries, now: Date): Promise<LoadedRound[]> {
  const rounds = await prisma.round.findMany({
    where: {
      ...(series.kind === "training" ? { trainingId: series.trainingId } : { kind: "PERIODIC" }),
      OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }],
    },
    select: roundSelect,
  });
  return rounds.sort((a, b) => closingTime(a).getTime() - closingTime(b).getTime());
}

export function rowOf(round: LoadedRound): RoundRow {
  return {
    id: round.id,
    k: round.k,
    invitedCount: round.invitedCount,
    responseCount: round.responseCount,
    audience: round.audience,
    sharedLink: round.sharedKey !== null,
  };
}

export interface QuestionLabel {
  id: string;
  text: string;
}

/** HR pages are in English; a question written only in another language shows that wording. */
export function questionsOf(round: LoadedRound, type: "RATING" | "TEXT"): QuestionLabel[] {
  return round.survey.questions
    .filter((q) => q.type === type)
    .map((q) => ({ id: q.id, text: (q.texts.find((t) => t.locale === "en") ?? q.texts[0])?.text ?? "Question" }));
}

export function isClosed(round: LoadedRound, now = new Date()) {
  return roundStatus(round, now) === "closed";
}

export function factsOf(round: LoadedRound): Promise<RoundFacts> {
  return closedRoundFacts(
    rowOf(round),
    questionsOf(round, "RATING").map((q) => q.id),
  );
}

/**
 * The rounds whose results the viewer may open, newest first, by id and name: what a form may
 * offer them to link to (an action item's round). The same decision as assertMayView, made for
 * every round at once: a manager's department is looked up among each round's invitations in
 * one query.
 */
export async function listViewableRounds(viewer: ResultsViewer): Promise<{ id: string; name: string }[]> {
  const rounds = await prisma.round.findMany({
    orderBy: { opensAt: "desc" },
    select: { id: true, name: true, audience: true, training: { select: { trainerId: true } } },
  });
  const invitedHere =
    viewer.role === "MANAGER" && viewer.departmentId
      ? new Set(
          (await prisma.invitation.groupBy({ by: ["roundId"], where: { departmentId: viewer.departmentId } })).map(
            (row) => row.roundId,
          ),
        )
      : new Set<string>();
  const viewable = [];
  for (const round of rounds) {
    const allowed = await mayViewRound(viewer, {
      trainerId: round.training?.trainerId ?? null,
      audienceIncludesViewer: async () =>
        maySeeRound(viewer, {
          audience: parseAudience(round.audience),
          invitedDepartmentIds: invitedHere.has(round.id) && viewer.departmentId ? [viewer.departmentId] : [],
        }),
    });
    if (allowed) viewable.push({ id: round.id, name: round.name });
  }
  return viewable;
}

/** Throws ResultsForbiddenError unless the viewer may open this round's results. */
export async function assertMayView(viewer: ResultsViewer, round: LoadedRound) {
  const allowed = await mayViewRound(viewer, {
    trainerId: round.training?.trainerId ?? null,
    audienceIncludesViewer: () => viewerMaySeeRound(viewer, round),
  });
  if (!allowed) throw new ResultsForbiddenError();
}

export async function namesOf(departmentIds: Iterable<string>, roleIds: Iterable<string>) {
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: [...new Set(departmentIds)] } },
      select: { id: true, name: true },
    }),
    prisma.role.findMany({ where: { id: { in: [...new Set(roleIds)] } }, select: { id: true, name: true } }),
  ]);
  return {
    department: new Map(departments.map((d) => [d.id, d.name])),
    role: new Map(roles.map((r) => [r.id, r.name])),
  };
}

export const collator = new Intl.Collator("en");
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
