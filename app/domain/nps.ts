/**
 * Net Promoter Score arithmetic. Promoters answer 9-10, passives 7-8, detractors 0-6;
 * NPS = 100 * (P - D) / n, from -100 to 100. Intervals and change tests: nps-statistics.ts.
 */

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

/** One decimal (halves away from zero), the precision every page and export shows. */
export function roundTo1(value: number): number {
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9)) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
