/**
 * The gate against an attacker who finds every table of scores consistent with what is shown
 * (tests/support/attacker.ts): over many small random organisations, no withheld department,
 * role or cell of 1..k-1 respondents may have a score that every consistent table gives it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKey, decideVisibility, departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import { attack, canAvoid, distributionOf, type AnsweredCell, type ShownGroup } from "../support/attacker";

/** What the gate shows of these answers: every visible group's 0-10 distribution. */
function shownBy(cells: AnsweredCell[], k: number): ShownGroup[] {
  const visibility = decideVisibility(
    cells.map((c) => ({ departmentId: c.departmentId, roleId: c.roleId, count: c.scores.length })),
    k,
  );
  return visibility.groups
    .filter((g) => visibility.isVisible(g.key))
    .map((g) => ({
      departmentId: g.departmentId,
      roleId: g.roleId,
      distribution: distributionOf(g.cells.flatMap((i) => cells[i].scores)),
    }));
}

const answered = (departmentId: string, roleId: string, scores: number[]): AnsweredCell => ({
  departmentId,
  roleId,
  scores,
});

describe("the attacker itself", () => {
  it("decodes the two lone people of the review's example when the old gate's groups are shown", () => {
    // k = 3, everyone answers; the old gate showed the round, D1, D2, D3, R1, R2, D2xR1, D2xR2.
    const cells = [
      answered("D1", "R1", [9, 9, 8, 7]),
      answered("D1", "R2", [2]),
      answered("D2", "R1", [10, 5, 6]),
      answered("D2", "R2", [7, 8, 9]),
      answered("D3", "R1", [4]),
      answered("D3", "R2", [10, 10, 9, 3]),
    ];
    const group = (departmentId: string | null, roleId: string | null): ShownGroup => ({
      departmentId,
      roleId,
      distribution: distributionOf(
        cells
          .filter((c) => (!departmentId || c.departmentId === departmentId) && (!roleId || c.roleId === roleId))
          .flatMap((c) => c.scores),
      ),
    });
    const oldGate = [
      group(null, null),
      group("D1", null),
      group("D2", null),
      group("D3", null),
      group(null, "R1"),
      group(null, "R2"),
      group("D2", "R1"),
      group("D2", "R2"),
    ];
    // R1 - D2xR1 - D1 = D3xR1 - D1xR2: +1 at the lone D3xR1 score, -1 at the lone D1xR2 one.
    expect(canAvoid(cells, oldGate, { departmentId: "D3", roleId: "R1" }, 4)).toBe(false);
    expect(canAvoid(cells, oldGate, { departmentId: "D1", roleId: "R2" }, 2)).toBe(false);
    expect(attack(cells, oldGate, 3)).toEqual(
      expect.arrayContaining(["D1/R2 (1) surely holds a 2", "D3/R1 (1) surely holds a 4"]),
    );
  });

  it("cannot decode a lone person whose block holds others with other scores", () => {
    const cells = [answered("D1", "R1", [9, 3, 7]), answered("D1", "R2", [5]), answered("D2", "R1", [6, 6, 1])];
    const onlyRound: ShownGroup[] = [
      { departmentId: null, roleId: null, distribution: distributionOf(cells.flatMap((c) => c.scores)) },
    ];
    expect(attack(cells, onlyRound, 3)).toEqual([]);
  });
});

describe("the gate against the attacker", () => {
  it("withholds the review's 3 x 2 example so neither lone person can be decoded", () => {
    const cells = [
      answered("D1", "R1", [9, 9, 8, 7]),
      answered("D1", "R2", [2]),
      answered("D2", "R1", [10, 5, 6]),
      answered("D2", "R2", [7, 8, 9]),
      answered("D3", "R1", [4]),
      answered("D3", "R2", [10, 10, 9, 3]),
    ];
    expect(attack(cells, shownBy(cells, 3), 3)).toEqual([]);
  });

  it("withholds a 2 x 2 organisation's margins so that D1 + R1 - round cannot single out a cell", () => {
    const cells = [
      answered("D1", "R1", [3]),
      answered("D1", "R2", [9, 8, 10, 4]),
      answered("D2", "R1", [7, 6, 10, 2]),
      answered("D2", "R2", [5, 9, 9, 1, 0]),
    ];
    const shown = shownBy(cells, 3);
    expect(attack(cells, shown, 3)).toEqual([]);
    const keys = shown.map((g) =>
      g.departmentId && g.roleId
        ? cellKey(g.departmentId, g.roleId)
        : g.departmentId
          ? departmentKey(g.departmentId)
          : g.roleId
            ? roleKey(g.roleId)
            : OVERALL_KEY,
    );
    expect(keys).not.toEqual(expect.arrayContaining([departmentKey("D1"), roleKey("R1")]));
  });

  const organisation = fc
    .record({
      departments: fc.integer({ min: 1, max: 4 }),
      roles: fc.integer({ min: 1, max: 3 }),
      k: fc.integer({ min: 3, max: 5 }),
      sizes: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 })), {
        minLength: 12,
        maxLength: 12,
      }),
      scores: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 18, maxLength: 18 }),
    })
    .map(({ departments, roles, k, sizes, scores }) => {
      const cells: AnsweredCell[] = [];
      let next = 0;
      for (let d = 0; d < departments; d++) {
        for (let r = 0; r < roles; r++) {
          const size = Math.min(sizes[d * roles + r], scores.length - next);
          cells.push(answered(`d${d}`, `r${r}`, scores.slice(next, next + size)));
          next += size;
        }
      }
      return { cells, k };
    });

  it("leaves no withheld group of 1..k-1 with a score every consistent table gives it", () => {
    fc.assert(
      fc.property(organisation, ({ cells, k }) => {
        expect(attack(cells, shownBy(cells, k), k)).toEqual([]);
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});
