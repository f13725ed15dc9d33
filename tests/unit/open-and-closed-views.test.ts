/**
 * An open round's counts and the same round's results once closed, read together, must reveal
 * nothing the results gate withholds. The attacker knows who was invited to each cell, every
 * count the open round showed (its final counts, the most it could have seen), and every
 * distribution the closed round shows, and tries every consistent table of answers.
 */
import { describe, expect, it } from "vitest";
import { decideVisibility, type CellCount } from "~/domain/anonymity";
import { shownWhileOpen } from "~/domain/open-round-counts";
import { seededRandom } from "~/domain/seeded-random";
import { workedOut, type Shown } from "../support/consistent-tables";

const VALUES = 3;
const K = 3;

interface Organisation {
  cells: (CellCount & { invited: number; answers: number[] })[];
}

function randomOrganisation(random: () => number): Organisation {
  const departments = 2 + Math.floor(random() * 2);
  const roles = 1 + Math.floor(random() * 3);
  const cells: Organisation["cells"] = [];
  for (let d = 0; d < departments; d++) {
    for (let r = 0; r < roles; r++) {
      const invited = [0, 1, 1, 2, 3][Math.floor(random() * 5)];
      if (invited === 0) continue;
      const answered = Math.floor(random() * (invited + 1));
      const answers = new Array<number>(VALUES).fill(0);
      for (let i = 0; i < answered; i++) answers[Math.floor(random() * VALUES)]++;
      cells.push({ departmentId: `d${d}`, roleId: `r${r}`, count: answered, invited, answers });
    }
  }
  return { cells };
}

function views(org: Organisation) {
  const closed = decideVisibility(org.cells, K);
  const shownClosed: Shown[] = closed.groups
    .filter((group) => closed.isVisible(group.key))
    .map((group) => ({
      cells: group.cells,
      distribution: group.cells.reduce(
        (sum, i) => sum.map((n, v) => n + org.cells[i].answers[v]),
        new Array<number>(VALUES).fill(0),
      ),
    }));
  const invited = org.cells.map((cell) => ({ ...cell, count: cell.invited }));
  const indexes = (key: string) => closed.groups.find((group) => group.key === key)?.cells ?? [];
  const openGroups = shownWhileOpen(
    invited,
    K,
    org.cells.map((cell) => cell.departmentId),
  );
  const shownOpen: Shown[] = openGroups.map((group) => {
    const cells = indexes(group.key);
    return { cells, count: cells.reduce((sum, i) => sum + org.cells[i].count, 0) };
  });
  const small = closed.groups.filter((group) => !closed.isVisible(group.key) && group.count > 0 && group.count < K);
  return { shownClosed, shownOpen, small };
}

describe("an open round's counts together with its closed results", () => {
  it("work out no withheld group's answers that the closed results alone keep hidden", () => {
    const random = seededRandom(2026);
    let informative = 0;
    for (let trial = 0; trial < 400; trial++) {
      const org = randomOrganisation(random);
      if (org.cells.length === 0) continue;
      const { shownClosed, shownOpen, small } = views(org);
      if (small.length === 0 || shownOpen.length === 0) continue;
      const invited = org.cells.map((cell) => cell.invited);
      const targets = small.map((group) => group.cells);
      const alone = workedOut({ invited, values: VALUES, shown: shownClosed }, targets);
      // What the closed results give away alone is the results gate's own business.
      if (alone.some(Boolean)) continue;
      informative++;
      const together = workedOut({ invited, values: VALUES, shown: [...shownClosed, ...shownOpen] }, targets);
      expect(
        small.filter((_, i) => together[i]).map((group) => group.key),
        JSON.stringify(org.cells),
      ).toEqual([]);
    }
    expect(informative).toBeGreaterThan(200);
  });

  it("uses an attacker able to work answers out from differences and from counts", () => {
    // Cells 0 and 1; the whole and cell 1 shown: cell 0 is their difference.
    const difference = workedOut(
      {
        invited: [1, 3],
        values: VALUES,
        shown: [
          { cells: [0, 1], distribution: [1, 2, 1] },
          { cells: [1], distribution: [1, 1, 1] },
        ],
      },
      [[0]],
    );
    expect(difference).toEqual([true]);
    // Two answers, 0 and 2, from cells of two people each: which cell holds them is open...
    const pair = { invited: [2, 2], values: VALUES, shown: [{ cells: [0, 1], distribution: [1, 0, 1] }] as Shown[] };
    expect(workedOut(pair, [[0]])).toEqual([false]);
    // ...until a count says both came from cell 0.
    expect(workedOut({ ...pair, shown: [...pair.shown, { cells: [0], count: 2 }] }, [[0]])).toEqual([true]);
  });
});
