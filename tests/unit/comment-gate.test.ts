import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellKey,
  decideVisibility,
  departmentKey,
  groupsOf,
  OVERALL_KEY,
  roleKey,
  type CellCount,
} from "~/domain/anonymity";
import { decideCommentGroups } from "~/domain/comment-gate";

const cell = (departmentId: string, roleId: string, count: number): CellCount => ({ departmentId, roleId, count });

function commentKeys(cells: CellCount[], k: number) {
  const visibility = decideVisibility(cells, k);
  return { visibility, allowed: decideCommentGroups(visibility.groups, visibility.isVisible, k) };
}

describe("decideCommentGroups: hand-worked cases", () => {
  it("lets every shown group list its comments when no cell is withheld", () => {
    const cells = [cell("A", "x", 9), cell("A", "y", 6), cell("B", "x", 7), cell("B", "y", 5)];
    const { visibility, allowed } = commentKeys(cells, 5);
    expect([...allowed].sort()).toEqual(visibility.groups.map((g) => g.key).sort());
  });

  it("never lets a department's and a role's lists meet in a small withheld cell", () => {
    // A comment in both A's and y's lists would come from the 3 people of (A, y). The counts
    // gate already shows A and y together only when their cell is shown or empty, so the
    // comment lists of the groups it shows cannot meet in it.
    const cells = [cell("A", "x", 20), cell("A", "y", 3), cell("B", "x", 20), cell("B", "y", 20)];
    const { visibility, allowed } = commentKeys(cells, 5);
    expect(visibility.isVisible(departmentKey("A")) && visibility.isVisible(roleKey("y"))).toBe(false);
    expect(allowed.has(OVERALL_KEY)).toBe(true);
    expect(allowed.has(departmentKey("A")) && allowed.has(roleKey("y"))).toBe(false);
  });

  it("takes a list away when shown groups would narrow a comment to fewer than k", () => {
    // Shown groups passed in by hand (not the counts gate's choice): A and y list comments and
    // their cell holds 3, so one of the two lists must go.
    const cells = [cell("A", "x", 20), cell("A", "y", 3), cell("B", "x", 20), cell("B", "y", 20)];
    const groups = groupsOf(cells);
    const shown = new Set([OVERALL_KEY, departmentKey("A"), departmentKey("B"), roleKey("x"), roleKey("y")]);
    const allowed = decideCommentGroups(groups, (key) => shown.has(key), 5);
    expect(allowed.has(OVERALL_KEY)).toBe(true);
    expect(allowed.has(departmentKey("A")) && allowed.has(roleKey("y"))).toBe(false);
  });

  it("keeps both lists when the cell where they meet holds at least k", () => {
    const cells = [cell("A", "x", 20), cell("A", "y", 6), cell("B", "x", 20), cell("B", "y", 20)];
    const { allowed } = commentKeys(cells, 5);
    expect(allowed.has(departmentKey("A")) && allowed.has(roleKey("y"))).toBe(true);
  });

  it("never lists a withheld group", () => {
    const cells = [cell("A", "x", 20), cell("B", "x", 8), cell("C", "x", 3)];
    const { visibility, allowed } = commentKeys(cells, 5);
    for (const key of allowed) expect(visibility.isVisible(key)).toBe(true);
    expect(allowed.has(departmentKey("C"))).toBe(false);
  });

  it("lists nothing when the whole round is withheld", () => {
    const { allowed } = commentKeys([cell("A", "x", 2), cell("B", "y", 1)], 5);
    expect(allowed.size).toBe(0);
  });

  it("keeps a shown cell's list: it is an atom of its own", () => {
    const cells = [cell("A", "x", 12), cell("A", "y", 12), cell("B", "x", 12), cell("B", "y", 12)];
    const { allowed } = commentKeys(cells, 5);
    expect(allowed.has(cellKey("A", "y"))).toBe(true);
  });
});

/**
 * An attacker who reads every comment list and places each comment in the cells whose
 * membership in the listed groups matches the lists the comment appears in.
 */
function smallestNarrowing(cells: CellCount[], k: number): number | null {
  const { visibility, allowed } = commentKeys(cells, k);
  if (!allowed.has(OVERALL_KEY)) return null;
  const listed = visibility.groups.filter((g) => allowed.has(g.key));
  const membership = (index: number) => listed.map((g) => (g.cells.includes(index) ? "1" : "0")).join("");
  let smallest: number | null = null;
  cells.forEach((c, index) => {
    if (c.count === 0) return;
    const pattern = membership(index);
    const candidates = cells
      .map((other, j) => ({ other, j }))
      .filter(({ other, j }) => !allowed.has(cellKey(other.departmentId, other.roleId)) || j === index)
      .filter(({ j }) => membership(j) === pattern);
    const people = candidates.reduce((sum, { other }) => sum + other.count, 0);
    smallest = smallest === null ? people : Math.min(smallest, people);
  });
  return smallest;
}

const orgs = fc
  .record({
    departments: fc.integer({ min: 1, max: 5 }),
    roles: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 3, max: 7 }),
  })
  .chain(({ departments, roles, k }) =>
    fc.record({
      k: fc.constant(k),
      counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 25 })), {
        minLength: departments * roles,
        maxLength: departments * roles,
      }),
      departments: fc.constant(departments),
      roles: fc.constant(roles),
    }),
  )
  .map(({ k, counts, roles }) => ({
    k,
    cells: counts.map((count, i) => cell(`d${Math.floor(i / roles)}`, `r${i % roles}`, count)),
  }));

describe("decideCommentGroups: properties", () => {
  it("never lets comment lists narrow a comment to fewer than k people", () => {
    fc.assert(
      fc.property(orgs, ({ cells, k }) => {
        const smallest = smallestNarrowing(cells, k);
        expect(smallest === null || smallest >= k).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("only ever lists groups the counts gate shows", () => {
    fc.assert(
      fc.property(orgs, ({ cells, k }) => {
        const { visibility, allowed } = commentKeys(cells, k);
        for (const key of allowed) expect(visibility.isVisible(key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the whole round's list whenever the whole round is shown", () => {
    fc.assert(
      fc.property(orgs, ({ cells, k }) => {
        const { visibility, allowed } = commentKeys(cells, k);
        expect(allowed.has(OVERALL_KEY)).toBe(visibility.isVisible(OVERALL_KEY));
      }),
      { numRuns: 200 },
    );
  });
});
