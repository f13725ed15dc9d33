/**
 * An attacker against the results gate, written independently of app/domain/anonymity.ts. It
 * knows how many people answered in every department x role cell (more than any page shows),
 * reads the 0-10 distribution of every group a view shows, and searches every table of scores
 * per cell that is consistent with all of it. Whatever every consistent table agrees on, the
 * attacker knows.
 */

export interface AnsweredCell {
  departmentId: string;
  roleId: string;
  /** Each respondent's 0-10 score. */
  scores: number[];
}

/** A shown group: the whole round (both null), a department, a role or a cell. */
export interface ShownGroup {
  departmentId: string | null;
  roleId: string | null;
  /** Responses per score, index 0..10. */
  distribution: number[];
}

export interface GroupRefOf {
  departmentId: string | null;
  roleId: string | null;
}

const SCORES = 11;

export const contains = (group: GroupRefOf, cell: { departmentId: string; roleId: string }) =>
  (group.departmentId === null || group.departmentId === cell.departmentId) &&
  (group.roleId === null || group.roleId === cell.roleId);

export function distributionOf(scores: number[]): number[] {
  const distribution = new Array<number>(SCORES).fill(0);
  for (const score of scores) distribution[score]++;
  return distribution;
}

export class SearchTooLarge extends Error {}

/**
 * Whether some table of scores per cell, consistent with every cell's count and every shown
 * group's distribution, gives nobody in `target` the score `score`. A depth-first search over
 * the cells, each cell taking every multiset of scores its shown groups still leave room for.
 */
export function canAvoid(
  cells: AnsweredCell[],
  shown: ShownGroup[],
  target: GroupRefOf,
  score: number,
  budget = 2_000_000,
): boolean {
  // Cells in the same shown groups (and on the same side of the target) are interchangeable:
  // any table for their union splits among them in every way that respects their counts, so
  // they are searched as one.
  const merged = new Map<string, { size: number; groups: number[]; inTarget: boolean }>();
  for (const cell of cells) {
    const groups = shown.flatMap((g, gi) => (contains(g, cell) ? [gi] : []));
    const inTarget = contains(target, cell);
    const key = `${inTarget}|${groups.join(",")}`;
    const entry = merged.get(key) ?? { size: 0, groups, inTarget };
    entry.size += cell.scores.length;
    merged.set(key, entry);
  }
  // The target's cells first: their choices are the most constrained.
  const units = [...merged.values()].filter((u) => u.size > 0).sort((a, b) => Number(b.inTarget) - Number(a.inTarget));
  const memberships = units.map((u) => u.groups);
  const lastOf = shown.map((_, gi) => {
    let last = -1;
    memberships.forEach((groups, position) => {
      if (groups.includes(gi)) last = position;
    });
    return last;
  });
  // What the units from each position on can still take of each group's each score.
  const room = (position: number, gi: number, s: number) => {
    let total = 0;
    for (let p = position; p < units.length; p++) {
      if (memberships[p].includes(gi) && !(units[p].inTarget && s === score)) total += units[p].size;
    }
    return total;
  };
  const remaining = shown.map((g) => [...g.distribution]);
  let nodes = 0;

  const place = (position: number): boolean => {
    if (++nodes > budget) throw new SearchTooLarge(`more than ${budget} partial tables`);
    for (let gi = 0; gi < shown.length; gi++) {
      for (let s = 0; s < SCORES; s++) if (remaining[gi][s] > room(position, gi, s)) return false;
    }
    if (position === units.length) return true;
    const unit = units[position];
    const groups = memberships[position];
    const cap = new Array<number>(SCORES).fill(unit.size);
    const forced = new Array<number | null>(SCORES).fill(null);
    for (const gi of groups) {
      for (let s = 0; s < SCORES; s++) {
        cap[s] = Math.min(cap[s], remaining[gi][s]);
        if (lastOf[gi] === position) {
          if (forced[s] !== null && forced[s] !== remaining[gi][s]) return false;
          forced[s] = remaining[gi][s];
        }
      }
    }
    if (unit.inTarget) {
      if (forced[score] !== null && forced[score] !== 0) return false;
      forced[score] = 0;
      cap[score] = 0;
    }
    const vector = new Array<number>(SCORES).fill(0);
    const fill = (s: number, left: number): boolean => {
      if (s === SCORES) {
        if (left !== 0) return false;
        for (const gi of groups) for (let t = 0; t < SCORES; t++) remaining[gi][t] -= vector[t];
        const found = place(position + 1);
        for (const gi of groups) for (let t = 0; t < SCORES; t++) remaining[gi][t] += vector[t];
        return found;
      }
      const options =
        forced[s] !== null
          ? forced[s]! <= Math.min(cap[s], left)
            ? [forced[s]!]
            : []
          : Array.from({ length: Math.min(cap[s], left) + 1 }, (_, v) => v);
      for (const value of options) {
        vector[s] = value;
        if (fill(s + 1, left - value)) return true;
      }
      vector[s] = 0;
      return false;
    };
    return fill(0, unit.size);
  };
  return place(0);
}

/**
 * The limit every reporting threshold has: when some set of at least k respondents around a
 * group almost all gave one score, anyone who learns that set's distribution knows the group
 * holds that score too. True when some union of cells containing the group, with at least k
 * responses, has fewer respondents who gave another score than the group has members.
 */
export function explainedByLikeAnswers(cells: AnsweredCell[], target: GroupRefOf, score: number, k: number): boolean {
  const inside = cells.filter((c) => contains(target, c));
  const outside = cells.filter((c) => !contains(target, c));
  const size = inside.reduce((n, c) => n + c.scores.length, 0);
  for (let mask = 0; mask < 1 << outside.length; mask++) {
    const union = [...inside, ...outside.filter((_, i) => mask & (1 << i))];
    const total = union.reduce((n, c) => n + c.scores.length, 0);
    const others = union.reduce((n, c) => n + c.scores.filter((s) => s !== score).length, 0);
    if (total >= k && others < size) return true;
  }
  return false;
}

/**
 * Every withheld department, role or cell of 1..k-1 respondents that the attacker can tell gave
 * a score (every consistent table has someone in it with that score), and that is not explained
 * by like answers. Empty when the gate holds.
 */
export function attack(cells: AnsweredCell[], shown: ShownGroup[], k: number): string[] {
  const departments = [...new Set(cells.map((c) => c.departmentId))];
  const roles = [...new Set(cells.map((c) => c.roleId))];
  const candidates: GroupRefOf[] = [
    ...departments.map((departmentId) => ({ departmentId, roleId: null })),
    ...roles.map((roleId) => ({ departmentId: null, roleId })),
    ...cells.map((c) => ({ departmentId: c.departmentId, roleId: c.roleId })),
  ];
  const isShown = (g: GroupRefOf) => shown.some((s) => s.departmentId === g.departmentId && s.roleId === g.roleId);
  const findings: string[] = [];
  for (const group of candidates) {
    if (isShown(group)) continue;
    const scores = cells.filter((c) => contains(group, c)).flatMap((c) => c.scores);
    if (scores.length === 0 || scores.length >= k) continue;
    for (const score of new Set(scores)) {
      if (canAvoid(cells, shown, group, score)) continue;
      if (explainedByLikeAnswers(cells, group, score, k)) continue;
      findings.push(`${group.departmentId ?? "*"}/${group.roleId ?? "*"} (${scores.length}) surely holds a ${score}`);
    }
  }
  return findings;
}
