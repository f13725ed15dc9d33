/**
 * The statistics' promises, checked by simulation with a fixed seed (a short run; `npm run bench`
 * runs a longer one and writes its tables to docs/STATISTICS.md). Answers are drawn at random
 * from known shares and go through the same functions every page uses.
 */
import { describe, expect, it } from "vitest";
import { pageErrors, primaryFalseAlarms, seededRandom, shareGrid, simulatedCoverage } from "../support/nps-simulation";

describe("the 95% interval", () => {
  it("holds the true score at least 92% of the time for 10 or more answers, across the share grid", () => {
    const random = seededRandom(2016);
    const worst: { n: number; p: number; d: number; coverage: number }[] = [];
    for (const n of [10, 20, 50]) {
      for (const { p, d } of shareGrid(0.1)) {
        const coverage = simulatedCoverage(n, p, d, 3000, random);
        worst.push({ n, p, d, coverage });
      }
    }
    worst.sort((a, b) => a.coverage - b.coverage);
    expect(worst[0].coverage, JSON.stringify(worst[0])).toBeGreaterThanOrEqual(0.92);
    // Not by being far too wide either: on average it holds the score about 95% of the time.
    const mean = worst.reduce((sum, w) => sum + w.coverage, 0) / worst.length;
    expect(mean).toBeGreaterThan(0.94);
    expect(mean).toBeLessThan(0.97);
  });
});

describe("the primary test (the company's change between two rounds)", () => {
  it("calls a change clear when nothing changed at most 5% of the time", () => {
    const random = seededRandom(20);
    const rates = shareGrid(0.2).map(({ p, d }) =>
      primaryFalseAlarms({ invited: 200, response: [0.5, 0.9] }, p, d, 1500, random),
    );
    const overall = rates.reduce((sum, r) => sum + r, 0) / rates.length;
    expect(overall).toBeLessThanOrEqual(0.05);
    // Every cell too, up to what 1,500 runs can tell apart from 5% (three standard errors).
    expect(Math.max(...rates)).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / 1500));
  });
});

describe("group labels on a page of 15 groups", () => {
  const design = { groups: 15, invited: 20, response: [0.5, 0.9] as [number, number], k: 5 };

  it("make a false clear change on at most 5% of pages when nothing changed (familywise error)", () => {
    const errors = pageErrors(design, 3000, seededRandom(15));
    expect(errors.familywise).toBeLessThanOrEqual(0.05);
  });

  it("keep false clear changes under 5% of those called clear when some groups did change (false discovery rate)", () => {
    const errors = pageErrors({ ...design, changed: { groups: 5, promoterShift: 0.4 } }, 3000, seededRandom(16));
    expect(errors.falseDiscovery).toBeLessThanOrEqual(0.05);
  });
});
