import { describe, expect, it } from "vitest";
import {
  categoryOf,
  compareNps,
  countsFromDistribution,
  estimateNps,
  finitePopulationCorrection,
  npsOf,
  roundTo1,
} from "~/domain/nps";

// Expected values below were worked out by hand with the formulas in docs/ARCHITECTURE.md
// (adjusted Wald, Rocks 2016) and checked with a separate calculator, not with this code.
const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe("categoryOf", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("puts %i among the %s", (score, category) => {
    expect(categoryOf(score)).toBe(category);
  });
});

describe("npsOf", () => {
  it("is 100 * (P - D) / n", () => {
    expect(npsOf(counts(6, 3, 1))).toBe(50);
    expect(npsOf(counts(40, 35, 25))).toBe(15);
    expect(npsOf(counts(0, 0, 5))).toBe(-100);
    expect(npsOf(counts(1, 1, 1))).toBe(0);
  });

  it("is null without answers, never NaN", () => {
    expect(npsOf(counts(0, 0, 0))).toBeNull();
    expect(estimateNps(counts(0, 0, 0))).toBeNull();
  });
});

describe("countsFromDistribution", () => {
  it("sums a 0-10 distribution into categories", () => {
    expect(countsFromDistribution([1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5])).toEqual(counts(9, 3, 3));
  });
});

describe("estimateNps", () => {
  it.each([
    { c: counts(6, 3, 1), invited: null, se: 19.727317, low: -0.204003, high: 77.12708 },
    { c: counts(6, 3, 1), invited: 12, se: 8.411756, low: 21.974496, high: 54.948581 },
    { c: counts(40, 35, 25), invited: null, se: 7.786113, low: -0.697675, high: 29.823889 },
    { c: counts(40, 35, 25), invited: 120, se: 3.191995, low: 8.306796, high: 20.819417 },
    { c: counts(1, 1, 1), invited: null, se: 31.180478, low: -61.113737, high: 61.113737 },
  ])("matches the hand-worked interval for $c with $invited invited", ({ c, invited, se, low, high }) => {
    const estimate = estimateNps(c, invited)!;
    expect(estimate.se).toBeCloseTo(se, 5);
    expect(estimate.low).toBeCloseTo(low, 5);
    expect(estimate.high).toBeCloseTo(high, 5);
  });

  it("clips the interval to -100..100", () => {
    expect(estimateNps(counts(0, 0, 5))).toMatchObject({ nps: -100, low: -100 });
    expect(estimateNps(counts(0, 0, 5))!.high).toBeCloseTo(-17.490626, 5);
    expect(estimateNps(counts(5, 0, 0))).toMatchObject({ nps: 100, high: 100 });
  });

  it("has no doubt left when everyone invited answered", () => {
    const census = estimateNps(counts(6, 3, 1), 10)!;
    expect(census.se).toBe(0);
  });

  it("gives the exact NPS as the interval when everyone invited answered", () => {
    // The adjusted centre (38.5 here) is an estimate for a sample; with everyone counted the
    // score is known exactly, and an interval that left it out would contradict the page.
    expect(estimateNps(counts(6, 3, 1), 10)).toMatchObject({ nps: 50, se: 0, low: 50, high: 50 });
  });

  it("narrows as the sample grows", () => {
    const small = estimateNps(counts(4, 3, 3))!;
    const large = estimateNps(counts(400, 300, 300))!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 5);
  });
});

describe("finitePopulationCorrection", () => {
  it("is sqrt((N - n) / (N - 1)) when N is known and sensible, else 1", () => {
    expect(finitePopulationCorrection(10, 12)).toBeCloseTo(Math.sqrt(2 / 11), 12);
    expect(finitePopulationCorrection(10, null)).toBe(1);
    expect(finitePopulationCorrection(10, 5)).toBe(1);
    expect(finitePopulationCorrection(1, 1)).toBe(1);
  });
});

describe("compareNps", () => {
  it("calls a change significant only beyond 1.96 * sqrt(SE1^2 + SE2^2)", () => {
    const change = compareNps(estimateNps(counts(40, 35, 25))!, estimateNps(counts(55, 30, 15))!);
    expect(change.delta).toBe(25);
    expect(change.threshold).toBeCloseTo(20.869804, 5);
    expect(change.significant).toBe(true);
  });

  it("calls a large change in small groups within the noise", () => {
    const change = compareNps(estimateNps(counts(10, 5, 5))!, estimateNps(counts(12, 5, 3))!);
    expect(change.delta).toBe(20);
    expect(change.threshold).toBeCloseTo(45.406801, 5);
    expect(change.significant).toBe(false);
  });

  it("is symmetric in size and opposite in sign when reversed", () => {
    const a = estimateNps(counts(30, 10, 10))!;
    const b = estimateNps(counts(10, 10, 30))!;
    expect(compareNps(a, b).delta).toBe(-compareNps(b, a).delta);
    expect(compareNps(a, b).threshold).toBe(compareNps(b, a).threshold);
  });
});

describe("roundTo1", () => {
  it("rounds halves away from zero and never shows -0", () => {
    expect(roundTo1(12.25)).toBe(12.3);
    expect(roundTo1(-12.25)).toBe(-12.3);
    expect(roundTo1(-0.04)).toBe(0);
    expect(roundTo1(33.333333)).toBe(33.3);
  });
});

describe("estimateNps over every small sample", () => {
  it("always includes the measured NPS in its interval, with or without the correction", () => {
    for (let n = 1; n <= 30; n++) {
      for (let promoters = 0; promoters <= n; promoters++) {
        for (let detractors = 0; promoters + detractors <= n; detractors++) {
          const c = counts(promoters, n - promoters - detractors, detractors);
          for (const invited of [null, n, n + 1, 2 * n, 100 * n]) {
            const e = estimateNps(c, invited)!;
            expect(e.low, `${promoters}/${detractors} of ${n}, ${invited} invited`).toBeLessThanOrEqual(e.nps + 1e-9);
            expect(e.high).toBeGreaterThanOrEqual(e.nps - 1e-9);
            expect(e.low).toBeGreaterThanOrEqual(-100);
            expect(e.high).toBeLessThanOrEqual(100);
          }
        }
      }
    }
  });

  it("widens to the measured score where the corrected interval would miss it", () => {
    // 9 of 10 invited answered, 6 promoters, 1 detractor: NPS 55.6, corrected centre lower.
    const e = estimateNps(counts(6, 2, 1), 10)!;
    expect(e.nps).toBeCloseTo(55.556, 3);
    expect(e.high).toBeCloseTo(55.556, 3);
    expect(e.low).toBeLessThan(40);
  });
});
