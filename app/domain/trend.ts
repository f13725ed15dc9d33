/**
 * eNPS over a series of rounds: each round's change from the one before, labelled as the rows
 * of one page (DESIGN "Statistics", nps-statistics.ts).
 */
import { labelChanges, testChange, type ChangeToLabel, type NpsChange, type TestedScore } from "./nps-statistics";

/**
 * The change at each point from the point before; null for the first point and next to a gap.
 * For the whole company's trend, the latest change is the primary question, tested alone; every
 * other row is one family.
 */
export function changesAlong(
  points: readonly (TestedScore | null)[],
  { latestIsPrimary }: { latestIsPrimary: boolean },
): (NpsChange | null)[] {
  const tests = points.map((point, index): ChangeToLabel | null => {
    const before = index > 0 ? points[index - 1] : null;
    return point && before ? { key: String(index), test: testChange(before, point) } : null;
  });
  const primary = latestIsPrimary ? (tests.at(-1) ?? null) : null;
  const labels = labelChanges(
    primary,
    tests.filter((t): t is ChangeToLabel => t !== null && t !== primary),
  );
  return tests.map((t) => (t ? labels.get(t.key)! : null));
}
