import { describe, expect, it } from "vitest";
import { estimateNps } from "~/domain/nps";
import { changesAlong, describeChange } from "~/domain/trend";

// Worked out by hand: 30/40/30 of 100 has SE 7.613780; 45/35/20 has SE 7.547383, so a change
// must exceed 1.96 * sqrt(7.613780^2 + 7.547383^2) = 21.012502 points; 38/35/27 has SE
// 7.846993, giving a threshold of 21.429977 for its change of 11.
const before = estimateNps({ promoters: 30, passives: 40, detractors: 30 })!;
const muchBetter = estimateNps({ promoters: 45, passives: 35, detractors: 20 })!;
const slightlyBetter = estimateNps({ promoters: 38, passives: 35, detractors: 27 })!;

describe("changesAlong", () => {
  it("labels a change beyond the combined noise significant, and a smaller one not", () => {
    const [first, big, small] = changesAlong([before, muchBetter, slightlyBetter]);
    expect(first).toBeNull();
    expect(big!.delta).toBe(25);
    expect(big!.threshold).toBeCloseTo(21.012502, 5);
    expect(big!.significant).toBe(true);
    expect(small!.delta).toBe(-14);
    expect(small!.significant).toBe(false);
    const [, only] = changesAlong([before, slightlyBetter]);
    expect(only!.delta).toBe(11);
    expect(only!.threshold).toBeCloseTo(21.429977, 5);
    expect(only!.significant).toBe(false);
  });

  it("gives no change next to a withheld round (a gap, not a zero)", () => {
    expect(changesAlong([before, null, muchBetter])).toEqual([null, null, null]);
    expect(changesAlong([])).toEqual([]);
  });
});

describe("describeChange", () => {
  it("says how many points and whether it is beyond the noise", () => {
    const [, big, small] = changesAlong([before, muchBetter, slightlyBetter]);
    expect(describeChange(big!)).toBe("+25.0 points, significant");
    expect(describeChange(small!)).toBe("-14.0 points, within the noise");
  });
});
