/**
 * eNPS over a series of rounds: each round's change from the one before, and whether that
 * change is larger than the noise of the two samples (DESIGN "Statistics").
 */
import { formatNps } from "./group-figures";
import { compareNps, type NpsChange, type NpsEstimate } from "./nps";

/** The change at each point from the point before; null for the first point and next to a gap. */
export function changesAlong(points: readonly (NpsEstimate | null)[]): (NpsChange | null)[] {
  return points.map((point, index) => {
    const before = index > 0 ? points[index - 1] : null;
    return point && before ? compareNps(before, point) : null;
  });
}

/** "+12.5 points, significant" or "-3.0 points, within the noise". */
export function describeChange(change: NpsChange): string {
  return `${formatNps(change.delta)} points, ${change.significant ? "significant" : "within the noise"}`;
}
