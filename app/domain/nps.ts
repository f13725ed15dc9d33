/**
 * Net Promoter Score arithmetic, with honest uncertainty.
 *
 * Promoters answer 9-10, passives 7-8, detractors 0-6; NPS = 100 * (P - D) / n, -100..100.
 * The 95% interval is the adjusted Wald interval of Rocks (2016): add 3 answers (0.75 to
 * promoters and detractors each, 1.5 to passives), so small samples get a sensible width:
 *   n' = n + 3, p' = (P + 0.75) / n', d' = (D + 0.75) / n'
 *   SE = 100 * sqrt((p' + d' - (p' - d')^2) / n')
 *   interval = 100 * (p' - d') +/- 1.96 * SE, clipped to -100..100
 * When the number invited (N) is known, SE is multiplied by the finite-population correction
 * sqrt((N - n) / (N - 1)): asking 90 of 100 people leaves much less doubt than 90 of 10,000.
 * When all N answered, the interval is the NPS itself. The interval always includes the
 * measured NPS: with the correction, the adjusted centre can sit further from it than the shrunk
 * half-width, and an interval that leaves out the measured score helps nobody.
 */

export const Z_95 = 1.96;

export type Category = "promoter" | "passive" | "detractor";

export function categoryOf(score: number): Category {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

export interface CategoryCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export function countsFromDistribution(distribution: readonly number[]): CategoryCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  distribution.forEach((count, score) => {
    const category = categoryOf(score);
    if (category === "promoter") promoters += count;
    else if (category === "passive") passives += count;
    else detractors += count;
  });
  return { promoters, passives, detractors };
}

export function responsesOf(counts: CategoryCounts): number {
  return counts.promoters + counts.passives + counts.detractors;
}

/** NPS from -100 to 100; null when nobody answered. */
export function npsOf(counts: CategoryCounts): number | null {
  const n = responsesOf(counts);
  if (n === 0) return null;
  return (100 * (counts.promoters - counts.detractors)) / n;
}

export function finitePopulationCorrection(n: number, invited: number | null | undefined): number {
  if (invited == null || invited <= 1 || invited < n) return 1;
  return Math.sqrt((invited - n) / (invited - 1));
}

export interface NpsEstimate {
  n: number;
  nps: number;
  /** Standard error in NPS points, after the finite-population correction when it applies. */
  se: number;
  low: number;
  high: number;
}

/** NPS with its adjusted-Wald 95% interval; null when nobody answered. */
export function estimateNps(counts: CategoryCounts, invited?: number | null): NpsEstimate | null {
  const n = responsesOf(counts);
  const nps = npsOf(counts);
  if (nps === null) return null;
  const adjustedN = n + 3;
  const p = (counts.promoters + 0.75) / adjustedN;
  const d = (counts.detractors + 0.75) / adjustedN;
  const correction = finitePopulationCorrection(n, invited);
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / adjustedN) * correction;
  // Everyone invited answered: the score is known exactly, not estimated around a shrunk centre.
  if (correction === 0) return { n, nps, se: 0, low: nps, high: nps };
  const centre = 100 * (p - d);
  return {
    n,
    nps,
    se,
    low: Math.max(-100, Math.min(nps, centre - Z_95 * se)),
    high: Math.min(100, Math.max(nps, centre + Z_95 * se)),
  };
}

export interface NpsChange {
  delta: number;
  /** The smallest change that would count: 1.96 * sqrt(SE1^2 + SE2^2). */
  threshold: number;
  significant: boolean;
}

/** The change from `before` to `after`; significant only beyond the combined noise. */
export function compareNps(before: NpsEstimate, after: NpsEstimate): NpsChange {
  const delta = after.nps - before.nps;
  const threshold = Z_95 * Math.sqrt(before.se ** 2 + after.se ** 2);
  return { delta, threshold, significant: Math.abs(delta) > threshold };
}

/** One decimal (halves away from zero), the precision every page and export shows. */
export function roundTo1(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
