/**
 * An attacker who knows how many people were invited to each cell (department x role) and
 * everything a round shows, and tries every table of answers per cell consistent with it: a
 * withheld group's answers are worked out when every consistent table gives it the same ones.
 * Scores are from a small set of values (each stands for one score of 0-10), which keeps the
 * search exhaustive; a cell that no shown distribution covers may also hold "another" value.
 */

/** What is shown about a set of cells: their answers per value, or only how many answered. */
export type Shown = { cells: number[]; distribution: number[] } | { cells: number[]; count: number };

export interface Attack {
  invited: number[];
  /** How many values a score takes in the true table (a shown distribution has this length). */
  values: number;
  shown: Shown[];
}

type Table = number[][];

function vectorsUpTo(total: number, width: number): number[][] {
  if (width === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= total; first++) {
    for (const rest of vectorsUpTo(total - first, width - 1)) out.push([first, ...rest]);
  }
  return out;
}

/**
 * For each of the given groups (sets of cells), whether the attack works its answers out: every
 * consistent table gives it the same answers, or every table gives whoever answered in it the
 * same score. Stops as soon as no group can be worked out any more.
 */
export function workedOut(attack: Attack, groups: number[][]): boolean[] {
  const cellCount = attack.invited.length;
  const covered = new Set(attack.shown.flatMap((s) => ("distribution" in s ? s.cells : [])));
  const width = attack.values + 1;
  const options = attack.invited.map((n, cell) =>
    vectorsUpTo(n, width).filter((vector) => (covered.has(cell) ? vector[attack.values] === 0 : true)),
  );
  const lastCell = attack.shown.map((s) => Math.max(...s.cells));
  const answers = groups.map(() => new Set<string>());
  const scores = groups.map(() => new Set<number>());
  const undecided = (i: number) => answers[i].size < 2 || scores[i].size < 2;
  let open = groups.length;
  const table: Table = [];

  const sumOver = (cells: number[], upTo: number) => {
    const total = new Array<number>(width).fill(0);
    for (const cell of cells) {
      if (cell > upTo) continue;
      table[cell].forEach((n, v) => (total[v] += n));
    }
    return total;
  };
  const fits = (upTo: number) =>
    attack.shown.every((shown, i) => {
      const total = sumOver(shown.cells, upTo);
      const complete = lastCell[i] <= upTo;
      if ("distribution" in shown) {
        for (let v = 0; v < width; v++) {
          const target = v < attack.values ? shown.distribution[v] : 0;
          if (complete ? total[v] !== target : total[v] > target) return false;
        }
        return true;
      }
      const count = total.reduce((s, n) => s + n, 0);
      return complete ? count === shown.count : count <= shown.count;
    });

  const search = (cell: number): boolean => {
    if (cell === cellCount) {
      groups.forEach((group, i) => {
        if (!undecided(i)) return;
        const total = sumOver(group, cellCount);
        answers[i].add(total.join(","));
        total.forEach((n, v) => (n > 0 ? scores[i].add(v) : null));
        if (!undecided(i)) open--;
      });
      return open === 0;
    }
    for (const vector of options[cell]) {
      table[cell] = vector;
      if (fits(cell) && search(cell + 1)) return true;
    }
    return false;
  };
  search(0);
  return groups.map((_, i) => answers[i].size === 1 || scores[i].size === 1);
}
