import { describe, expect, it } from "vitest";
import { categoryOf, countsFromDistribution, npsOf, roundTo1 } from "~/domain/nps";

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
  });
});

describe("countsFromDistribution", () => {
  it("sums a 0-10 distribution into categories", () => {
    expect(countsFromDistribution([1, 0, 0, 0, 0, 0, 2, 3, 0, 4, 5])).toEqual(counts(9, 3, 3));
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
