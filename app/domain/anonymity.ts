/**
 * Which groups of a round may be shown (anonymity rules 4 and 5).
 *
 * A round's answers are counted per cell (department x role). The groups shown are the whole
 * round, each department, each role and each cell; every one is a sum of cells, and every view
 * (pages, charts, exports, comment lists, trends, trainings, the public page) shows figures of
 * these groups only, decided once per round from the counts alone, never from the scores.
 *
 * The rule. Take any combination of shown totals with integer coefficients (sums and
 * differences of the round, departments, roles and cells). Shown cells are known, so what the
 * combination says about the withheld cells is a weighted sum of them, some with positive and
 * some with negative coefficients. Both sides must hold 0 or at least k responses: since counts
 * are never negative, "one lone person minus another" decodes into both scores.
 *
 * Why the check is simple. Write each shown department and each shown role as a node; the
 * withheld departments share one node, the withheld roles another (no total tells them apart).
 * A withheld cell adds its count to the block between its department's node and its role's
 * node. A combination gives every cell of one block the same coefficient: the department's
 * coefficient plus the round's, minus (as a potential) the role's. So it assigns a number p to
 * every node, and a block's coefficient is p(department node) - p(role node). For any single
 * block (u, v), the potential that is 1 on u and on every role node but v, and 0 elsewhere, puts
 * exactly that block on the positive side (the blocks of other departments and other roles go
 * to the negative one): department u minus the other shown roles, less the shown cells. Conversely,
 * either side of any potential is a union of whole blocks. So the rule holds exactly when
 * every block holds 0 or at least k responses:
 *
 *   - a withheld cell of a shown department and a shown role holds 0 (a cell of 1..k-1 between
 *     a shown department and a shown role always decodes);
 *   - a shown department's cells in withheld roles hold 0 or at least k between them, and the
 *     same for a shown role's cells in withheld departments;
 *   - the cells of withheld departments in withheld roles hold 0 or at least k between them.
 *
 * Within a block, no combination tells its cells apart, so every table that rearranges the
 * block's answers among its cells is consistent with what is shown: an attacker can learn a
 * withheld group's scores only when its whole block (at least k people) answered alike, the
 * limit every reporting threshold has.
 *
 * The choice. Groups under k are withheld. Which departments and roles are shown is then
 * chosen to show the most groups (departments, roles and cells together; among equals, the most
 * departments and roles): every subset of the smaller side is tried, and for each the best set
 * of the other side is found by branch and bound. Given the margins, each block whose small
 * cells hold 1..k-1 also withholds its smallest cell of at least k, which lifts the block to k.
 * Ties go to the first choice in key order, so the same counts always give the same decision.
 */

import { bestPlan, type Grid } from "./anonymity-choice";

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

// ---------------------------------------------------------------------------------------------
// The rule, as a check
// ---------------------------------------------------------------------------------------------

export interface Block {
  /** A shown department's id, or null for the node of withheld departments. */
  departmentId: string | null;
  /** A shown role's id, or null for the node of withheld roles. */
  roleId: string | null;
  /** Responses in the block's withheld cells. */
  count: number;
  /** Keys of its withheld cells. */
  cells: string[];
}

/** The blocks of withheld cells that no combination of the shown totals can split. */
export function blocksOf(cells: readonly CellCount[], isVisible: (key: string) => boolean): Block[] {
  const blocks = new Map<string, Block>();
  for (const cell of cells) {
    const key = cellKey(cell.departmentId, cell.roleId);
    if (isVisible(key)) continue;
    const departmentId = isVisible(departmentKey(cell.departmentId)) ? cell.departmentId : null;
    const roleId = isVisible(roleKey(cell.roleId)) ? cell.roleId : null;
    const blockKey = `${departmentId ?? ""}|${roleId ?? ""}`;
    const block = blocks.get(blockKey) ?? { departmentId, roleId, count: 0, cells: [] };
    block.count += cell.count;
    block.cells.push(key);
    blocks.set(blockKey, block);
  }
  return [...blocks.values()];
}

/**
 * Everything that breaks the rule for this choice of shown groups, in words (empty when it
 * holds): a shown group under k, or a block of withheld cells holding 1..k-1 responses. When the
 * round itself is withheld nothing may be shown.
 */
export function exposures(cells: readonly CellCount[], isVisible: (key: string) => boolean, k: number): string[] {
  const groups = groupsOf(cells);
  const found: string[] = [];
  for (const group of groups) {
    if (isVisible(group.key) && group.count < k) found.push(`${group.key} is shown with ${group.count}`);
  }
  if (!isVisible(OVERALL_KEY)) {
    for (const group of groups) if (isVisible(group.key)) found.push(`${group.key} is shown without the round`);
    return found;
  }
  for (const block of blocksOf(cells, isVisible)) {
    if (block.count > 0 && block.count < k) {
      found.push(`${block.cells.join(" + ")} = ${block.count} can be told apart from the shown totals`);
    }
  }
  return found;
}

/** Smallest first; among equals, by department and role, so the choice never depends on input order. */
function bySize(a: CellCount, b: CellCount) {
  return (
    a.count - b.count ||
    (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0) ||
    (a.roleId < b.roleId ? -1 : a.roleId > b.roleId ? 1 : 0)
  );
}

export function decideVisibility(cells: readonly CellCount[], k: number): Visibility {
  if (!Number.isInteger(k) || k < MIN_K)
    throw new Error(`The threshold k must be a whole number of at least ${MIN_K}.`);
  const groups = groupsOf(cells);
  const total = groups[0].count;
  if (total < k) return { k, groups, isVisible: () => false };

  const departmentIds = [...new Set(cells.map((c) => c.departmentId))].sort();
  const roleIds = [...new Set(cells.map((c) => c.roleId))].sort();
  const count = new Map(groups.map((g) => [g.key, g.count]));
  const eligible = (key: string) => count.get(key)! >= k;
  // Columns are the side with fewer members of at least k, whose subsets are enumerated.
  const eligibleDepartments = departmentIds.filter((id) => eligible(departmentKey(id))).length;
  const eligibleRoles = roleIds.filter((id) => eligible(roleKey(id))).length;
  const byDepartment = eligibleRoles <= eligibleDepartments;
  const lineIds = byDepartment ? departmentIds : roleIds;
  const columnIds = byDepartment ? roleIds : departmentIds;
  const lineIndex = new Map(lineIds.map((id, i) => [id, i]));
  const columnIndex = new Map(columnIds.map((id, i) => [id, i]));
  const lineKey = byDepartment ? departmentKey : roleKey;
  const columnKey = byDepartment ? roleKey : departmentKey;
  const grid: Grid = {
    lines: lineIds.length,
    columns: columnIds.length,
    cells: cells.map((c) => ({
      line: lineIndex.get(byDepartment ? c.departmentId : c.roleId)!,
      column: columnIndex.get(byDepartment ? c.roleId : c.departmentId)!,
      count: c.count,
    })),
    lineEligible: lineIds.map((id) => eligible(lineKey(id))),
    columnEligible: columnIds.map((id) => eligible(columnKey(id))),
  };
  const plan = bestPlan(grid, k);

  const visible = new Set<string>([OVERALL_KEY]);
  for (const line of plan.lines) visible.add(lineKey(lineIds[line]));
  for (const column of plan.columns) visible.add(columnKey(columnIds[column]));
  for (const cell of cells) if (cell.count >= k) visible.add(cellKey(cell.departmentId, cell.roleId));
  // Each block whose small cells hold 1..k-1 withholds its smallest cell of at least k too.
  const blockOf = (cell: CellCount) =>
    `${visible.has(departmentKey(cell.departmentId)) ? cell.departmentId : ""}|${visible.has(roleKey(cell.roleId)) ? cell.roleId : ""}`;
  const spare = new Map<string, CellCount>();
  const small = new Map<string, number>();
  for (const cell of cells) {
    const block = blockOf(cell);
    if (cell.count < k) small.set(block, (small.get(block) ?? 0) + cell.count);
    else if (!spare.has(block) || bySize(cell, spare.get(block)!) < 0) spare.set(block, cell);
  }
  for (const [block, held] of small) {
    if (held > 0 && held < k) visible.delete(cellKey(spare.get(block)!.departmentId, spare.get(block)!.roleId));
  }
  const broken = exposures(cells, (key) => visible.has(key), k);
  if (broken.length > 0) throw new Error(`The anonymity decision broke its own rule: ${broken.join("; ")}`);
  return { k, groups, isVisible: (key) => visible.has(key) };
}
