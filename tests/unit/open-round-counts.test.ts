import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OVERALL_KEY, departmentKey } from "~/domain/anonymity";
import {
  countsAreDue,
  LIVE_MIN_INVITED,
  liveGroupKeys,
  shownWhileOpen,
  type ShownGroup,
} from "~/domain/open-round-counts";

const at = (iso: string) => new Date(iso);

describe("which counts of an open round tick live", () => {
  it("never lets one answer move the live counts in a way fewer than 50 invited people share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (sizes, shownDepartments, overallShown) => {
          const total = sizes.reduce((s, n) => s + n, 0);
          const shown: ShownGroup[] = [
            ...(overallShown ? [{ key: OVERALL_KEY, kind: "overall" as const, invited: total }] : []),
            ...sizes.flatMap((invited, d) =>
              shownDepartments[d] ? [{ key: departmentKey(`d${d}`), kind: "department" as const, invited }] : [],
            ),
          ];
          const live = liveGroupKeys(shown, total);
          // What the live counts show when someone of department d answers, and how many share it.
          const sharing = new Map<string, number>();
          sizes.forEach((invited, d) => {
            const moved = [OVERALL_KEY, departmentKey(`d${d}`)].filter((key) => live.has(key)).join("+");
            if (moved) sharing.set(moved, (sharing.get(moved) ?? 0) + invited);
          });
          for (const [moved, people] of sharing) expect(people, moved).toBeGreaterThanOrEqual(LIVE_MIN_INVITED);
        },
      ),
    );
  });

  it("counts a large department live, and the whole round only when the rest is 0 or at least 50", () => {
    const group = (key: string, invited: number): ShownGroup => ({
      key,
      kind: key === OVERALL_KEY ? "overall" : "department",
      invited,
    });
    expect(liveGroupKeys([group(OVERALL_KEY, 70), group("a", 60), group("b", 10)], 70)).toEqual(new Set(["a"]));
    expect(liveGroupKeys([group(OVERALL_KEY, 110), group("a", 60), group("b", 50)], 110)).toEqual(
      new Set([OVERALL_KEY, "a", "b"]),
    );
    // A withheld department still belongs to the rest.
    expect(liveGroupKeys([group(OVERALL_KEY, 120), group("a", 60)], 120)).toEqual(new Set([OVERALL_KEY, "a"]));
    expect(liveGroupKeys([group(OVERALL_KEY, 49), group("a", 49)], 49)).toEqual(new Set());
  });
});

describe("which groups of an open round show a count", () => {
  it("follows the gate over the invited cells, among the whole round and the round's departments", () => {
    const cells = [
      { departmentId: "d1", roleId: "r", count: 5 },
      { departmentId: "d2", roleId: "r", count: 5 },
      { departmentId: "e", roleId: "r", count: 1 },
    ];
    const shown = shownWhileOpen(cells, 3, ["d1", "d2", "e", "nobody-invited"]);
    expect(shown.map((g) => g.key)).toContain(OVERALL_KEY);
    // E (one person) is never shown, and the whole round minus the shown departments never singles it out.
    expect(shown.map((g) => g.key)).not.toContain(departmentKey("e"));
    expect(shown.filter((g) => g.kind === "department")).toHaveLength(1);
    expect(shown.map((g) => g.key)).not.toContain(departmentKey("nobody-invited"));
  });
});

describe("when an open round's small groups are counted", () => {
  it("is once per clock hour, whenever the scheduler runs in it", () => {
    expect(countsAreDue(null, at("2026-03-09T10:20:00Z"))).toBe(true);
    expect(countsAreDue(at("2026-03-09T10:00:31Z"), at("2026-03-09T10:59:59Z"))).toBe(false);
    expect(countsAreDue(at("2026-03-09T10:59:59Z"), at("2026-03-09T11:00:00Z"))).toBe(true);
    expect(countsAreDue(at("2026-03-09T10:00:31Z"), at("2026-03-09T12:30:00Z"))).toBe(true);
  });
});
