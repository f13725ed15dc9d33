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
import { compareNps, estimateNps, type CategoryCounts, type NpsChange, type NpsEstimate } from "./nps";

/** A round's whole-round figures as the gate shows them. */
export interface ShownScore extends CategoryCounts {
  n: number;
  nps: number;
  se: number;
  low: number;
  high: number;
  /**
   * The invited count its interval was corrected with (the finite-population correction);
   * null when it was not (a shared link: who could answer is unknown).
   */
  population: number | null;
}

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

export function changeOf(row: TrainingRow): NpsChange | null {
  return isPoolable(row.before) && isPoolable(row.after) ? compareNps(row.before.score, row.after.score) : null;
}

/**
 * One score from the answers of several rounds together: their promoters, passives and
 * detractors summed. Its interval gets the finite-population correction, as each round's
 * does, with the rounds' invited counts added up as the population: the pooled rounds asked
 * that many people, and a pool of one training is exactly that training. When any pooled
 * round was not corrected (a shared link), neither is the pool: its population is unknown.
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

export function poolTrainings(key: string, label: string, rows: readonly TrainingRow[]): Pool {
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
    change: before && after ? compareNps(before, after) : null,
  };
}

const collator = new Intl.Collator("en");

/** Rows grouped by key, each group pooled and named by the label of its first row. */
function poolsBy(rows: readonly TrainingRow[], keyOf: (row: TrainingRow) => { key: string; label: string }): Pool[] {
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

/** Every training with its change, and the pools across all of them, per trainer and per topic. */
export function summariseTrainings(rows: readonly TrainingRow[]): TrainingsSummary {
  return {
    rows: rows.map((row) => ({ ...row, change: changeOf(row) })),
    overall: poolTrainings("overall", "All trainings", rows),
    byTrainer: poolsBy(rows, (row) => ({ key: row.trainer.id, label: row.trainer.name })),
    // Topics are typed by hand: "Sales" and "sales " are one topic.
    byTopic: poolsBy(rows, (row) => ({ key: row.topic.trim().toLowerCase(), label: row.topic.trim() })),
  };
}
