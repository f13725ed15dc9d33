import { OVERALL_KEY } from "~/domain/anonymity";
import type { GroupFigures } from "~/domain/group-figures";
import type { Category } from "~/domain/nps";
import type { NpsChange } from "~/domain/nps-statistics";
import type { RoundStatus } from "~/domain/round-status";
import {
  compareRatings,
  compareTraining,
  type GroupComparison,
  type GroupSide,
  type RatingComparison,
} from "~/domain/training-comparison";
import { summariseTrainings, type RoundOutcome, type TrainingsSummary } from "~/domain/training-pooling";
import { isTrainingRoundKind, TRAINING_ROUND_KINDS, type TrainingRoundKind } from "~/domain/training-rounds";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import {
  getRoundComments,
  getRoundResults,
  ResultsForbiddenError,
  type ClosedRoundResults,
  type CommentPage,
  type GroupResult,
  type ResultsViewer,
  type RoundResults,
} from "./results/index.server";

/**
 * Trainings' figures: before vs after for one training, and trainings side by side. Every
 * figure comes from the results gate (getRoundResults, getRoundComments), round by round, so
 * the anonymity rules hold as on the results page; this module only puts shown figures next
 * to each other (domain/training-comparison.ts) and pools shown rounds (domain/training-pooling.ts).
 */

/** Admins see every training's figures, a trainer those of the trainings they run. */
function mayView(viewer: ResultsViewer, trainerId: string) {
  return viewer.role === "ADMIN" || (viewer.role === "TRAINER" && viewer.id === trainerId);
}

type Rounds = Partial<Record<TrainingRoundKind, string>>;

/** The id of the training's first round of each kind. */
function roundIdsOf(rounds: { id: string; kind: string; createdAt: Date }[]): Rounds {
  const ids: Rounds = {};
  for (const round of [...rounds].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (isTrainingRoundKind(round.kind)) ids[round.kind] ??= round.id;
  }
  return ids;
}

const trainingRounds = { select: { id: true, kind: true, createdAt: true } } as const;

export interface ComparedRound {
  id: string;
  name: string;
  kind: TrainingRoundKind;
  status: RoundStatus;
  k: number;
  closesAt: Date;
  closedAt: Date | null;
  /** Whether the round has a shared link (then who could answer is unknown). */
  sharedLink: boolean;
  /** The whole round's figures; null while the round is not closed, and when the gate withholds them. */
  figures: GroupFigures | null;
  /** Closed, and its figures withheld (fewer than k answers). */
  withheld: boolean;
}

export interface TrainingComparison {
  before: ComparedRound | null;
  after: ComparedRound | null;
  followUp: ComparedRound | null;
  /** After vs before; null unless both are shown. */
  change: NpsChange | null;
  /** Follow-up vs before; null unless both are shown. */
  followUpChange: NpsChange | null;
  ratings: RatingComparison[];
  /** Departments and roles shown in both the before and the after round. */
  departments: GroupComparison[];
  roles: GroupComparison[];
  /** The after round's comments, when the gate lets the whole round's comments be listed. */
  comments: CommentPage | null;
}

export interface TrainingCommentQuery {
  search?: string;
  category?: Category | null;
  page?: number;
}

function comparedRound(results: RoundResults, kind: TrainingRoundKind): ComparedRound {
  const { round } = results;
  const figures = results.state === "closed" ? (results.overall?.figures ?? null) : null;
  return {
    id: round.id,
    name: round.name,
    kind,
    status: round.status,
    k: round.k,
    closesAt: round.closesAt,
    closedAt: round.closedAt,
    sharedLink: round.sharedLink,
    figures,
    withheld: results.state === "closed" && figures === null,
  };
}

function sidesOf(groups: GroupResult[], id: (g: GroupResult) => string | null): GroupSide[] {
  return groups.map((g) => ({ id: id(g)!, name: g.name, figures: g.figures }));
}

const closedOf = (results: RoundResults | null) => (results?.state === "closed" ? results : null);

/** The shown whole-round results of a closed round, or null. */
function shownOf(results: RoundResults | null): ClosedRoundResults | null {
  const closed = closedOf(results);
  return closed?.overall?.figures ? closed : null;
}

/**
 * Before vs after (and the follow-up) of one training, as far as the gate shows them. Null
 * for an unknown training; throws ResultsForbiddenError when it is not the viewer's to see
 * (another trainer's training; any training for a manager).
 */
export async function getTrainingComparison(
  trainingId: string,
  viewer: ResultsViewer,
  query: TrainingCommentQuery = {},
  now = new Date(),
): Promise<TrainingComparison | null> {
  const training = await prisma.training.findUnique({
    where: { id: trainingId },
    select: { trainerId: true, rounds: trainingRounds },
  });
  if (!training) return null;
  if (!mayView(viewer, training.trainerId)) throw new ResultsForbiddenError();
  const ids = roundIdsOf(training.rounds);
  const read = (kind: TrainingRoundKind) =>
    ids[kind] ? getRoundResults(ids[kind]!, viewer, now) : Promise.resolve(null);
  const [before, after, followUp] = await Promise.all(TRAINING_ROUND_KINDS.map(read));
  const side = (results: RoundResults | null, kind: TrainingRoundKind) =>
    results ? comparedRound(results, kind) : null;
  const [shownBefore, shownAfter, shownFollowUp] = [shownOf(before), shownOf(after), shownOf(followUp)];
  const questions = (closedOf(after) ?? closedOf(before) ?? closedOf(followUp))?.ratingQuestions ?? [];
  const beforeRound = side(before, "TRAINING_PRE");
  const afterRound = side(after, "TRAINING_POST");
  const followUpRound = side(followUp, "TRAINING_FOLLOWUP");
  const comments =
    shownAfter && shownAfter.overall!.comments
      ? await getRoundComments(shownAfter.round.id, viewer, { groupKey: OVERALL_KEY, ...query }, now)
      : null;
  const both = shownBefore && shownAfter ? { before: shownBefore, after: shownAfter } : null;
  const groups = (list: "departments" | "roles", id: (g: GroupResult) => string | null) => ({
    before: both ? sidesOf(both.before[list], id) : [],
    after: both ? sidesOf(both.after[list], id) : [],
  });
  const changes = compareTraining({
    before: beforeRound?.figures ?? null,
    after: afterRound?.figures ?? null,
    followUp: followUpRound?.figures ?? null,
    departments: groups("departments", (g) => g.departmentId),
    roles: groups("roles", (g) => g.roleId),
  });
  return {
    before: beforeRound,
    after: afterRound,
    followUp: followUpRound,
    ...changes,
    ratings: compareRatings(questions, {
      before: shownBefore?.overall!.ratings ?? null,
      after: shownAfter?.overall!.ratings ?? null,
      followUp: shownFollowUp?.overall!.ratings ?? null,
    }),
    comments,
  };
}

function outcomeOf(results: RoundResults | null): RoundOutcome {
  if (!results) return { state: "missing" };
  if (results.state !== "closed") return { state: "pending", status: results.state, closesAt: results.round.closesAt };
  const figures = results.overall?.figures;
  if (!figures) return { state: "withheld", k: results.round.k };
  const { responses: n, promoters, passives, detractors, nps, adjusted, se, low, high, population } = figures;
  return {
    state: "shown",
    k: results.round.k,
    score: { n, promoters, passives, detractors, nps, adjusted, se, low, high, population },
  };
}

/**
 * Every training the viewer may see (a trainer's own; all for an admin), the latest first,
 * with its before and after scores as the gate shows them, the change, and the pools across
 * them: overall, per trainer and per topic. Managers see none.
 */
export async function getTrainingOverview(viewer: ResultsViewer, now = new Date()): Promise<TrainingsSummary> {
  if (viewer.role !== "ADMIN" && viewer.role !== "TRAINER") throw new ResultsForbiddenError();
  const where: Prisma.TrainingWhereInput = viewer.role === "ADMIN" ? {} : { trainerId: viewer.id };
  const trainings = await prisma.training.findMany({
    where,
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      topic: true,
      startsOn: true,
      trainer: { select: { id: true, name: true } },
      rounds: trainingRounds,
    },
  });
  const rows = [];
  for (const training of trainings) {
    const ids = roundIdsOf(training.rounds);
    const read = async (kind: TrainingRoundKind) =>
      outcomeOf(ids[kind] ? await getRoundResults(ids[kind]!, viewer, now) : null);
    const { rounds: _rounds, ...rest } = training;
    rows.push({ ...rest, before: await read("TRAINING_PRE"), after: await read("TRAINING_POST") });
  }
  return summariseTrainings(rows);
}
