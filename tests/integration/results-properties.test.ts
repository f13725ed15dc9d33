/**
 * Property tests of the results gate over random organisations and answers, checked by an
 * independent attacker who knows the true counts and reads every view and export: no figure,
 * comment list or export row may give away a group of fewer than k people, and the export
 * must say exactly what the page says.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import { roundTo1 } from "~/domain/nps";
import { resultsCsv, SUPPRESSED } from "~/domain/results-csv";
import {
  getCommentsExport,
  getRoundComments,
  getRoundResults,
  type ClosedRoundResults,
  type GroupResult,
  type ResultsViewer,
} from "~/models/results/index.server";
import { prisma } from "~/utils/db.server";
import { attack, type AnsweredCell, type ShownGroup } from "../support/attacker";
import { makeDepartment, makeRole } from "../support/fixtures";
import { addResponses, makeRound, type AnswerSpec } from "../support/rounds";

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };

interface Answer {
  score: number;
  comment: boolean;
  rating: number;
}

const answer = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  comment: fc.boolean(),
  rating: fc.integer({ min: 0, max: 5 }),
});

const scenario = fc
  .record({
    departments: fc.integer({ min: 1, max: 4 }),
    roles: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 3, max: 6 }),
  })
  .chain(({ departments, roles, k }) =>
    fc.record({
      k: fc.constant(k),
      departments: fc.constant(departments),
      roles: fc.constant(roles),
      cells: fc.array(fc.oneof(fc.array(answer, { maxLength: 3 }), fc.array(answer, { maxLength: 14 })), {
        minLength: departments * roles,
        maxLength: departments * roles,
      }),
    }),
  );

let runs = 0;

interface TrueCell {
  departmentId: string;
  roleId: string;
  responses: number;
  ratings: number;
}

interface Scenario {
  k: number;
  departments: number;
  roles: number;
  cells: Answer[][];
}

async function build({ k, departments, roles, cells }: Scenario) {
  const run = ++runs;
  const ds: { id: string; name: string }[] = [];
  for (let i = 0; i < departments; i++) ds.push(await makeDepartment(`P${run} D${i}`));
  const rs: { id: string; name: string }[] = [];
  for (let i = 0; i < roles; i++) rs.push(await makeRole(`P${run} R${i}`));
  const round = await makeRound({ state: "closed", k });
  const truth: TrueCell[] = [];
  const specs: AnswerSpec[] = [];
  const commentCell = new Map<string, TrueCell>();
  cells.forEach((answers, index) => {
    const cell: TrueCell = {
      departmentId: ds[Math.floor(index / roles)].id,
      roleId: rs[index % roles].id,
      responses: answers.length,
      ratings: 0,
    };
    truth.push(cell);
    answers.forEach((a, i) => {
      const text = a.comment ? `c${run}-${index}-${i}` : undefined;
      if (text) commentCell.set(text, cell);
      if (a.rating > 0) cell.ratings++;
      specs.push({
        departmentId: cell.departmentId,
        roleId: cell.roleId,
        score: a.score,
        why: text,
        rating: a.rating || undefined,
      });
    });
  });
  if (specs.length > 0) await addResponses(round, specs);
  return { round, truth, commentCell, k, ds };
}

/** The cells a group sums, by the group's ids. */
function cellsOf(group: { departmentId: string | null; roleId: string | null }, truth: TrueCell[]) {
  return truth.filter(
    (c) =>
      (!group.departmentId || c.departmentId === group.departmentId) && (!group.roleId || c.roleId === group.roleId),
  );
}

const sum = (cells: TrueCell[], of: (c: TrueCell) => number = (c) => c.responses) =>
  cells.reduce((s, c) => s + of(c), 0);

function allGroups(results: ClosedRoundResults): GroupResult[] {
  return [...(results.overall ? [results.overall] : []), ...results.departments, ...results.roles, ...results.cells];
}

describe("the results gate, over random organisations", () => {
  it("never shows a figure of fewer than k, nor two nested groups that differ by 1..k-1", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { round, truth, k } = await build(input);
        const results = (await getRoundResults(round.id, admin)) as ClosedRoundResults;
        const shown = allGroups(results).filter((g) => g.figures);
        for (const group of shown) {
          const cells = cellsOf(group, truth);
          expect(group.figures!.responses).toBe(sum(cells));
          expect(group.figures!.responses).toBeGreaterThanOrEqual(k);
          group.ratings.forEach((rating) => {
            if (rating) expect(rating.answers).toBeGreaterThanOrEqual(k);
          });
        }
        for (const outer of shown) {
          for (const inner of shown) {
            const outerCells = new Set(cellsOf(outer, truth));
            const innerCells = cellsOf(inner, truth);
            if (inner === outer || !innerCells.every((c) => outerCells.has(c))) continue;
            const difference = sum([...outerCells]) - sum(innerCells);
            expect(difference === 0 || difference >= k).toBe(true);
          }
        }
        // Complementary suppression: a shown total's withheld parts hold 0 or at least k.
        const parts = [
          { parent: results.overall, children: results.departments },
          { parent: results.overall, children: results.roles },
          ...results.departments.map((d) => ({
            parent: d,
            children: results.cells.filter((c) => c.departmentId === d.departmentId),
          })),
          ...results.roles.map((r) => ({ parent: r, children: results.cells.filter((c) => c.roleId === r.roleId) })),
        ];
        for (const { parent, children } of parts) {
          if (!parent?.figures) continue;
          const shownSum = children.filter((c) => c.figures).reduce((s, c) => s + c.figures!.responses, 0);
          const rest = parent.figures.responses - shownSum;
          expect(rest === 0 || rest >= k).toBe(true);
        }
        for (const group of allGroups(results).filter((g) => !g.figures)) {
          expect(group).toMatchObject({ figures: null, ratings: [], comments: false });
        }
      }),
      { numRuns: 30 },
    );
  });

  it("never lets comment lists or the comments export narrow a comment to fewer than k people", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { round, truth, commentCell, k } = await build(input);
        const results = (await getRoundResults(round.id, admin)) as ClosedRoundResults;
        const listed = allGroups(results).filter((g) => g.comments);
        const lists = new Map<string, Set<string>>();
        for (const group of listed) {
          const page = (await getRoundComments(round.id, admin, { groupKey: group.key, pageSize: 10_000 }))!;
          expect(page.total).toBe(page.comments.length);
          lists.set(group.key, new Set(page.comments.map((c) => c.text)));
        }
        // The attacker places each comment in the cells whose membership in the listed groups
        // matches the lists it appears in (and that are not listed cells it is missing from).
        const pattern = (cell: TrueCell) => listed.map((g) => (cellsOf(g, truth).includes(cell) ? "1" : "0")).join("");
        for (const [text, cell] of commentCell) {
          const seenIn = listed.map((g) => (lists.get(g.key)!.has(text) ? "1" : "0")).join("");
          if (!seenIn.includes("1")) continue;
          expect(seenIn).toBe(pattern(cell));
          const candidates = truth.filter((c) => pattern(c) === seenIn);
          expect(sum(candidates)).toBeGreaterThanOrEqual(k);
        }

        // The export labels each comment with its department and role where it may be
        // narrowed down to them; the cells that would get the same labels must hold >= k.
        const exported = (await getCommentsExport(round.id, admin))!;
        const listedKeys = new Set(listed.map((g) => g.key));
        const names = new Map(allGroups(results).map((g) => [g.key, g]));
        const labelsOf = (cell: TrueCell) => {
          const whole = listedKeys.has(`cell:${cell.departmentId}|${cell.roleId}`);
          const department = whole || listedKeys.has(`department:${cell.departmentId}`);
          const role = whole || listedKeys.has(`role:${cell.roleId}`);
          return `${department ? names.get(`department:${cell.departmentId}`)!.name : ""}|${role ? names.get(`role:${cell.roleId}`)!.name : ""}`;
        };
        expect(exported).toHaveLength(listedKeys.size > 0 ? commentCell.size : 0);
        for (const row of exported) {
          const labels = `${row.department}|${row.role}`;
          expect(labels).toBe(labelsOf(commentCell.get(row.text)!));
          expect(sum(truth.filter((c) => labelsOf(c) === labels))).toBeGreaterThanOrEqual(k);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("exports exactly what the page shows, withheld groups as `suppressed`", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { round } = await build(input);
        const results = (await getRoundResults(round.id, admin)) as ClosedRoundResults;
        const rows = parseCsv(resultsCsv(results))
          .records.slice(1)
          .map((r) => r.fields);
        const expected = [
          ...(results.overall ? [["overall", results.overall] as const] : []),
          ...results.departments.map((g) => ["department", g] as const),
          ...results.roles.map((g) => ["role", g] as const),
          ...results.cells.map((g) => ["department_role", g] as const),
        ];
        expect(rows).toHaveLength(expected.length);
        rows.forEach((row, i) => {
          const [breakdown, group] = expected[i];
          const f = group.figures;
          expect(row.slice(0, 2)).toEqual([breakdown, group.name]);
          expect(row.slice(2)).toEqual(
            f
              ? [
                  f.responses,
                  f.promoters,
                  f.passives,
                  f.detractors,
                  roundTo1(f.nps),
                  roundTo1(f.low),
                  roundTo1(f.high),
                ].map(String)
              : [SUPPRESSED, "", "", "", "", "", ""],
          );
        });
      }),
      { numRuns: 30 },
    );
  });

  it("shows each manager a part of what the admin sees, with the same figures", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { round, ds } = await build(input);
        // A manager sees a round that was sent to their department.
        await prisma.round.update({
          where: { id: round.id },
          data: { audience: JSON.stringify({ departmentIds: ds.map((d) => d.id), roleIds: [] }) },
        });
        const full = (await getRoundResults(round.id, admin)) as ClosedRoundResults;
        const byKey = new Map(allGroups(full).map((g) => [g.key, g]));
        for (const department of ds) {
          const scoped = (await getRoundResults(round.id, {
            id: "m",
            role: "MANAGER",
            departmentId: department.id,
          })) as ClosedRoundResults;
          expect(scoped.overall).toBeNull();
          expect(scoped.roles).toEqual([]);
          for (const group of allGroups(scoped)) {
            expect(group.departmentId).toBe(department.id);
            expect(group).toEqual(byKey.get(group.key));
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it("lets an attacker who reads every figure of the page and the export decode no withheld group", async () => {
    // Small organisations, so the attacker can search every table of scores consistent with
    // what is shown, knowing every cell's count.
    const small = fc
      .record({
        departments: fc.integer({ min: 1, max: 4 }),
        roles: fc.integer({ min: 1, max: 3 }),
        k: fc.integer({ min: 3, max: 5 }),
        sizes: fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 12,
          maxLength: 12,
        }),
        scores: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 15, maxLength: 15 }),
      })
      .map(({ departments, roles, k, sizes, scores }) => {
        let next = 0;
        const cells: Answer[][] = [];
        for (let i = 0; i < departments * roles; i++) {
          const size = Math.min(sizes[i], scores.length - next);
          cells.push(scores.slice(next, next + size).map((score) => ({ score, comment: false, rating: 0 })));
          next += size;
        }
        return { departments, roles, k, cells };
      });
    await fc.assert(
      fc.asyncProperty(small, async (input) => {
        const { round, truth, k } = await build(input);
        const results = (await getRoundResults(round.id, admin)) as ClosedRoundResults;
        const answered: AnsweredCell[] = truth.map((cell, i) => ({
          departmentId: cell.departmentId,
          roleId: cell.roleId,
          scores: input.cells[i].map((a) => a.score),
        }));
        const shown: ShownGroup[] = allGroups(results)
          .filter((g) => g.figures)
          .map((g) => ({ departmentId: g.departmentId, roleId: g.roleId, distribution: g.figures!.distribution }));
        expect(attack(answered, shown, k)).toEqual([]);
        // The export shows exactly these groups, so it adds nothing the attacker lacks.
        const exported = parseCsv(resultsCsv(results))
          .records.slice(1)
          .filter((r) => r.fields[2] !== SUPPRESSED);
        expect(exported).toHaveLength(shown.length);
      }),
      { numRuns: 60 },
    );
  });
});
