/**
 * The figures of one group of a round (the whole round, a department, a role or a department x
 * role cell), computed from its summed tallies. Pure arithmetic: which groups may be shown is
 * decided before this runs (domain/anonymity.ts via models/results/index.server.ts).
 */
import { countsFromDistribution, roundTo1, type Category } from "./nps";
import { estimateNps } from "./nps-statistics";

export const SCORE_VALUES = 11;

/** The name of the group that is the whole round. */
export const EVERYONE = "Everyone";
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export interface Shares {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface GroupFigures {
  responses: number;
  /** How many were invited in this group; null when unknown (nobody was invited by name). */
  invited: number | null;
  /** responses / invited; null when the invited count is unknown. */
  rate: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  /** Fractions of the responses, 0..1. */
  shares: Shares;
  nps: number;
  /** The adjusted score (nps-statistics.ts) the interval and change tests are centred on. */
  adjusted: number;
  /** Standard error of the adjusted score, in NPS points. */
  se: number;
  /** The 95% interval (nps-statistics.ts). */
  low: number;
  high: number;
  /**
   * How many could have answered, when the interval is about them and kept within what those
   * who did not answer could change; null with a shared link or no invited count.
   */
  population: number | null;
  /** Responses per score, index 0..10. */
  distribution: number[];
}

/**
 * Figures from a 0-10 distribution. `population` is true when the invited count is everyone who
 * could answer (no shared link): only then is there a response rate, and an interval about the
 * invited group. Null when the distribution is empty.
 */
export function figuresOf(
  distribution: readonly number[],
  invited: number | null,
  population: boolean,
): GroupFigures | null {
  if (distribution.length !== SCORE_VALUES) throw new Error("A score distribution has 11 entries (0-10).");
  const counts = countsFromDistribution(distribution);
  const known = invited !== null && invited > 0 ? invited : null;
  const estimate = estimateNps(counts, population ? known : null);
  if (!estimate) return null;
  const n = estimate.n;
  return {
    responses: n,
    invited: known,
    // With a shared link anyone may answer, so responses over invited is no rate (it can pass 100%).
    rate: population && known !== null ? n / known : null,
    ...counts,
    shares: { promoters: counts.promoters / n, passives: counts.passives / n, detractors: counts.detractors / n },
    nps: estimate.nps,
    adjusted: estimate.adjusted,
    se: estimate.se,
    low: estimate.low,
    high: estimate.high,
    population: estimate.population,
    distribution: [...distribution],
  };
}

export interface RatingFigures {
  answers: number;
  mean: number;
  /** Answers per value 1..5, index 0..4. */
  distribution: number[];
}

/** Mean and distribution of a 1-5 item from its answers per value (index 0 is value 1). */
export function ratingFiguresOf(distribution: readonly number[]): RatingFigures | null {
  if (distribution.length !== RATING_VALUES.length) throw new Error("A rating distribution has 5 entries (1-5).");
  const answers = distribution.reduce((sum, count) => sum + count, 0);
  if (answers === 0) return null;
  const total = distribution.reduce((sum, count, index) => sum + count * RATING_VALUES[index], 0);
  return { answers, mean: total / answers, distribution: [...distribution] };
}

/** Adds `source` into `target` entry by entry (both the same length). */
export function addInto(target: number[], source: readonly number[]): number[] {
  for (let i = 0; i < target.length; i++) target[i] += source[i] ?? 0;
  return target;
}

/**
 * Heat level 0..6 of an NPS, for the breakdown colours: below -50, -50..-25, -25..0, 0..25,
 * 25..50, 50..75, 75 and up. Lower bounds belong to the higher level.
 */
export function heatLevel(nps: number): number {
  const bounds = [-50, -25, 0, 25, 50, 75];
  let level = 0;
  for (const bound of bounds) if (nps >= bound) level++;
  return level;
}

/** An NPS as pages print it: one decimal, a sign on positive values ("+12.5", "0.0", "-3.0"). */
export function formatNps(value: number): string {
  const rounded = roundTo1(value);
  const text = rounded.toFixed(1);
  return rounded > 0 ? `+${text}` : text;
}

/** A fraction as a percentage with one decimal ("42.9%"). */
export function formatShare(fraction: number): string {
  return `${roundTo1(fraction * 100).toFixed(1)}%`;
}

export const CATEGORY_LABELS: Record<Category, string> = {
  promoter: "Promoter",
  passive: "Passive",
  detractor: "Detractor",
};

export const CATEGORIES: readonly Category[] = ["promoter", "passive", "detractor"];
