import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellKey,
  decideVisibility,
  departmentKey,
  exposures,
  groupsOf,
  OVERALL_KEY,
  roleKey,
  type CellCount,
  type GroupCount,
} from "~/domain/anonymity";

const cell = (departmentId: string, roleId: string, count: number): CellCount => ({ departmentId, roleId, count });

function visibleKeys(cells: CellCount[], k: number) {
  const visibility = decideVisibility(cells, k);
  return visibility.groups
    .filter((g) => visibility.isVisible(g.key))
    .map((g) => g.key)
    .sort();
}

describe("decideVisibility: hand-worked cases", () => {
  it("shows everything when every group has at least k", () => {
    const cells = [cell("A", "x", 5), cell("A", "y", 6), cell("B", "x", 7), cell("B", "y", 5)];
    expect(visibleKeys(cells, 5)).toHaveLength(1 + 2 + 2 + 4);
  });

  it("hides nothing but shows nothing when the whole round is under k", () => {
    expect(visibleKeys([cell("A", "x", 2), cell("B", "x", 2)], 5)).toEqual([]);
  });

  it("hides a group under k and then the next-smallest, so the hidden pair holds at least k", () => {
    // Departments A=20, B=8, C=3 out of 31: C alone could be read off as 31 - 20 - 8.
    const cells = [cell("A", "x", 20), cell("B", "x", 8), cell("C", "x", 3)];
    const visibility = decideVisibility(cells, 5);
    expect(visibility.isVisible(OVERALL_KEY)).toBe(true);
    expect(visibility.isVisible(departmentKey("A"))).toBe(true);
    expect(visibility.isVisible(departmentKey("C"))).toBe(false);
    expect(visibility.isVisible(departmentKey("B"))).toBe(false);
  });

  it("hides a department x role cell whose department differs from it by fewer than k", () => {
    // Sales has 12 answers, 10 of them from reps: showing both would expose the other 2.
    const cells = [cell("Sales", "rep", 10), cell("Sales", "lead", 2), cell("Ops", "rep", 9), cell("Ops", "lead", 9)];
    const visibility = decideVisibility(cells, 5);
    expect(visibility.isVisible(departmentKey("Sales"))).toBe(true);
    expect(visibility.isVisible(cellKey("Sales", "lead"))).toBe(false);
    expect(visibility.isVisible(cellKey("Sales", "rep"))).toBe(false);
  });

  it("hides a department that is the whole round but for fewer than k people", () => {
    const cells = [cell("Big", "x", 30), cell("Tiny", "x", 2)];
    const visibility = decideVisibility(cells, 5);
    expect(visibility.isVisible(OVERALL_KEY)).toBe(true);
    expect(visibility.isVisible(departmentKey("Big"))).toBe(false);
    expect(visibility.isVisible(departmentKey("Tiny"))).toBe(false);
  });

  it("blocks a cell from being worked out across its row and column", () => {
    // Showing role y with every department would let (A, y) = y - (B, y) - (C, y) be read, and
    // y - B alone would leave the two small cells together at 4. Showing the departments and
    // neither role keeps each small cell inside its department's withheld 9 + 2.
    const cells = [
      cell("A", "x", 9),
      cell("A", "y", 2),
      cell("B", "x", 9),
      cell("B", "y", 9),
      cell("C", "x", 9),
      cell("C", "y", 2),
    ];
    const visibility = decideVisibility(cells, 5);
    for (const small of [cellKey("A", "y"), cellKey("C", "y")]) expect(visibility.isVisible(small)).toBe(false);
    expect(visibleKeys(cells, 5)).toEqual(
      [
        OVERALL_KEY,
        departmentKey("A"),
        departmentKey("B"),
        departmentKey("C"),
        cellKey("B", "x"),
        cellKey("B", "y"),
      ].sort(),
    );
    expect(exposures(cells, visibility.isVisible, 5)).toEqual([]);
  });

  it("treats zero-answer groups as hidden but not as leaking", () => {
    const cells = [cell("A", "x", 12), cell("B", "x", 0)];
    const visibility = decideVisibility(cells, 5);
    expect(visibility.isVisible(departmentKey("A"))).toBe(true);
    expect(visibility.isVisible(departmentKey("B"))).toBe(false);
  });

  it("shows every department of the demo company and its large cells, and no role", () => {
    // A closed round of the demo company. Every role has small cells in departments that must
    // be shown, and a cell of 1..k-1 between a shown department and a shown role can always be
    // decoded (a department plus a role minus the round and the shown cells leaves it alone on
    // one side). Showing the 8 departments beats showing any role: each role shown would cost
    // more departments than it brings.
    const departments = ["Support", "Engineering", "Finance", "Marketing", "Operations", "People", "Product", "Sales"];
    const roles = ["Director", "Contributor", "Intern", "Manager", "Senior", "Lead"];
    const grid = [
      [0, 19, 1, 1, 1, 5],
      [2, 22, 2, 1, 9, 3],
      [0, 5, 2, 2, 2, 3],
      [0, 7, 0, 0, 4, 2],
      [0, 4, 1, 1, 3, 1],
      [1, 5, 2, 0, 0, 2],
      [0, 9, 2, 2, 4, 1],
      [0, 21, 2, 3, 3, 0],
    ];
    const cells = grid.flatMap((row, d) => row.map((count, r) => cell(departments[d], roles[r], count)));
    const visibility = decideVisibility(cells, 5);
    for (const department of departments) expect(visibility.isVisible(departmentKey(department))).toBe(true);
    for (const role of roles) expect(visibility.isVisible(roleKey(role))).toBe(false);
    for (const big of [
      cellKey("Engineering", "Contributor"),
      cellKey("Engineering", "Senior"),
      cellKey("Sales", "Contributor"),
      cellKey("Support", "Contributor"),
    ]) {
      expect(visibility.isVisible(big)).toBe(true);
    }
    // Support's withheld cells hold 1 + 1 + 1 beside its 5 leads: the leads are withheld too.
    expect(visibility.isVisible(cellKey("Support", "Lead"))).toBe(false);
    expect(exposures(cells, visibility.isVisible, 5)).toEqual([]);
  });

  it("refuses a threshold below 3", () => {
    expect(() => decideVisibility([cell("A", "x", 10)], 2)).toThrow(/at least 3/);
  });

  it("gives the same answer whatever order the cells come in", () => {
    const cells = [cell("A", "x", 4), cell("A", "y", 7), cell("B", "x", 6), cell("B", "y", 1), cell("C", "x", 8)];
    expect(visibleKeys([...cells].reverse(), 5)).toEqual(visibleKeys(cells, 5));
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: random organisations and answer counts; an independent checker plays the
// attacker who sees every shown count and tries to work out a small group.
// ---------------------------------------------------------------------------------------------

/** Exact rank of integer rows (fraction-free elimination with BigInt), independent of the app's. */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0n) continue;
      const a = m[r][c];
      const b = m[i][c];
      m[i] = m[i].map((value, j) => value * a - m[r][j] * b);
    }
    r++;
  }
  return r;
}

function indicator(group: GroupCount, width: number): bigint[] {
  const row = new Array<bigint>(width).fill(0n);
  for (const c of group.cells) row[c] = 1n;
  return row;
}

function attackerFindings(cells: CellCount[], k: number): string[] {
  const visibility = decideVisibility(cells, k);
  const shown = visibility.groups.filter((g) => visibility.isVisible(g.key));
  const hidden = visibility.groups.filter((g) => !visibility.isVisible(g.key));
  const findings: string[] = [];
  for (const g of shown) if (g.count < k) findings.push(`${g.key} shown with ${g.count}`);
  // Nested pairs that differ by 1..k-1.
  for (const outer of shown) {
    for (const inner of shown) {
      if (outer === inner) continue;
      const contains = inner.cells.every((c) => outer.cells.includes(c));
      const diff = outer.count - inner.count;
      if (contains && diff > 0 && diff < k) findings.push(`${outer.key} - ${inner.key} = ${diff}`);
    }
  }
  // Linear attacks: a hidden small group whose indicator lies in the span of shown groups.
  const width = cells.length;
  const base = shown.map((g) => indicator(g, width));
  const baseRank = rank(base);
  for (const g of hidden) {
    if (g.count > 0 && g.count < k && rank([...base, indicator(g, width)]) === baseRank) {
      findings.push(`${g.key} (${g.count}) follows from the shown counts`);
    }
  }
  // Complementary suppression within every split of a total of at least k.
  const groups = groupsOf(cells);
  const byKind = (kind: string) => groups.filter((g) => g.kind === kind);
  const overall = groups[0];
  const splits: [GroupCount, GroupCount[]][] = [
    [overall, byKind("department")],
    [overall, byKind("role")],
    ...byKind("department").map((d): [GroupCount, GroupCount[]] => [
      d,
      byKind("cell").filter((c) => c.departmentId === d.departmentId),
    ]),
    ...byKind("role").map((r): [GroupCount, GroupCount[]] => [r, byKind("cell").filter((c) => c.roleId === r.roleId)]),
  ];
  for (const [parent, parts] of splits) {
    if (!visibility.isVisible(parent.key)) continue;
    const hiddenSum = parts.filter((p) => !visibility.isVisible(p.key)).reduce((s, p) => s + p.count, 0);
    if (hiddenSum > 0 && hiddenSum < k) findings.push(`hidden parts of ${parent.key} hold ${hiddenSum}`);
  }
  return findings;
}

const org = fc
  .record({
    departments: fc.integer({ min: 1, max: 6 }),
    roles: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 3, max: 7 }),
    seed: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 25 })), {
      minLength: 24,
      maxLength: 24,
    }),
  })
  .map(({ departments, roles, k, seed }) => {
    const cells: CellCount[] = [];
    for (let d = 0; d < departments; d++) {
      for (let r = 0; r < roles; r++) cells.push(cell(`d${d}`, `r${r}`, seed[(d * roles + r) % seed.length]));
    }
    return { cells, k };
  });

/**
 * The strongest attacker for small organisations: every set of cells whose total follows from
 * the shown counts by sums and differences (its indicator lies in their span), checked one by
 * one. No such set may hold 1..k-1 responses.
 */
function derivableSmallSets(cells: CellCount[], k: number): string[] {
  const visibility = decideVisibility(cells, k);
  const width = cells.length;
  const basis: number[][] = [];
  const reduce = (vector: number[]) => {
    const rest = [...vector];
    for (const row of basis) {
      const pivot = row.findIndex((v) => Math.abs(v) > 1e-9);
      const factor = rest[pivot] / row[pivot];
      if (Math.abs(factor) > 1e-12) for (let i = 0; i < width; i++) rest[i] -= factor * row[i];
    }
    return rest;
  };
  for (const group of visibility.groups.filter((g) => visibility.isVisible(g.key))) {
    const rest = reduce(Array.from({ length: width }, (_, i) => (group.cells.includes(i) ? 1 : 0)));
    if (rest.some((v) => Math.abs(v) > 1e-9)) basis.push(rest);
  }
  const findings: string[] = [];
  for (let mask = 1; mask < 1 << width; mask++) {
    const members = cells.filter((_, i) => mask & (1 << i));
    const count = members.reduce((sum, cell) => sum + cell.count, 0);
    if (count === 0 || count >= k) continue;
    const rest = reduce(Array.from({ length: width }, (_, i) => (mask & (1 << i) ? 1 : 0)));
    if (rest.every((v) => Math.abs(v) < 1e-9)) {
      findings.push(
        `${members.map((c) => `${c.departmentId}/${c.roleId}`).join(" + ")} = ${count} follows from the shown counts`,
      );
    }
  }
  return findings;
}

const smallOrg = fc
  .record({
    departments: fc.integer({ min: 1, max: 4 }),
    roles: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 3, max: 6 }),
    counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 14 })), {
      minLength: 12,
      maxLength: 12,
    }),
  })
  .map(({ departments, roles, k, counts }) => {
    const cells: CellCount[] = [];
    for (let d = 0; d < departments; d++)
      for (let r = 0; r < roles; r++) cells.push(cell(`d${d}`, `r${r}`, counts[d * roles + r]));
    return { cells, k };
  });

describe("decideVisibility: no set of cells under k follows from what is shown", () => {
  it("holds where a role minus one department's share, worked out from that department, is small", () => {
    const cells = [
      cell("Engineering", "Specialist", 11),
      cell("Engineering", "Lead", 10),
      cell("Legal", "Specialist", 4),
      cell("Legal", "Lead", 1),
      cell("Finance", "Specialist", 1),
      cell("Finance", "Lead", 1),
    ];
    expect(derivableSmallSets(cells, 3)).toEqual([]);
  });

  it("holds over random small organisations, checking every set of cells", () => {
    fc.assert(
      fc.property(smallOrg, ({ cells, k }) => {
        expect(derivableSmallSets(cells, k)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decideVisibility: properties over random organisations", () => {
  it("never lets an attacker see or work out a group under k", () => {
    fc.assert(
      fc.property(org, ({ cells, k }) => {
        expect(attackerFindings(cells, k)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("always shows the whole round once it has k answers", () => {
    fc.assert(
      fc.property(org, ({ cells, k }) => {
        const total = cells.reduce((s, c) => s + c.count, 0);
        expect(decideVisibility(cells, k).isVisible(OVERALL_KEY)).toBe(total >= k);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic under reordering of departments and roles", () => {
    fc.assert(
      fc.property(org, fc.integer(), ({ cells, k }, salt) => {
        const shuffled = [...cells].sort(
          (a, b) =>
            ((a.departmentId + a.roleId + salt).length % 3) - ((b.departmentId + b.roleId + salt).length % 3) ||
            (a.roleId < b.roleId ? 1 : -1),
        );
        expect(visibleKeys(shuffled, k)).toEqual(visibleKeys(cells, k));
      }),
      { numRuns: 200 },
    );
  });

  it("keys groups the same way the results use them", () => {
    expect(departmentKey("x")).toBe("department:x");
    expect(roleKey("y")).toBe("role:y");
    expect(cellKey("x", "y")).toBe("cell:x|y");
  });
});

describe("decideVisibility: the signed-difference rule", () => {
  it("never shows a department and a role whose cell holds 1..k-1 withheld responses", () => {
    // D1 + R1 - round = (D1, R1) - (D2, R2): one lone person minus another decodes into both.
    const cells = [cell("D1", "R1", 1), cell("D1", "R2", 6), cell("D2", "R1", 6), cell("D2", "R2", 1)];
    const visibility = decideVisibility(cells, 3);
    const shown = (key: string) => visibility.isVisible(key);
    expect(shown(departmentKey("D1")) && shown(roleKey("R1"))).toBe(false);
    expect(shown(departmentKey("D2")) && shown(roleKey("R2"))).toBe(false);
    expect(exposures(cells, visibility.isVisible, 3)).toEqual([]);
  });

  it("finds the review's signed difference when every group of at least k is shown", () => {
    const cells = [
      cell("D1", "R1", 4),
      cell("D1", "R2", 1),
      cell("D2", "R1", 3),
      cell("D2", "R2", 3),
      cell("D3", "R1", 1),
      cell("D3", "R2", 4),
    ];
    const oldGate = new Set([
      OVERALL_KEY,
      departmentKey("D1"),
      departmentKey("D2"),
      departmentKey("D3"),
      roleKey("R1"),
      roleKey("R2"),
      cellKey("D2", "R1"),
      cellKey("D2", "R2"),
    ]);
    expect(exposures(cells, (key) => oldGate.has(key), 3)).toEqual(
      expect.arrayContaining([expect.stringContaining("cell:D1|R2 = 1"), expect.stringContaining("cell:D3|R1 = 1")]),
    );
    expect(exposures(cells, decideVisibility(cells, 3).isVisible, 3)).toEqual([]);
  });

  it("holds over random organisations of every size it enumerates and beyond", () => {
    const wide = fc
      .record({
        departments: fc.integer({ min: 1, max: 9 }),
        roles: fc.integer({ min: 1, max: 15 }),
        k: fc.integer({ min: 3, max: 7 }),
        counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 135,
          maxLength: 135,
        }),
      })
      .map(({ departments, roles, k, counts }) => ({
        k,
        cells: Array.from({ length: departments * roles }, (_, i) =>
          cell(`d${Math.floor(i / roles)}`, `r${i % roles}`, counts[i]),
        ),
      }));
    fc.assert(
      fc.property(wide, ({ cells, k }) => {
        expect(exposures(cells, decideVisibility(cells, k).isVisible, k)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("shows as many groups as the best safe choice, found by trying every choice of tiny organisations", () => {
    const tiny = fc
      .record({
        departments: fc.integer({ min: 1, max: 3 }),
        roles: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 3, max: 5 }),
        counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 9,
          maxLength: 9,
        }),
      })
      .map(({ departments, roles, k, counts }) => ({
        k,
        cells: Array.from({ length: departments * roles }, (_, i) =>
          cell(`d${Math.floor(i / roles)}`, `r${i % roles}`, counts[i]),
        ),
      }));
    fc.assert(
      fc.property(tiny, ({ cells, k }) => {
        const groups = groupsOf(cells);
        if (groups[0].count < k) return;
        const candidates = groups.filter((g) => g.kind !== "overall" && g.count >= k);
        let best = { shown: -1, margins: -1 };
        for (let mask = 0; mask < 1 << candidates.length; mask++) {
          const shown = new Set([OVERALL_KEY, ...candidates.filter((_, i) => mask & (1 << i)).map((g) => g.key)]);
          if (exposures(cells, (key) => shown.has(key), k).length > 0) continue;
          const margins = [...shown].filter((key) => !key.startsWith("cell:")).length - 1;
          if (shown.size > best.shown || (shown.size === best.shown && margins > best.margins)) {
            best = { shown: shown.size, margins };
          }
        }
        const chosen = visibleKeys(cells, k);
        expect({ shown: chosen.length, margins: chosen.filter((key) => !key.startsWith("cell:")).length - 1 }).toEqual(
          best,
        );
      }),
      { numRuns: 200 },
    );
  });
});
