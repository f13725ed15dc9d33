import { describe, expect, it } from "vitest";
import { addInto, figuresOf, formatNps, formatShare, heatLevel, ratingFiguresOf } from "~/domain/group-figures";

// Expected values were worked out by hand from the formulas in docs/STATISTICS.md (adjusted Wald
// with n' = n + 3 and 0.75 added to promoters and detractors, z = 1.959964, no finite-population
// correction) and checked with a separate calculator.

/** A 0-10 distribution from a list of scores. */
function distribution(...scores: number[]) {
  const counts = new Array<number>(11).fill(0);
  for (const score of scores) counts[score]++;
  return counts;
}

describe("figuresOf", () => {
  it("counts categories and shares, and gives the NPS with its interval (10 answers, no invited count)", () => {
    const figures = figuresOf(distribution(10, 10, 9, 9, 9, 9, 8, 7, 7, 3), null, true)!;
    expect(figures).toMatchObject({
      responses: 10,
      invited: null,
      rate: null,
      promoters: 6,
      passives: 3,
      detractors: 1,
      shares: { promoters: 0.6, passives: 0.3, detractors: 0.1 },
      nps: 50,
      population: null,
    });
    expect(figures.adjusted).toBeCloseTo(38.461538, 5);
    expect(figures.se).toBeCloseTo(19.727317, 5);
    expect(figures.low).toBeCloseTo(-0.203293, 5);
    expect(figures.high).toBeCloseTo(77.12637, 5);
    expect(figures.distribution).toEqual([0, 0, 0, 1, 0, 0, 0, 2, 1, 4, 2]);
  });

  it("keeps the interval within what the invited who did not answer could change, with the SE untouched", () => {
    // 12 invited, 10 answered, P - D = 5: (5 - 2) / 12 = 25.0 to (5 + 2) / 12 = 58.333333.
    const figures = figuresOf(distribution(10, 10, 9, 9, 9, 9, 8, 7, 7, 3), 12, true)!;
    expect(figures).toMatchObject({ invited: 12, population: 12, low: 25 });
    expect(figures.rate).toBeCloseTo(10 / 12, 12);
    expect(figures.se).toBeCloseTo(19.727317, 5);
    expect(figures.high).toBeCloseTo(58.333333, 5);
  });

  it("works out a group of exactly five: 2 promoters, 1 passive, 2 detractors", () => {
    const plain = figuresOf(distribution(9, 10, 8, 0, 6), null, true)!;
    expect(plain.nps).toBe(0);
    expect(plain.se).toBeCloseTo(29.315098, 5);
    expect(plain.low).toBeCloseTo(-57.456537, 5);
    expect(plain.high).toBeCloseTo(57.456537, 5);
    // Of 7 invited, the 2 silent could move it at most to (0 -/+ 2) / 7 = -/+28.571429.
    const ofSeven = figuresOf(distribution(9, 10, 8, 0, 6), 7, true)!;
    expect(ofSeven.se).toBeCloseTo(29.315098, 5);
    expect(ofSeven.low).toBeCloseTo(-28.571429, 5);
    expect(ofSeven.high).toBeCloseTo(28.571429, 5);
  });

  it("works out 3 promoters, 1 passive, 1 detractor out of 40 invited", () => {
    const figures = figuresOf(distribution(9, 9, 10, 7, 2), 40, true)!;
    expect(figures.nps).toBe(40);
    // The 35 silent could move it anywhere from -82.5 to +92.5: wider than the interval, which stays.
    expect(figures.se).toBeCloseTo(27.95085, 5);
    expect(figures.low).toBeCloseTo(-29.782659, 5);
    expect(figures.high).toBeCloseTo(79.782659, 5);
  });

  it("gives no rate and no bounds when told the invited are not who could answer (a shared link)", () => {
    const figures = figuresOf(distribution(9, 9, 10, 7, 2), 40, false)!;
    expect(figures).toMatchObject({ invited: 40, rate: null, population: null });
    expect(figuresOf(distribution(9, 9, 10, 7, 2), 4, false)).toMatchObject({ invited: 4, rate: null });
    expect(figures.se).toBeCloseTo(27.95085, 5);
  });

  it("uses no bounds when more answered than were invited", () => {
    const figures = figuresOf(distribution(9, 9, 10, 7, 2), 4, true)!;
    expect(figures).toMatchObject({ population: null, rate: 1.25 });
  });

  it("treats zero invited as unknown", () => {
    expect(figuresOf(distribution(9, 9, 10, 7, 2), 0, true)).toMatchObject({
      invited: null,
      rate: null,
      population: null,
    });
  });

  it("is null for an empty group and refuses a distribution of the wrong length", () => {
    expect(figuresOf(new Array(11).fill(0), 10, true)).toBeNull();
    expect(() => figuresOf([1, 2, 3], null, true)).toThrow(/11 entries/);
  });

  it("does not keep a reference to the caller's distribution", () => {
    const source = distribution(9, 9, 9, 9, 9);
    const figures = figuresOf(source, null, true)!;
    source[9] = 100;
    expect(figures.distribution[9]).toBe(5);
  });
});

describe("ratingFiguresOf", () => {
  it("gives the mean and distribution of a 1-5 item", () => {
    expect(ratingFiguresOf([1, 0, 2, 3, 4])).toEqual({ answers: 10, mean: 3.9, distribution: [1, 0, 2, 3, 4] });
  });

  it("is null without answers and refuses the wrong length", () => {
    expect(ratingFiguresOf([0, 0, 0, 0, 0])).toBeNull();
    expect(() => ratingFiguresOf([1, 2])).toThrow(/5 entries/);
  });
});

describe("addInto", () => {
  it("adds entry by entry, treating missing entries as zero", () => {
    expect(addInto([1, 2, 3], [1, 1, 1])).toEqual([2, 3, 4]);
    expect(addInto([1, 2, 3], [5])).toEqual([6, 2, 3]);
  });
});

describe("heatLevel", () => {
  it.each([
    [-100, 0],
    [-50.1, 0],
    [-50, 1],
    [-25.1, 1],
    [-25, 2],
    [-0.1, 2],
    [0, 3],
    [24.9, 3],
    [25, 4],
    [49.9, 4],
    [50, 5],
    [75, 6],
    [100, 6],
  ])("puts %d at level %d", (nps, level) => {
    expect(heatLevel(nps)).toBe(level);
  });
});

describe("formatting", () => {
  it("prints an NPS with one decimal and a sign when positive", () => {
    expect(formatNps(12.25)).toBe("+12.3");
    expect(formatNps(-3)).toBe("-3.0");
    expect(formatNps(0)).toBe("0.0");
    expect(formatNps(-0.04)).toBe("0.0");
    expect(formatNps(100)).toBe("+100.0");
  });

  it("prints a share as a percentage with one decimal", () => {
    expect(formatShare(3 / 7)).toBe("42.9%");
    expect(formatShare(1)).toBe("100.0%");
    expect(formatShare(0)).toBe("0.0%");
  });
});
