/**
 * Realistic shapes of a round's answers per department x role, for measuring what the
 * anonymity gate shows. Each is deterministic (seeded), so figures can be compared over time.
 */
import type { CellCount } from "~/domain/anonymity";
import { seededRandom } from "~/domain/seeded-random";

export interface OrgShape {
  name: string;
  k: number;
  cells: CellCount[];
}

/** How many of `invited` answer, each with probability `rate`. */
function answering(invited: number, rate: number, random: () => number) {
  let n = 0;
  for (let i = 0; i < invited; i++) if (random() < rate) n++;
  return n;
}

/** 8 departments x 5 roles, each department led by one manager (two in the largest ones). */
export function loneManagers(seed = 1): OrgShape {
  const random = seededRandom(seed);
  const sizes = [48, 31, 22, 17, 13, 11, 9, 7];
  const cells: CellCount[] = [];
  sizes.forEach((size, d) => {
    const managers = size > 30 ? 2 : 1;
    const rest = size - managers;
    const split = { senior: Math.round(rest * 0.2), junior: Math.round(rest * 0.2), intern: Math.round(rest * 0.08) };
    const invited: Record<string, number> = {
      manager: managers,
      senior: split.senior,
      specialist: rest - split.senior - split.junior - split.intern,
      junior: split.junior,
      intern: split.intern,
    };
    for (const [role, count] of Object.entries(invited)) {
      cells.push({ departmentId: `department ${d + 1}`, roleId: role, count: answering(count, 0.8, random) });
    }
  });
  return { name: "8 departments x 5 roles, a lone manager in most", k: 5, cells };
}

/** 40 departments x 12 roles, skewed like the bench's large company (a few big departments, rare roles). */
export function skewed(departments = 40, roles = 12, responses = 2_000, seed = 7): OrgShape {
  const random = seededRandom(seed);
  const roleWeights = [30, 20, 12, 10, 7, 6, 5, 4, 3, 2, 1, 0.5].slice(0, roles);
  const departmentWeights = Array.from({ length: departments }, (_, i) => 1 / (i + 1) ** 0.9);
  const pick = (weights: number[]) => {
    let x = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const counts = new Map<string, number>();
  for (let i = 0; i < responses; i++) {
    const key = `${pick(departmentWeights)}|${pick(roleWeights)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const cells: CellCount[] = [];
  for (let d = 0; d < departments; d++) {
    for (let r = 0; r < roles; r++) {
      const count = counts.get(`${d}|${r}`);
      // Cells nobody answered in still exist when someone there was invited.
      if (count !== undefined || random() < 0.3) {
        cells.push({ departmentId: `department ${d + 1}`, roleId: `role ${r + 1}`, count: count ?? 0 });
      }
    }
  }
  return { name: `${departments} departments x ${roles} roles, skewed, ${responses} responses`, k: 5, cells };
}

/** One training's after round: 30 participants from 6 departments, three roles. */
export function trainingOfThirty(seed = 3): OrgShape {
  const random = seededRandom(seed);
  const sizes = [9, 7, 5, 4, 3, 2];
  const cells: CellCount[] = [];
  sizes.forEach((size, d) => {
    const leads = size >= 5 ? 1 : 0;
    const seniors = Math.round(size * 0.3);
    const invited = { "team lead": leads, senior: seniors, specialist: size - leads - seniors };
    for (const [role, count] of Object.entries(invited)) {
      if (count > 0) {
        cells.push({ departmentId: `department ${d + 1}`, roleId: role, count: answering(count, 0.9, random) });
      }
    }
  });
  return { name: "a training of 30 across 6 departments", k: 5, cells };
}

export interface ShownShare {
  departments: { shown: number; of: number };
  roles: { shown: number; of: number };
  cells: { shown: number; of: number };
}

/** How many departments, roles and cells with at least one response a decision shows. */
export function shownShare(cells: readonly CellCount[], isVisible: (key: string) => boolean): ShownShare {
  const share = (keys: Map<string, number>) => ({
    shown: [...keys].filter(([key, n]) => n > 0 && isVisible(key)).length,
    of: [...keys].filter(([, n]) => n > 0).length,
  });
  const departments = new Map<string, number>();
  const roles = new Map<string, number>();
  const cellCounts = new Map<string, number>();
  for (const c of cells) {
    departments.set(`department:${c.departmentId}`, (departments.get(`department:${c.departmentId}`) ?? 0) + c.count);
    roles.set(`role:${c.roleId}`, (roles.get(`role:${c.roleId}`) ?? 0) + c.count);
    cellCounts.set(`cell:${c.departmentId}|${c.roleId}`, c.count);
  }
  return { departments: share(departments), roles: share(roles), cells: share(cellCounts) };
}
