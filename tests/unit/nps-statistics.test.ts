import { describe, expect, it } from "vitest";
import {
  bestPossibleP,
  estimateNps,
  labelAlone,
  labelChanges,
  testChange,
  type ChangeTest,
  type NpsEstimate,
} from "~/domain/nps-statistics";

// Reference values worked out by hand from the R package NPS (nps_test with test =
// "adjusted.wald": pseudo-answers 0.75 / 1.5 / 0.75, z = qnorm(0.975) = 1.959964), never
// from this code. n' = n + 3, p' = (P + 0.75) / n', d' = (D + 0.75) / n',
// adjusted = 100 (p' - d'), SE = 100 sqrt((p' + d' - (p' - d')^2) / n').
const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });
const Z = 1.959964;

describe("estimateNps: the adjusted Wald interval of the R package, no finite-population correction", () => {
  it.each([
    {
      // n = 10: n' = 13, p' = 6.75/13, d' = 1.75/13, p' - d' = 5/13 -> 38.461538;
      // p' + d' = 8.5/13 = 0.653846, minus (5/13)^2 = 0.147929 -> 0.505917; / 13 -> 0.038917;
      // sqrt -> 0.197273: SE 19.727317, half-width 1.959964 x 19.727317 = 38.664831.
      name: "a small group (6 promoters, 3 passives, 1 detractor)",
      c: counts(6, 3, 1),
      adjusted: 38.461538,
      se: 19.727317,
      low: -0.203293,
      high: 77.12637,
    },
    {
      // n = 100: n' = 103, p' = 40.75/103, d' = 25.75/103, p' - d' = 15/103 -> 14.563107;
      // p' + d' = 66.5/103 = 0.645631, minus 0.021208 -> 0.624423; / 103 -> 0.006062; SE 7.786113.
      name: "a company-sized round (40 / 35 / 25)",
      c: counts(40, 35, 25),
      adjusted: 14.563107,
      se: 7.786113,
      low: -0.697395,
      high: 29.823608,
    },
    {
      // n = 1000: n' = 1003, p' - d' = 450/1003 -> 44.865404; p' + d' = 751.5/1003 = 0.749252,
      // minus 0.201291 -> 0.547961; / 1003 -> 0.000546; SE 2.337355.
      name: "a large round (600 / 250 / 150)",
      c: counts(600, 250, 150),
      adjusted: 44.865404,
      se: 2.337355,
      low: 40.284272,
      high: 49.446535,
    },
    {
      // n = k = 3: n' = 6, p' = d' = 1.75/6, p' - d' = 0; p' + d' = 0.583333; / 6 -> 0.097222; SE 31.180478.
      name: "n = k = 3, one of each",
      c: counts(1, 1, 1),
      adjusted: 0,
      se: 31.180478,
      low: -61.112614,
      high: 61.112614,
    },
    {
      // n = k = 5, all promoters: n' = 8, p' = 5.75/8 = 0.71875, d' = 0.09375, p' - d' = 0.625;
      // p' + d' = 0.8125, minus 0.390625 -> 0.421875; / 8 -> 0.052734; SE 22.963966;
      // 62.5 + 45.008547 = 107.5 is clipped to 100.
      name: "n = k = 5, all promoters",
      c: counts(5, 0, 0),
      adjusted: 62.5,
      se: 22.963966,
      low: 17.491453,
      high: 100,
    },
    {
      // The mirror image: all detractors.
      name: "n = k = 5, no promoters at all",
      c: counts(0, 0, 5),
      adjusted: -62.5,
      se: 22.963966,
      low: -100,
      high: -17.491453,
    },
  ])("matches the hand-worked figures for $name", ({ c, adjusted, se, low, high }) => {
    const estimate = estimateNps(c)!;
    expect(estimate.adjusted).toBeCloseTo(adjusted, 5);
    expect(estimate.se).toBeCloseTo(se, 5);
    expect(estimate.low).toBeCloseTo(low, 5);
    expect(estimate.high).toBeCloseTo(high, 5);
    expect(estimate.high - estimate.low).toBeLessThanOrEqual(2 * Z * se + 1e-6);
    expect(estimate.population).toBeNull();
  });

  it("keeps the standard error whatever the invited count (no finite-population correction)", () => {
    // The old code multiplied 19.727317 by sqrt((12 - 10) / 11) = 0.426401, giving 8.411756.
    for (const invited of [10, 11, 12, 100, 10_000])
      expect(estimateNps(counts(6, 3, 1), invited)!.se).toBeCloseTo(19.727317, 5);
  });

  it("stays within what the people who did not answer could change", () => {
    // 12 invited, 10 answered, P - D = 5: at worst both others detractors, (5 - 2) / 12 = 25.0;
    // at best both promoters, (5 + 2) / 12 = 58.333333. The sample interval -0.2..77.1 is cut to that.
    expect(estimateNps(counts(6, 3, 1), 12)).toMatchObject({ low: 25, population: 12 });
    expect(estimateNps(counts(6, 3, 1), 12)!.high).toBeCloseTo(58.333333, 5);
    // 120 invited, 100 answered, P - D = 15: (15 - 20) / 120 = -4.17 is below the interval's -0.70,
    // (15 + 20) / 120 = 29.166667 is below its 29.82: only the top is cut.
    const round = estimateNps(counts(40, 35, 25), 120)!;
    expect(round.low).toBeCloseTo(-0.697395, 5);
    expect(round.high).toBeCloseTo(29.166667, 5);
  });

  it("is the score itself when everyone invited answered", () => {
    expect(estimateNps(counts(6, 3, 1), 10)).toMatchObject({ nps: 50, low: 50, high: 50, population: 10 });
    expect(estimateNps(counts(5, 0, 0), 5)).toMatchObject({ nps: 100, low: 100, high: 100 });
  });

  it("ignores an invited count smaller than the answers (it cannot be who could answer)", () => {
    expect(estimateNps(counts(6, 3, 1), 4)).toMatchObject({
      population: null,
      high: estimateNps(counts(6, 3, 1))!.high,
    });
  });

  it("is null without answers", () => {
    expect(estimateNps(counts(0, 0, 0))).toBeNull();
  });

  it("holds the measured score for every possible group of 3 to 30 answers, with or without an invited count", () => {
    // So intersecting with the non-response bounds (which always hold it) never comes out empty. No
    // group under 3 answers is ever shown (k is at least 3); a single answer's interval can miss it.
    expect(estimateNps(counts(0, 0, 1))!.low).toBeGreaterThan(-100);
    for (let n = 3; n <= 30; n++) {
      for (let promoters = 0; promoters <= n; promoters++) {
        for (let detractors = 0; promoters + detractors <= n; detractors++) {
          const c = counts(promoters, n - promoters - detractors, detractors);
          for (const invited of [null, n, n + 1, 2 * n, 100 * n]) {
            const e = estimateNps(c, invited)!;
            const at = `${promoters}/${detractors} of ${n}, ${invited} invited`;
            expect(e.low, at).toBeLessThanOrEqual(e.nps + 1e-9);
            expect(e.high, at).toBeGreaterThanOrEqual(e.nps - 1e-9);
            expect(e.low, at).toBeGreaterThanOrEqual(-100);
            expect(e.high, at).toBeLessThanOrEqual(100);
          }
        }
      }
    }
  });
});

const estimate = (c: ReturnType<typeof counts>): NpsEstimate => estimateNps(c)!;

describe("testChange: the two-sample adjusted Wald test (nps_test)", () => {
  it("tests the difference of the adjusted scores", () => {
    // Before 40/35/25 (adjusted 14.563107, SE 7.786113); after 55/30/15: n' = 103, p' - d' = 40/103
    // -> 38.834951; p' + d' = 71.5/103 = 0.694175, minus 0.150815 -> 0.543360; / 103 -> SE 7.263150.
    // Difference 24.271845, SE sqrt(7.786113^2 + 7.263150^2) = 10.647859, z = 2.279505,
    // p = 2 (1 - Phi(2.279505)) = 0.022637. The measured scores moved from 15 to 40: +25.
    const change = testChange(estimate(counts(40, 35, 25)), estimate(counts(55, 30, 15)));
    expect(change.delta).toBe(25);
    expect(change.adjustedDelta).toBeCloseTo(24.271845, 5);
    expect(change.se).toBeCloseTo(10.647859, 5);
    expect(change.p).toBeCloseTo(0.022637, 5);
    expect(labelAlone(change).verdict).toBe("change");
  });

  it("calls a large change in small groups within the noise", () => {
    // 10/5/5 -> 12/5/3 (n = 20 each): adjusted 21.739130 -> 39.130435, SEs 17.069326 and 15.663197,
    // difference 17.391304 over 23.166735: z = 0.750702, p = 0.452832.
    const change = testChange(estimate(counts(10, 5, 5)), estimate(counts(12, 5, 3)));
    expect(change.delta).toBe(20);
    expect(change.p).toBeCloseTo(0.452832, 5);
    expect(labelAlone(change).verdict).toBe("noise");
  });

  it("is symmetric when reversed", () => {
    const a = estimate(counts(30, 10, 10));
    const b = estimate(counts(10, 10, 30));
    expect(testChange(a, b).delta).toBe(-testChange(b, a).delta);
    expect(testChange(a, b).p).toBeCloseTo(testChange(b, a).p, 12);
  });

  it("knows the best p-value groups of a size could give", () => {
    // n = 3 and 3, all promoters then all detractors: 50 - (-50) = 100 over sqrt(2) x 28.867513 = 40.824829:
    // z = 2.449490, p = 0.014306. n = 5 and 5: 125 / 32.475953 = 3.849002, p = 0.000119.
    expect(bestPossibleP(3, 3)).toBeCloseTo(0.014306, 5);
    expect(bestPossibleP(5, 5)).toBeCloseTo(0.000119, 5);
    expect(bestPossibleP(3, 10)).toBeCloseTo(bestPossibleP(10, 3), 12);
  });

  it("finds no answers giving a smaller p-value than the best one, for every pair of small groups", () => {
    const outcomes = (n: number) => {
      const all: NpsEstimate[] = [];
      for (let p = 0; p <= n; p++) for (let d = 0; p + d <= n; d++) all.push(estimate(counts(p, n - p - d, d)));
      return all;
    };
    for (let n1 = 1; n1 <= 9; n1++) {
      for (let n2 = 1; n2 <= 9; n2++) {
        const best = bestPossibleP(n1, n2);
        for (const a of outcomes(n1)) {
          for (const b of outcomes(n2)) {
            const change = testChange(a, b);
            expect(change.p, `${n1} vs ${n2}`).toBeGreaterThanOrEqual(best - 1e-12);
            // A clear change always goes the way the shown scores went.
            if (change.p < 0.05 && change.delta !== 0)
              expect(Math.sign(change.delta)).toBe(Math.sign(change.adjustedDelta));
          }
        }
      }
    }
  });
});

const test = (p: number, bestP = 1e-9): ChangeTest => ({ delta: 10, adjustedDelta: 10, se: 5, p, bestP });
const verdicts = (labels: Map<string, { verdict: string }>) => [...labels.values()].map((l) => l.verdict);

describe("labelChanges: one page's labels", () => {
  it("tests the primary change alone at 5%", () => {
    const labels = labelChanges({ key: "overall", test: test(0.04) }, [
      { key: "a", test: test(0.04) },
      { key: "b", test: test(0.5) },
    ]);
    expect(labels.get("overall")).toMatchObject({ verdict: "change", control: { method: "alone" } });
    // The other two are a family of 2 (Holm): 0.04 > 0.05 / 2.
    expect(labels.get("a")).toMatchObject({ verdict: "noise", control: { method: "holm", tests: 2, excluded: 0 } });
  });

  it("controls up to 10 changes with Holm's step-down", () => {
    // Sorted p: 0.001 <= 0.05/5 = 0.01, then 0.013 > 0.05/4 = 0.0125: Holm stops after the first.
    const labels = labelChanges(
      null,
      [0.04, 0.001, 0.3, 0.013, 0.02].map((p, i) => ({ key: String(i), test: test(p) })),
    );
    expect(verdicts(labels)).toEqual(["noise", "change", "noise", "noise", "noise"]);
    expect(labels.get("0")!.control).toEqual({ method: "holm", tests: 5, excluded: 0 });
  });

  it("controls more than 10 changes with Benjamini-Hochberg's step-up", () => {
    // 12 changes: the 5th smallest, 0.02, is under 0.05 x 5 / 12 = 0.020833, so the 5 smallest count
    // (Holm would stop at 0.006 > 0.05 / 10).
    const ps = [0.001, 0.004, 0.006, 0.01, 0.02, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    const labels = labelChanges(
      null,
      ps.map((p, i) => ({ key: String(i), test: test(p) })),
    );
    expect(verdicts(labels)).toEqual([...Array(5).fill("change"), ...Array(7).fill("noise")]);
    expect(labels.get("0")!.control).toEqual({ method: "bh", tests: 12, excluded: 0 });
  });

  it("says too few answers to tell where no answers could reach the page's threshold, and does not count them", () => {
    // Three large groups (best p ~ 0) and one of 3 vs 3 answers (best p 0.014306). Tarone: K = 3 fails
    // (4 groups could reach 0.05 / 3), K = 4 holds (3 could reach 0.0125): the small one is left out.
    const small = testChange(estimate(counts(3, 0, 0)), estimate(counts(0, 0, 3)));
    const labels = labelChanges(null, [
      { key: "small", test: small },
      { key: "a", test: test(0.016) },
      { key: "b", test: test(0.5) },
      { key: "c", test: test(0.5) },
    ]);
    expect(labels.get("small")!.verdict).toBe("too-few");
    // 0.016 <= 0.05 / 3: with the small group counted it would have needed 0.0125.
    expect(labels.get("a")).toMatchObject({ verdict: "change", control: { method: "holm", tests: 3, excluded: 1 } });
  });

  it("never says within the noise for a change that could not have been clear", () => {
    expect(labelAlone(test(0.5, 0.2)).verdict).toBe("too-few");
    expect(labelAlone(test(0.5, 0.01)).verdict).toBe("noise");
  });

  it("gives one label to one comparison shown twice", () => {
    const labels = labelChanges({ key: "all", test: test(0.03) }, [
      { key: "all", test: test(0.03) },
      { key: "x", test: test(0.03) },
      { key: "x", test: test(0.03) },
    ]);
    expect(labels.get("all")!.verdict).toBe("change");
    // "x" is one test, alone in its family: 0.03 < 0.05.
    expect(labels.get("x")).toMatchObject({ verdict: "change", control: { method: "holm", tests: 1 } });
  });
});
