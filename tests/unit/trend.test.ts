import { describe, expect, it } from "vitest";
import { estimateNps } from "~/domain/nps-statistics";
import { changesAlong } from "~/domain/trend";

// Worked out by hand (adjusted Wald, see tests/unit/nps-statistics.test.ts): 30/40/30 of 100 has
// adjusted score 0 and SE 7.613780; 45/35/20 has 24.271845 and SE 7.547383, so the change tests
// 24.271845 / sqrt(7.613780^2 + 7.547383^2) = 24.271845 / 10.720664 = 2.264024: p = 0.023573.
// 45/35/20 -> 38/35/27 tests -13.592233 / 10.887530: p = 0.211877.
const before = estimateNps({ promoters: 30, passives: 40, detractors: 30 })!;
const muchBetter = estimateNps({ promoters: 45, passives: 35, detractors: 20 })!;
const slightlyWorse = estimateNps({ promoters: 38, passives: 35, detractors: 27 })!;

describe("changesAlong", () => {
  it("labels a group's rows as one family (Holm)", () => {
    const [first, big, small] = changesAlong([before, muchBetter, slightlyWorse], { latestIsPrimary: false });
    expect(first).toBeNull();
    // 0.023573 <= 0.05 / 2 for the smaller p-value; 0.211877 > 0.05 for the other.
    expect(big).toMatchObject({ delta: 25, verdict: "change", control: { method: "holm", tests: 2 } });
    expect(big!.p).toBeCloseTo(0.023573, 5);
    expect(small).toMatchObject({ delta: -14, verdict: "noise" });
    expect(small!.p).toBeCloseTo(0.211877, 5);
  });

  it("tests the company's latest change alone, and the rows before it as a family", () => {
    const rows = changesAlong([before, muchBetter, slightlyWorse, muchBetter], { latestIsPrimary: true });
    expect(rows[3]).toMatchObject({ verdict: "noise", control: { method: "alone" } });
    // The earlier two: 0.023573 <= 0.05 / 2, then 0.211877 > 0.05.
    expect(rows[1]).toMatchObject({ verdict: "change", control: { method: "holm", tests: 2 } });
    expect(rows[2]).toMatchObject({ verdict: "noise", control: { method: "holm", tests: 2 } });
  });

  it("would not have called 0.023573 clear among three earlier rows", () => {
    const rows = changesAlong([before, muchBetter, slightlyWorse, muchBetter, before], { latestIsPrimary: false });
    // Four rows: the smallest p, 0.023573, must be under 0.05 / 4 = 0.0125.
    expect(rows[1]).toMatchObject({ verdict: "noise", control: { method: "holm", tests: 4 } });
  });

  it("gives no change next to a withheld round (a gap, not a zero)", () => {
    expect(changesAlong([before, null, muchBetter], { latestIsPrimary: true })).toEqual([null, null, null]);
    expect(changesAlong([], { latestIsPrimary: true })).toEqual([]);
  });
});
