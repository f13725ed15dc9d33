/**
 * The choice of shown departments and roles that shows the most, among the choices that keep
 * every block of withheld cells at 0 or at least k (see anonymity.ts for the rule). The side with
 * fewer members of at least k is enumerated, the other found by branch and bound; the result is
 * checked against the rule by the caller.
 */

/** The cells seen from one side: lines (departments or roles) crossing columns (the other side). */
export interface Grid {
  lines: number;
  columns: number;
  /** Per cell: its line, its column, its count. */
  cells: { line: number; column: number; count: number }[];
  lineEligible: boolean[];
  columnEligible: boolean[];
}

export interface Plan {
  lines: Set<number>;
  columns: Set<number>;
  shown: number;
  margins: number;
}

const better = (a: { shown: number; margins: number }, b: { shown: number; margins: number } | null) =>
  b === null || a.shown > b.shown || (a.shown === b.shown && a.margins > b.margins);

/** Subsets of the smaller side are enumerated up to this many members; beyond, a local search. */
const ENUMERATED_SIDE = 12;
/** Nodes of one branch and bound; the best found so far stands when it runs out. */
const SEARCH_BUDGET = 4000;

/**
 * The best set of lines given the shown columns, by branch and bound; null when no set of lines
 * makes these columns safe. `shown` counts the lines and columns shown and subtracts one cell
 * for each block that must withhold a cell of at least k; shown cells of at least k are added by
 * the caller (their number does not depend on the choice).
 */
function bestLines(grid: Grid, columns: Set<number>, k: number): Plan | null {
  const { cells } = grid;
  const smallInLine = new Array<number>(grid.lines).fill(0);
  const smallInColumn = new Array<number>(grid.columns).fill(0);
  const blocked = new Array<boolean>(grid.lines).fill(false);
  const bigOutside = new Array<boolean>(grid.lines).fill(false);
  const bigLinesOfColumn = new Map<number, number[]>();
  let smallTotal = 0;
  for (const cell of cells) {
    if (cell.count === 0) continue;
    const shownColumn = columns.has(cell.column);
    if (cell.count < k) {
      smallInLine[cell.line] += cell.count;
      smallInColumn[cell.column] += cell.count;
      smallTotal += cell.count;
      if (shownColumn) blocked[cell.line] = true;
    } else if (shownColumn) {
      const list = bigLinesOfColumn.get(cell.column) ?? [];
      list.push(cell.line);
      bigLinesOfColumn.set(cell.column, list);
    } else {
      bigOutside[cell.line] = true;
    }
  }
  const deficient = (small: number) => small > 0 && small < k;

  let penalty = 0;
  let restSmall = smallTotal;
  // Columns whose withheld part must take in a cell of at least k from a line left out.
  const needs: number[][] = [];
  for (const column of columns) {
    restSmall -= smallInColumn[column];
    if (!deficient(smallInColumn[column])) continue;
    const lines = bigLinesOfColumn.get(column) ?? [];
    if (lines.length === 0) return null;
    penalty++;
    needs.push(lines);
  }
  const candidates: number[] = [];
  for (let line = 0; line < grid.lines; line++) {
    const feasible = !deficient(smallInLine[line]) || bigOutside[line];
    if (grid.lineEligible[line] && !blocked[line] && feasible) candidates.push(line);
  }
  const candidate = new Set(candidates);
  // Needs already met by a line that is never shown.
  const open = needs.filter((lines) => lines.every((line) => candidate.has(line)));
  const restHasBigBase = bigOutside.some((big, line) => big && !candidate.has(line));
  const gain = candidates.map((line) => (deficient(smallInLine[line]) ? 0 : 1));
  const gainAfter = new Array<number>(candidates.length + 1).fill(0);
  for (let i = candidates.length - 1; i >= 0; i--) gainAfter[i] = gainAfter[i + 1] + gain[i];

  let best: { chosen: number[]; shown: number; margins: number } | null = null;
  let budget = SEARCH_BUDGET;
  const chosen: number[] = [];
  const excluded = new Set<number>();
  const visit = (index: number, value: number, rest: number, restHasBig: boolean) => {
    if (budget-- <= 0 && best) return;
    const upper = { shown: value + gainAfter[index], margins: chosen.length + candidates.length - index };
    if (!better(upper, best)) return;
    if (index === candidates.length) {
      if (!open.every((lines) => lines.some((line) => excluded.has(line)))) return;
      let shown = value;
      if (deficient(rest)) {
        if (!restHasBig) return;
        shown--;
      }
      const result = { shown, margins: chosen.length };
      if (better(result, best)) best = { chosen: [...chosen], ...result };
      return;
    }
    const line = candidates[index];
    chosen.push(line);
    visit(index + 1, value + gain[index], rest - smallInLine[line], restHasBig);
    chosen.pop();
    excluded.add(line);
    visit(index + 1, value, rest, restHasBig || bigOutside[line]);
    excluded.delete(line);
  };
  visit(0, columns.size - penalty, restSmall, restHasBigBase);
  if (!best) return null;
  const found = best as { chosen: number[]; shown: number; margins: number };
  return { lines: new Set(found.chosen), columns, shown: found.shown, margins: found.margins + columns.size };
}

function* subsetsOf(members: number[]): Generator<Set<number>> {
  for (let mask = 0; mask < 1 << members.length; mask++) {
    yield new Set(members.filter((_, i) => mask & (1 << i)));
  }
}

/** Local search over the columns, for organisations too wide to try every subset of either side. */
function searchColumns(grid: Grid, eligible: number[], k: number): Plan {
  let current = bestLines(grid, new Set(), k)!;
  for (let improved = true; improved;) {
    improved = false;
    for (const column of eligible) {
      const next = new Set(current.columns);
      if (next.has(column)) next.delete(column);
      else next.add(column);
      const plan = bestLines(grid, next, k);
      if (plan && better(plan, current)) {
        current = plan;
        improved = true;
      }
    }
  }
  return current;
}

export function bestPlan(grid: Grid, k: number): Plan {
  const eligible = grid.columnEligible.flatMap((ok, column) => (ok ? [column] : []));
  if (eligible.length > ENUMERATED_SIDE) return searchColumns(grid, eligible, k);
  // A shown column rules out every line with a small cell in it: with what is left, a choice
  // of columns can show no more than its columns and the eligible lines it leaves. Choices
  // whose bound cannot beat the best so far are skipped without working out their lines.
  const ruledOut = new Array<bigint>(grid.columns).fill(0n);
  for (const cell of grid.cells) {
    if (cell.count > 0 && cell.count < k && grid.lineEligible[cell.line]) {
      ruledOut[cell.column] |= 1n << BigInt(cell.line);
    }
  }
  const eligibleLines = grid.lineEligible.filter(Boolean).length;
  const bitCount = (mask: bigint) => {
    let n = 0;
    for (; mask > 0n; mask &= mask - 1n) n++;
    return n;
  };
  let best: Plan | null = null;
  for (const columns of subsetsOf(eligible)) {
    let out = 0n;
    for (const column of columns) out |= ruledOut[column];
    const left = eligibleLines - bitCount(out);
    if (!better({ shown: columns.size + left, margins: columns.size + left }, best)) continue;
    const plan = bestLines(grid, columns, k);
    if (plan && better(plan, best)) best = plan;
  }
  // The empty set of columns always has a safe set of lines (none at worst).
  return best!;
}
