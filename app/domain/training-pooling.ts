/**
 * Trainings side by side, and pooled figures across them (a trainer's overall change, each
 * trainer's and each topic's).
 *
 * The anonymity rule for pooling: a pooled figure takes in only rounds whose own figures are
 * shown (at least k answers and not withheld by the gate), and only trainings whose before
 * and after rounds are both shown. A pool that also took in a withheld round would give it
 * away: the pool minus the trainings shown next to it is that round. So every pooled figure
 * is a sum of figures already on the page, and says nothing new about any round.
 */
import type { CategoryCounts } from "./nps";
import {
  estimateNps,
  labelChanges,
  testChange,
  type ChangeTest,
  type ChangeToLabel,
  type NpsChange,
  type NpsEstimate,
} from "./nps-statistics";

/** A round's whole-round figures as the gate shows them. */
export interface ShownScore extends CategoryCounts, NpsEstimate {}

export type RoundOutcome =
  | { state: "shown"; k: number; score: ShownScore }
  /** Closed, and the gate withholds its figures (fewer than k answers). */
  | { state: "withheld"; k: number }
  /** Not closed yet: scores appear once it closes. */
  | { state: "pending"; status: "scheduled" | "open"; closesAt: Date }
  /** The training has no such round. */
  | { state: "missing" };

export interface TrainingRow {
  id: string;
  title: string;
  topic: string;
  trainer: { id: string; name: string };
  startsOn: Date;
  before: RoundOutcome;
  after: RoundOutcome;
}

export interface ComparedTrainingRow extends TrainingRow {
  /** After vs before; null unless both rounds are shown. */
  change: NpsChange | null;
}

export interface PooledScore extends NpsEstimate, CategoryCounts {
  /** How many rounds it sums. */
  rounds: number;
}

export interface Pool {
  key: string;
  label: string;
  /** Trainings in the group. */
  trainings: number;
  /** Trainings whose before and after are both shown: the only ones pooled. */
  compared: number;
  before: PooledScore | null;
  after: PooledScore | null;
  change: NpsChange | null;
}

/** Whether a round may enter a pool: shown by the gate, and (checked again here) at least k answers. */
export function isPoolable(outcome: RoundOutcome): outcome is Extract<RoundOutcome, { state: "shown" }> {
  return outcome.state === "shown" && outcome.score.n >= outcome.k && outcome.score.n > 0;
}

/** Both rounds of the training may be pooled. */
export function isCompared(row: TrainingRow): boolean {
  return isPoolable(row.before) && isPoolable(row.after);
}

function testOf(row: TrainingRow): ChangeTest | null {
  return isPoolable(row.before) && isPoolable(row.after) ? testChange(row.before.score, row.after.score) : null;
}

/**
 * One score from the answers of several rounds together: their promoters, passives and
 * detractors summed. Its interval is about the rounds' invited counts added up, as each
 * round's is about its own: the pooled rounds asked that many people, and a pool of one
 * training is exactly that training. When any pooled round has no such count (a shared
 * link), neither has the pool: who could answer is unknown.
 */
export function poolScores(scores: readonly ShownScore[]): PooledScore | null {
  const counts: CategoryCounts = { promoters: 0, passives: 0, detractors: 0 };
  let population: number | null = 0;
  for (const score of scores) {
    counts.promoters += score.promoters;
    counts.passives += score.passives;
    counts.detractors += score.detractors;
    population = population === null || score.population === null ? null : population + score.population;
  }
  const estimate = estimateNps(counts, population);
  return estimate && { ...estimate, ...counts, rounds: scores.length };
}

interface UnlabelledPool extends Omit<Pool, "change"> {
  test: ChangeTest | null;
  /** The trainings it compares, as a key: pools of the same trainings are the same test. */
  same: string;
}

function poolTrainings(key: string, label: string, rows: readonly TrainingRow[]): UnlabelledPool {
  const compared = rows.filter(isCompared);
  const scoresOf = (side: "before" | "after") =>
    compared.map((row) => {
      const outcome = row[side];
      if (!isPoolable(outcome)) throw new Error("Only shown rounds are pooled.");
      return outcome.score;
    });
  const before = poolScores(scoresOf("before"));
  const after = poolScores(scoresOf("after"));
  return {
    key,
    label,
    trainings: rows.length,
    compared: compared.length,
    before,
    after,
    test: before && after ? testChange(before, after) : null,
    same: sameTrainings(compared),
  };
}

const sameTrainings = (rows: readonly TrainingRow[]) =>
  rows
    .map((row) => row.id)
    .sort()
    .join(" ");

const collator = new Intl.Collator("en");

/** Rows grouped by key, each group pooled and named by the label of its first row. */
function poolsBy(
  rows: readonly TrainingRow[],
  keyOf: (row: TrainingRow) => { key: string; label: string },
): UnlabelledPool[] {
  const groups = new Map<string, { label: string; rows: TrainingRow[] }>();
  for (const row of rows) {
    const { key, label } = keyOf(row);
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => poolTrainings(key, group.label, group.rows))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export interface TrainingsSummary {
  rows: ComparedTrainingRow[];
  overall: Pool;
  byTrainer: Pool[];
  byTopic: Pool[];
}

/**
 * Every training with its change, and the pools across all of them, per trainer and per topic,
 * labelled as one page: the pool of all trainings is the primary question, tested alone; every
 * other change is one family. The same trainings compared twice (a trainer with one training,
 * a topic that is all of them) are one test with one label.
 */
export function summariseTrainings(rows: readonly TrainingRow[]): TrainingsSummary {
  const overall = poolTrainings("overall", "All trainings", rows);
  // A trainer sees only their own trainings: their one pool is the overall one, not another test.
  const byTrainer = poolsBy(rows, (row) => ({ key: row.trainer.id, label: row.trainer.name }));
  // Topics are typed by hand: "Sales" and "sales " are one topic.
  const byTopic = poolsBy(rows, (row) => ({ key: row.topic.trim().toLowerCase(), label: row.topic.trim() }));
  const rowTests = rows.map((row) => ({ row, test: testOf(row), same: sameTrainings([row]) }));
  const toLabel = (item: { test: ChangeTest | null; same: string }): ChangeToLabel[] =>
    item.test ? [{ key: item.same, test: item.test }] : [];
  const labels = labelChanges(toLabel(overall)[0] ?? null, [
    ...rowTests.flatMap(toLabel),
    ...byTrainer.flatMap(toLabel),
    ...byTopic.flatMap(toLabel),
  ]);
  const labelled = ({ test, same, ...pool }: UnlabelledPool): Pool => ({
    ...pool,
    change: test && labels.get(same)!,
  });
  return {
    rows: rowTests.map(({ row, test, same }) => ({ ...row, change: test && labels.get(same)! })),
    overall: labelled(overall),
    byTrainer: byTrainer.map(labelled),
    byTopic: byTopic.map(labelled),
  };
}
