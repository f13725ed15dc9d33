/**
 * Which groups of a round may be shown (anonymity rules 4 and 5).
 *
 * A round's answers are counted per cell (department x role). The groups shown are the whole
 * round, each department, each role and each cell; every one is a sum of cells. A group is
 * shown only when both of these hold, and the decision is the same for every page, chart and
 * export, so no sequence of views can combine into more than any one view shows:
 *
 * 1. It has at least k responses.
 * 2. No set of responses smaller than k can be worked out from what is shown: no combination
 *    of shown totals (sums and differences of the round, departments, roles and cells) adds up
 *    to exactly a set of withheld cells holding 1..k-1 responses. This covers the classic
 *    cases (the hidden parts of a shown total hold 0 or at least k; two nested shown groups
 *    never differ by 1..k-1) and every chain of them, such as "a role, minus a department's
 *    share of it worked out from that department and its other cells".
 *
 * Rule 2 is checked exactly. Write a shown department or role as a node; withheld departments
 * share one node, withheld roles another. Every withheld cell is an edge between its department
 * and role nodes. A set of withheld cells follows from the shown totals exactly when it is the
 * set of edges leaving some group of nodes W (rows in W, roles outside it) such that no edge
 * enters W (a role in W brings its departments along), with the node of withheld roles, and that
 * of withheld departments when the round itself is withheld, fixed on one side together. The
 * smallest such set containing a given withheld cell is a minimum cut, found by max-flow; any
 * set that follows splits into such cuts, so checking them is enough.
 *
 * While some set under k follows, one more group is hidden: a shown cell across the offending
 * cut (its total then joins the cut), else the smallest department, role or cell whose hiding
 * alone stops the offending cells from following (so that groups taking no part keep their
 * figures), else the smallest shown cell, else the smallest shown department or role. Last, a
 * department or role of at least k never keeps shown cells beside withheld ones holding 1..k-1.
 * Hiding only removes information, so this ends, at worst with the round's total alone. Ties
 * are broken by group key, so the result is the same every time.
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
  const overall: GroupCount = {
    key: OVERALL_KEY,
    kind: "overall",
    departmentId: null,
    roleId: null,
    count: 0,
    cells: [],
  };
  const departments = new Map<string, GroupCount>();
  const roles = new Map<string, GroupCount>();
  const cellGroups: GroupCount[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const key = cellKey(cell.departmentId, cell.roleId);
    if (seen.has(key)) throw new Error(`Cell ${key} is listed twice.`);
    seen.add(key);
    cellGroups.push({
      key,
      kind: "cell",
      departmentId: cell.departmentId,
      roleId: cell.roleId,
      count: cell.count,
      cells: [index],
    });
    overall.count += cell.count;
    overall.cells.push(index);
    const department = departments.get(cell.departmentId) ?? {
      key: departmentKey(cell.departmentId),
      kind: "department" as const,
      departmentId: cell.departmentId,
      roleId: null,
      count: 0,
      cells: [],
    };
    department.count += cell.count;
    department.cells.push(index);
    departments.set(cell.departmentId, department);
    const role = roles.get(cell.roleId) ?? {
      key: roleKey(cell.roleId),
      kind: "role" as const,
      departmentId: null,
      roleId: cell.roleId,
      count: 0,
      cells: [],
    };
    role.count += cell.count;
    role.cells.push(index);
    roles.set(cell.roleId, role);
  });
  return [overall, ...departments.values(), ...roles.values(), ...cellGroups];
}

/** Smallest first; among equals, by key, so the choice never depends on input order. */
function bySize(a: GroupCount, b: GroupCount) {
  return a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

const INFINITE = Number.MAX_SAFE_INTEGER / 4;

/** A small max-flow network (Edmonds-Karp), enough for a few dozen departments and roles. */
class FlowNetwork {
  private readonly heads: number[][];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];

  constructor(readonly size: number) {
    this.heads = Array.from({ length: size }, () => []);
  }

  addArc(from: number, to: number, capacity: number) {
    this.heads[from].push(this.to.length);
    this.to.push(to);
    this.capacity.push(capacity);
    this.heads[to].push(this.to.length);
    this.to.push(from);
    this.capacity.push(0);
  }

  /** The max flow from s to t, or `limit` as soon as it reaches it. */
  flow(s: number, t: number, limit: number): number {
    let total = 0;
    while (total < limit) {
      const via = new Array<number>(this.size).fill(-1);
      const queue = [s];
      via[s] = -2;
      while (queue.length > 0 && via[t] === -1) {
        const node = queue.shift()!;
        for (const arc of this.heads[node]) {
          if (this.capacity[arc] > 0 && via[this.to[arc]] === -1) {
            via[this.to[arc]] = arc;
            queue.push(this.to[arc]);
          }
        }
      }
      if (via[t] === -1) break;
      let push = limit - total;
      for (let node = t; node !== s; node = this.to[via[node] ^ 1]) push = Math.min(push, this.capacity[via[node]]);
      for (let node = t; node !== s; node = this.to[via[node] ^ 1]) {
        this.capacity[via[node]] -= push;
        this.capacity[via[node] ^ 1] += push;
      }
      total += push;
    }
    return total;
  }

  /** Nodes still reachable from s: the source side of a minimum cut, after `flow`. */
  reachable(s: number): Set<number> {
    const seen = new Set([s]);
    const queue = [s];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const arc of this.heads[node]) {
        if (this.capacity[arc] > 0 && !seen.has(this.to[arc])) {
          seen.add(this.to[arc]);
          queue.push(this.to[arc]);
        }
      }
    }
    return seen;
  }
}

/** What an attacker who sees the shown totals can combine, as a graph of department and role nodes. */
interface Exposure {
  nodeCount: number;
  fixed: number[];
  edges: { row: number; col: number; weight: number }[];
  departmentNode: (departmentId: string) => number;
  roleNode: (roleId: string) => number;
}

function exposureOf(groups: GroupCount[], hidden: Set<string>): Exposure {
  const nodes = new Map<string, number>();
  const node = (key: string) => {
    if (!nodes.has(key)) nodes.set(key, nodes.size);
    return nodes.get(key)!;
  };
  const withheldDepartments = node("withheld departments");
  const withheldRoles = node("withheld roles");
  const departmentNode = (id: string) =>
    hidden.has(departmentKey(id)) ? withheldDepartments : node(departmentKey(id));
  const roleNode = (id: string) => (hidden.has(roleKey(id)) ? withheldRoles : node(roleKey(id)));
  // Nodes and edges in key order, so the same counts always give the same graph.
  const byKey = [...groups].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const group of byKey) {
    if (group.kind === "department") departmentNode(group.departmentId!);
    if (group.kind === "role") roleNode(group.roleId!);
  }
  const edges = new Map<string, { row: number; col: number; weight: number }>();
  for (const group of byKey) {
    if (group.kind !== "cell" || !hidden.has(group.key)) continue;
    const row = departmentNode(group.departmentId!);
    const col = roleNode(group.roleId!);
    const edge = edges.get(`${row}|${col}`) ?? { row, col, weight: 0 };
    edge.weight += group.count;
    edges.set(`${row}|${col}`, edge);
  }
  const fixed = hidden.has(OVERALL_KEY) ? [withheldRoles, withheldDepartments] : [withheldRoles];
  return { nodeCount: nodes.size, fixed, edges: [...edges.values()], departmentNode, roleNode };
}

/**
 * The smallest set of withheld cells that follows from the shown totals and contains the cells
 * of `edge`, as a node group W, when it holds fewer than k responses; null when none does.
 */
function smallCutAround(exposure: Exposure, edge: { row: number; col: number }, k: number): Set<number> | null {
  const fixedSides: ("in" | "out")[] = [];
  if (!exposure.fixed.includes(edge.row)) fixedSides.push("out");
  if (!exposure.fixed.includes(edge.col)) fixedSides.push("in");
  for (const side of fixedSides) {
    const source = exposure.nodeCount;
    const sink = source + 1;
    const network = new FlowNetwork(sink + 1);
    for (const e of exposure.edges) {
      network.addArc(e.row, e.col, e.weight);
      network.addArc(e.col, e.row, INFINITE);
    }
    network.addArc(source, edge.row, INFINITE);
    network.addArc(edge.col, sink, INFINITE);
    for (const node of exposure.fixed) {
      if (side === "out") network.addArc(node, sink, INFINITE);
      else network.addArc(source, node, INFINITE);
    }
    if (network.flow(source, sink, k) < k) return network.reachable(source);
  }
  return null;
}

interface SmallCut {
  /** The source side W of the cut. */
  nodes: Set<number>;
  /** The withheld edge the cut was found around. */
  edge: { row: number; col: number };
}

function findSmallCut(exposure: Exposure, k: number): SmallCut | null {
  const candidates = exposure.edges
    .filter((e) => e.weight > 0 && e.weight < k)
    .sort((a, b) => a.weight - b.weight || a.row - b.row || a.col - b.col);
  for (const edge of candidates) {
    const nodes = smallCutAround(exposure, edge, k);
    if (nodes) return { nodes, edge };
  }
  return null;
}

/**
 * Whether hiding `group` as well leaves the cells of `edge` (in `exposure`) inside no set under
 * k that follows from what is shown.
 */
function hidingEnds(
  groups: GroupCount[],
  hidden: Set<string>,
  exposure: Exposure,
  edge: SmallCut["edge"],
  group: GroupCount,
  k: number,
) {
  const onEdge = (g: GroupCount) =>
    exposure.departmentNode(g.departmentId!) === edge.row && exposure.roleNode(g.roleId!) === edge.col;
  const offending = groups.find((g) => g.kind === "cell" && g.count > 0 && hidden.has(g.key) && onEdge(g))!;
  const after = exposureOf(groups, new Set([...hidden, group.key]));
  const row = after.departmentNode(offending.departmentId!);
  const col = after.roleNode(offending.roleId!);
  return smallCutAround(after, { row, col }, k) === null;
}

/**
 * A department or role of at least k, even a withheld one, never has shown cells beside withheld
 * ones that hold 1..k-1 between them: the smallest shown cell of the first such group, if any.
 * (Should its total ever be shown or worked out, its small remainder must not follow.)
 */
function cellsBesideFewWithheld(
  totals: GroupCount[],
  cells: GroupCount[],
  hidden: Set<string>,
  k: number,
): GroupCount | undefined {
  for (const total of [...totals].sort(bySize)) {
    if (total.count < k) continue;
    const parts = total.cells.map((index) => cells[index]);
    const withheld = parts.filter((cell) => hidden.has(cell.key)).reduce((sum, cell) => sum + cell.count, 0);
    if (withheld > 0 && withheld < k) return parts.filter((cell) => !hidden.has(cell.key)).sort(bySize)[0];
  }
  return undefined;
}

export function decideVisibility(cells: readonly CellCount[], k: number): Visibility {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new Error(`The threshold k must be a whole number of at least ${MIN_K}.`);
  const groups = groupsOf(cells);
  const hidden = new Set(groups.filter((g) => g.count < k).map((g) => g.key));
  if (hidden.has(OVERALL_KEY)) {
    for (const group of groups) hidden.add(group.key);
    return { k, groups, isVisible: () => false };
  }

  const smallestShown = (candidates: GroupCount[]) =>
    candidates.filter((g) => !hidden.has(g.key) && g.kind !== "overall").sort(bySize)[0];
  const cellGroups = groups.filter((g) => g.kind === "cell");
  const totals = groups.filter((g) => g.kind === "department" || g.kind === "role");
  for (;;) {
    const exposure = exposureOf(groups, hidden);
    const cut = findSmallCut(exposure, k);
    if (!cut) {
      const spare = cellsBesideFewWithheld(totals, cellGroups, hidden, k);
      if (!spare) break;
      hidden.add(spare.key);
      continue;
    }
    const inCut = (g: GroupCount) => cut.nodes.has(exposure.departmentNode(g.departmentId!));
    const roleInCut = (g: GroupCount) => cut.nodes.has(exposure.roleNode(g.roleId!));
    const across = cellGroups.filter((g) => inCut(g) && !roleInCut(g));
    // No shown cell adds to the cut: hide the smallest department, role or cell whose total the
    // working-out needs, so that a group which does not take part (a large department far from
    // the small one, every cell of the grid) keeps its figures.
    const needed = () =>
      [...totals, ...cellGroups.filter((g) => !inCut(g) && roleInCut(g))]
        .filter((g) => !hidden.has(g.key))
        .sort(bySize)
        .find((g) => hidingEnds(groups, hidden, exposure, cut.edge, g, k));
    const next = smallestShown(across) ?? needed() ?? smallestShown(cellGroups) ?? smallestShown(groups);
    if (!next) break;
    hidden.add(next.key);
  }
  return { k, groups, isVisible: (key) => !hidden.has(key) };
}
