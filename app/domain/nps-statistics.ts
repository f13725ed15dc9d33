/**
 * Every interval and every change label Candor shows comes from this module (docs/STATISTICS.md
 * gives the formulas, the reasons and the simulations that check them).
 *
 * Interval: the adjusted Wald interval of Rocks (2016), as the R package NPS computes it: add
 * 3 pseudo-answers (0.75 promoter, 1.5 passive, 0.75 detractor), then a Wald interval around
 * the adjusted score, clipped to -100..100. No finite-population correction: it would assume
 * that who answers is a random draw of who was invited, and it shrank intervals to nothing
 * where nearly everyone answered. Where the invited count is who could answer, the interval is
 * also kept within what the people who did not answer could change, whatever they think.
 *
 * Change: the two-sample adjusted Wald test of the R package's nps_test: the difference of the
 * adjusted scores over sqrt(SE1^2 + SE2^2), with a two-sided normal p-value.
 *
 * Labels: on a page, one change may be the primary question (the whole company's latest change,
 * a training's after vs before), tested alone at 5%. Every other change on the page is one
 * family: Holm's method for up to HOLM_UP_TO changes, Benjamini-Hochberg beyond. A change that
 * could not reach its threshold whatever the answers (Tarone's rule for discrete tests) is
 * "too few answers to tell", never "within the noise", and is not counted in the family.
 */
import { errorFunction } from "simple-statistics";
import { npsOf, responsesOf, type CategoryCounts } from "./nps";

/** The level every label is held to: a false alarm less than 1 time in 20. */
export const ALPHA = 0.05;
/** The normal quantile of a two-sided 95% interval, qnorm(0.975) as R gives it. */
export const Z_95 = 1.959963984540054;
/** The pseudo-answers of the adjusted Wald interval: 0.75 promoter, 1.5 passive, 0.75 detractor. */
export const PSEUDO_ANSWERS = { promoters: 0.75, passives: 1.5, detractors: 0.75 } as const;
/** Families of at most this many changes use Holm's method; larger ones Benjamini-Hochberg. */
export const HOLM_UP_TO = 10;

export interface NpsEstimate {
  n: number;
  /** The measured score, 100 * (P - D) / n. */
  nps: number;
  /** The adjusted score the interval and the change test are centred on. */
  adjusted: number;
  /** Standard error of the adjusted score, in points. */
  se: number;
  low: number;
  high: number;
  /**
   * How many could have answered, when the interval is about them and kept within what those
   * who did not answer could change; null when who could answer is unknown (a shared link).
   */
  population: number | null;
}

/** The adjusted score and its standard error, in points (n' = n + 3 pseudo-answers). */
export function adjustedScore(counts: CategoryCounts): { adjusted: number; se: number } {
  const n = responsesOf(counts) + PSEUDO_ANSWERS.promoters + PSEUDO_ANSWERS.passives + PSEUDO_ANSWERS.detractors;
  const p = (counts.promoters + PSEUDO_ANSWERS.promoters) / n;
  const d = (counts.detractors + PSEUDO_ANSWERS.detractors) / n;
  return { adjusted: 100 * (p - d), se: 100 * Math.sqrt((p + d - (p - d) ** 2) / n) };
}

/**
 * The scores the whole invited group could have, whatever the N - n who did not answer think:
 * all of them detractors at one end, all promoters at the other.
 */
export function nonResponseBounds(counts: CategoryCounts, invited: number): { low: number; high: number } {
  const n = responsesOf(counts);
  const net = counts.promoters - counts.detractors;
  const silent = invited - n;
  return { low: (100 * (net - silent)) / invited, high: (100 * (net + silent)) / invited };
}

/**
 * A score with its 95% interval; null when nobody answered. `population` is how many could
 * have answered, given only when that is known (invited by name, no shared link).
 */
export function estimateNps(counts: CategoryCounts, population?: number | null): NpsEstimate | null {
  const n = responsesOf(counts);
  const nps = npsOf(counts);
  if (nps === null) return null;
  const { adjusted, se } = adjustedScore(counts);
  let low = Math.max(-100, adjusted - Z_95 * se);
  let high = Math.min(100, adjusted + Z_95 * se);
  const known = population != null && population >= n ? population : null;
  if (known !== null) {
    const bounds = nonResponseBounds(counts, known);
    // From 3 answers (the least ever shown) both hold the measured score, so they overlap
    // (tests/unit/nps-statistics.test.ts); the guard keeps a sane range for fewer.
    if (bounds.low <= high && bounds.high >= low) {
      low = Math.max(low, bounds.low);
      high = Math.min(high, bounds.high);
    } else {
      ({ low, high } = bounds);
    }
  }
  return { n, nps, adjusted, se, low, high, population: known };
}

/** What the change test needs of each side. */
export type TestedScore = Pick<NpsEstimate, "n" | "nps" | "adjusted" | "se">;

export interface ChangeTest {
  /** The change in the measured scores, as the page shows them. */
  delta: number;
  /** The change in the adjusted scores, which is what is tested. */
  adjustedDelta: number;
  /** Standard error of the change, sqrt(SE1^2 + SE2^2). */
  se: number;
  /** Two-sided p-value: how often chance alone would give a change at least this large. */
  p: number;
  /** The smallest p-value answers from groups of these sizes could give at all. */
  bestP: number;
}

/** Two-sided normal p-value of a z statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/**
 * The smallest p-value any answers could give for groups of n1 and n2: everyone a promoter on
 * one side and a detractor on the other (the largest |z|; the unit tests check it against every
 * outcome of small groups).
 */
export function bestPossibleP(n1: number, n2: number): number {
  const top = (n: number) => adjustedScore({ promoters: n, passives: 0, detractors: 0 });
  const [first, second] = [top(n1), top(n2)];
  // All detractors is the mirror image of all promoters: the same SE, the opposite score.
  return twoSidedP((first.adjusted + second.adjusted) / Math.hypot(first.se, second.se));
}

/** The two-sample adjusted Wald test of the change from `before` to `after`. */
export function testChange(before: TestedScore, after: TestedScore): ChangeTest {
  const se = Math.hypot(before.se, after.se);
  const adjustedDelta = after.adjusted - before.adjusted;
  return {
    delta: after.nps - before.nps,
    adjustedDelta,
    se,
    p: twoSidedP(adjustedDelta / se),
    bestP: bestPossibleP(before.n, after.n),
  };
}

/**
 * "change": chance alone would give a change this large less than 1 time in 20 (after the
 * page's control for many changes); "noise": it could well be chance; "too-few": no answers
 * from groups this small could have shown a change at the page's threshold.
 */
export type Verdict = "change" | "noise" | "too-few";

/** How a label was held to 5%: alone, or as one of a family of changes on the page. */
export type Control =
  | { method: "alone" }
  /** `tests`: the changes counted; `excluded`: those too small to count (too few answers to tell). */
  | { method: "holm" | "bh"; tests: number; excluded: number };

export interface NpsChange extends ChangeTest {
  verdict: Verdict;
  control: Control;
}

export interface ChangeToLabel {
  /** The same key means the same comparison (one test, one label, wherever it is shown). */
  key: string;
  test: ChangeTest;
}

function alone(test: ChangeTest): NpsChange {
  const verdict: Verdict = test.bestP >= ALPHA ? "too-few" : test.p < ALPHA ? "change" : "noise";
  return { ...test, verdict, control: { method: "alone" } };
}

/**
 * Tarone's rule: the smallest K such that at most K changes could reach ALPHA / K. Only those
 * are counted; the rest could not be a clear change whatever the answers.
 */
function countable(tests: readonly ChangeTest[]): boolean[] {
  for (let k = 1; k <= tests.length; k++) {
    const reachable = tests.map((t) => t.bestP < ALPHA / k);
    if (reachable.filter(Boolean).length <= k) return reachable;
  }
  return tests.map(() => false);
}

/** Which of `ps` a family rejects: Holm's step-down, or Benjamini-Hochberg's step-up. */
function rejected(ps: readonly number[], method: "holm" | "bh"): boolean[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
  const result = ps.map(() => false);
  if (method === "holm") {
    for (let rank = 0; rank < m && ps[order[rank]] <= ALPHA / (m - rank); rank++) result[order[rank]] = true;
    return result;
  }
  let last = -1;
  for (let rank = 0; rank < m; rank++) if (ps[order[rank]] <= (ALPHA * (rank + 1)) / m) last = rank;
  for (let rank = 0; rank <= last; rank++) result[order[rank]] = true;
  return result;
}

/**
 * The labels of every change on one page: the primary change alone at 5%, the others as one
 * family (Holm up to HOLM_UP_TO changes, Benjamini-Hochberg beyond). Keyed as given; a change
 * with the primary's key is the primary, and changes sharing a key are counted once.
 */
export function labelChanges(primary: ChangeToLabel | null, others: readonly ChangeToLabel[]): Map<string, NpsChange> {
  const labels = new Map<string, NpsChange>();
  if (primary) labels.set(primary.key, alone(primary.test));
  const family = new Map<string, ChangeTest>();
  for (const { key, test } of others) if (!labels.has(key) && !family.has(key)) family.set(key, test);
  const keys = [...family.keys()];
  const tests = [...family.values()];
  const method = tests.length <= HOLM_UP_TO ? "holm" : "bh";
  const counted = countable(tests);
  const countedTests = tests.filter((_, i) => counted[i]);
  const isChange = rejected(
    countedTests.map((t) => t.p),
    method,
  );
  const control: Control = { method, tests: countedTests.length, excluded: tests.length - countedTests.length };
  let next = 0;
  tests.forEach((test, i) => {
    const verdict: Verdict = !counted[i] ? "too-few" : isChange[next++] ? "change" : "noise";
    labels.set(keys[i], { ...test, verdict, control });
  });
  return labels;
}

/** One change on a page of its own (an action item's "did it work?"): tested alone at 5%. */
export function labelAlone(test: ChangeTest): NpsChange {
  return alone(test);
}
