/**
 * Which groups of a round may be shown (anonymity rules 4 and 5).
 *
 * A round's answers are counted per cell (department x role). The groups shown are the whole
 * round, each department, each role and each cell; every one is a sum of cells. A group is
 * shown only when all of these hold, and the decision is the same for every page, chart and
 * export, so no sequence of views can combine into more than any one view shows:
 *
 * 1. It has at least k responses.
 * 2. Complementary suppression: wherever a total is split into parts (the round into
 *    departments or roles, a department into its cells, a role into its cells), the hidden parts
 *    together hold 0 or at least k responses; otherwise the next-smallest part is hidden too.
 * 3. No subtraction of nested groups: two shown groups G and H, with H inside G, never differ by
 *    1..k-1 responses; otherwise H is hidden.
 * 4. No hidden group under k can be worked out from the shown counts by any linear
 *    combination (sums and differences of totals, departments, roles and cells); otherwise the
 *    smallest shown group next to it is hidden too.
 *
 * Hiding only ever removes information, so the loop that applies these ends, and what it
 * returns satisfies all four at once. Ties are broken by group key, so the result is the same
 * every time for the same counts.
 */

export interface CellCount {
  departmentId: string;
  roleId: string;
  count: number;
}

export type GroupKind = "overall" | "department" | "role" | "cell";

export interface GroupCount {
  key: string;
  kind: GroupKind;
  departmentId: string | null;
  roleId: string | null;
  count: number;
  /** Indexes into the cell list: the cells this group sums. */
  cells: number[];
}

export interface Visibility {
  k: number;
  groups: GroupCount[];
  isVisible(key: string): boolean;
}

export const OVERALL_KEY = "overall";
export const departmentKey = (id: string) => `department:${id}`;
export const roleKey = (id: string) => `role:${id}`;
export const cellKey = (departmentId: string, roleId: string) => `cell:${departmentId}|${roleId}`;

export const MIN_K = 3;
export const DEFAULT_K = 5;

/** Builds the groups (whole round, departments, roles, cells) from the cell counts. */
export function groupsOf(cells: readonly CellCount[]): GroupCount[] {
  const overall: GroupCount = { key: OVERALL_KEY, kind: "overall", departmentId: null, roleId: null, count: 0, cells: [] };
  const departments = new Map<string, GroupCount>();
  const roles = new Map<string, GroupCount>();
  const cellGroups: GroupCount[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const key = cellKey(cell.departmentId, cell.roleId);
    if (seen.has(key)) throw new Error(`Cell ${key} is listed twice.`);
    seen.add(key);
    cellGroups.push({ key, kind: "cell", departmentId: cell.departmentId, roleId: cell.roleId, count: cell.count, cells: [index] });
    overall.count += cell.count;
    overall.cells.push(index);
    const department = departments.get(cell.departmentId) ?? {
      key: departmentKey(cell.departmentId), kind: "department" as const, departmentId: cell.departmentId, roleId: null, count: 0, cells: [],
    };
    department.count += cell.count;
    department.cells.push(index);
    departments.set(cell.departmentId, department);
    const role = roles.get(cell.roleId) ?? {
      key: roleKey(cell.roleId), kind: "role" as const, departmentId: null, roleId: cell.roleId, count: 0, cells: [],
    };
    role.count += cell.count;
    role.cells.push(index);
    roles.set(cell.roleId, role);
  });
  return [overall, ...departments.values(), ...roles.values(), ...cellGroups];
}

interface Partition {
  parent: GroupCount;
  parts: GroupCount[];
}

function partitionsOf(groups: GroupCount[]): Partition[] {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const overall = byKey.get(OVERALL_KEY)!;
  const departments = groups.filter((g) => g.kind === "department");
  const roles = groups.filter((g) => g.kind === "role");
  const cells = groups.filter((g) => g.kind === "cell");
  return [
    { parent: overall, parts: departments },
    { parent: overall, parts: roles },
    ...departments.map((d) => ({ parent: d, parts: cells.filter((c) => c.departmentId === d.departmentId) })),
    ...roles.map((r) => ({ parent: r, parts: cells.filter((c) => c.roleId === r.roleId) })),
  ];
}

/** Smallest first; among equals, by key, so the choice never depends on input order. */
function bySize(a: GroupCount, b: GroupCount) {
  return a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function isSubset(small: number[], large: Set<number>) {
  return small.every((cell) => large.has(cell));
}

/**
 * The row space of the shown groups' equations (each shown group says "these cells sum to
 * n"), reduced, so that whether a hidden group's count follows from them is one projection.
 */
class KnownSums {
  private readonly rows: { pivot: number; coefficients: Float64Array }[] = [];

  constructor(
    private readonly width: number,
    shown: GroupCount[],
  ) {
    for (const group of shown) this.add(this.vectorOf(group));
  }

  vectorOf(group: GroupCount): Float64Array {
    const vector = new Float64Array(this.width);
    for (const cell of group.cells) vector[cell] = 1;
    return vector;
  }

  private reduce(vector: Float64Array): Float64Array {
    const rest = Float64Array.from(vector);
    for (const row of this.rows) {
      const factor = rest[row.pivot];
      if (Math.abs(factor) < 1e-9) continue;
      for (let i = 0; i < this.width; i++) rest[i] -= factor * row.coefficients[i];
    }
    return rest;
  }

  private add(vector: Float64Array) {
    const rest = this.reduce(vector);
    let pivot = -1;
    for (let i = 0; i < this.width; i++) if (Math.abs(rest[i]) > 1e-9 && (pivot < 0 || Math.abs(rest[i]) > Math.abs(rest[pivot]))) pivot = i;
    if (pivot < 0) return;
    const scale = rest[pivot];
    for (let i = 0; i < this.width; i++) rest[i] /= scale;
    for (const row of this.rows) {
      const factor = row.coefficients[pivot];
      if (Math.abs(factor) < 1e-9) continue;
      for (let i = 0; i < this.width; i++) row.coefficients[i] -= factor * rest[i];
    }
    this.rows.push({ pivot, coefficients: rest });
  }

  /** Whether the group's count is a linear combination of the shown counts. */
  determines(group: GroupCount): boolean {
    return this.reduce(this.vectorOf(group)).every((value) => Math.abs(value) < 1e-9);
  }
}

export function decideVisibility(cells: readonly CellCount[], k: number): Visibility {
  if (!Number.isInteger(k) || k < MIN_K) throw new Error(`The threshold k must be a whole number of at least ${MIN_K}.`);
  const groups = groupsOf(cells);
  const hidden = new Set(groups.filter((g) => g.count < k).map((g) => g.key));
  const partitions = partitionsOf(groups);
  const cellSets = new Map(groups.map((g) => [g.key, new Set(g.cells)]));
  const shown = () => groups.filter((g) => !hidden.has(g.key));

  /** Hides the smallest shown group with responses among `candidates`; false if there is none. */
  const hideSmallest = (candidates: GroupCount[]) => {
    const next = candidates.filter((g) => !hidden.has(g.key) && g.count > 0 && g.kind !== "overall").sort(bySize)[0];
    if (!next) return false;
    hidden.add(next.key);
    return true;
  };

  const complementaryStep = () => {
    for (const { parent, parts } of partitions) {
      if (parent.count < k) continue;
      const hiddenSum = parts.filter((p) => hidden.has(p.key)).reduce((sum, p) => sum + p.count, 0);
      // The parent holds at least k, so while the hidden parts hold fewer, a shown part exists.
      if (hiddenSum > 0 && hiddenSum < k && hideSmallest(parts)) return true;
    }
    return false;
  };

  const nestedStep = () => {
    const visible = shown();
    for (const outer of visible) {
      const outerCells = cellSets.get(outer.key)!;
      for (const inner of visible) {
        if (inner === outer || inner.cells.length > outer.cells.length) continue;
        const difference = outer.count - inner.count;
        if (difference > 0 && difference < k && isSubset(inner.cells, outerCells)) {
          hidden.add(inner.key);
          return true;
        }
      }
    }
    return false;
  };

  const linearStep = () => {
    const known = new KnownSums(cells.length, shown());
    const exposed = groups
      .filter((g) => hidden.has(g.key) && g.count > 0 && g.count < k && known.determines(g))
      .sort(bySize)[0];
    if (!exposed) return false;
    const neighbours = groups.filter(
      (g) =>
        g.key !== exposed.key &&
        ((exposed.departmentId !== null && g.departmentId === exposed.departmentId) ||
          (exposed.roleId !== null && g.roleId === exposed.roleId)),
    );
    // The cross table is the least needed view, so its cells go before departments and roles.
    const cellsOnly = (list: GroupCount[]) => list.filter((g) => g.kind === "cell");
    return (
      hideSmallest(cellsOnly(neighbours)) ||
      hideSmallest(cellsOnly(groups)) ||
      hideSmallest(neighbours) ||
      hideSmallest(groups)
    );
  };

  if (!hidden.has(OVERALL_KEY)) {
    while (complementaryStep() || nestedStep() || linearStep()) {
      // Each step hides one more group; repeat until none is needed.
    }
  } else {
    for (const group of groups) hidden.add(group.key);
  }

  return { k, groups, isVisible: (key) => !hidden.has(key) };
}
