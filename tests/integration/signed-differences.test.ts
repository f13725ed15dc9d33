/**
 * The review's signed-difference attacks, replayed against every view that shows figures of a
 * round: the results page, the public "you said, we did" page, a trainer's before and after
 * comparison, trends and an action item's card. On a 2 x 2 organisation with a lone person in
 * two opposite cells, D1 + R1 - round = (D1, R1) - (D2, R2) decodes both lone scores; no view
 * may show both a department and a role whose withheld cell holds 1..k-1.
 */
import { describe, expect, it } from "vitest";
import { cellKey, departmentKey, exposures, OVERALL_KEY, roleKey, type CellCount } from "~/domain/anonymity";
import {
  getPublicResults,
  getRoundResults,
  getTrend,
  getViewedGroupScore,
  type ClosedRoundResults,
  type ResultsViewer,
} from "~/models/results/index.server";
import { getTrainingComparison } from "~/models/training-results.server";
import { attack, type AnsweredCell, type ShownGroup } from "../support/attacker";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { addResponses, makeRound } from "../support/rounds";
import { answerRound, makeTrainingWithRounds } from "../support/trainings";

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };

let organisations = 0;

/** Two departments and two roles; one lone person in (D1, R1) and another in (D2, R2). */
async function twoByTwo() {
  const tag = ++organisations;
  const [d1, d2] = [await makeDepartment(`Signed D1 ${tag}`), await makeDepartment(`Signed D2 ${tag}`)];
  const [r1, r2] = [await makeRole(`Signed R1 ${tag}`), await makeRole(`Signed R2 ${tag}`)];
  const cells: AnsweredCell[] = [
    { departmentId: d1.id, roleId: r1.id, scores: [2] },
    { departmentId: d1.id, roleId: r2.id, scores: [9, 10, 8, 7] },
    { departmentId: d2.id, roleId: r1.id, scores: [6, 9, 10, 5] },
    { departmentId: d2.id, roleId: r2.id, scores: [10] },
  ];
  const answers = cells.flatMap((c) =>
    c.scores.map((score) => ({ departmentId: c.departmentId, roleId: c.roleId, score })),
  );
  return { d1, d2, r1, r2, cells, answers };
}

const counts = (cells: AnsweredCell[]): CellCount[] =>
  cells.map((c) => ({ departmentId: c.departmentId, roleId: c.roleId, count: c.scores.length }));

function shownGroups(results: ClosedRoundResults): ShownGroup[] {
  return [...(results.overall ? [results.overall] : []), ...results.departments, ...results.roles, ...results.cells]
    .filter((g) => g.figures)
    .map((g) => ({ departmentId: g.departmentId, roleId: g.roleId, distribution: g.figures!.distribution }));
}

const keyOf = (g: { departmentId: string | null; roleId: string | null }) =>
  g.departmentId && g.roleId
    ? cellKey(g.departmentId, g.roleId)
    : g.departmentId
      ? departmentKey(g.departmentId)
      : g.roleId
        ? roleKey(g.roleId)
        : OVERALL_KEY;

describe("a lone person in each of two opposite cells", () => {
  it("cannot be decoded from the results page", async () => {
    const org = await twoByTwo();
    const round = await makeRound({ state: "closed", k: 3 });
    await addResponses(round, org.answers);
    const shown = shownGroups((await getRoundResults(round.id, admin)) as ClosedRoundResults);
    expect(attack(org.cells, shown, 3)).toEqual([]);
    const keys = new Set(shown.map(keyOf));
    expect(exposures(counts(org.cells), (key) => keys.has(key), 3)).toEqual([]);
  });

  it("cannot be decoded from the public page, its trend or an action item's card", async () => {
    const org = await twoByTwo();
    const round = await makeRound({ state: "closed", k: 3, name: "Signed public round" });
    await addResponses(round, org.answers);
    const published = await getPublicResults();
    expect(published.rounds[0].id).toBe(round.id);
    const names = new Map([
      [org.d1.name, departmentKey(org.d1.id)],
      [org.d2.name, departmentKey(org.d2.id)],
      [org.r1.name, roleKey(org.r1.id)],
      [org.r2.name, roleKey(org.r2.id)],
    ]);
    const keys = new Set([
      OVERALL_KEY,
      ...[...published.departments, ...published.roles].map((g) => names.get(g.name)!),
    ]);
    // The public page shows a department and a role together only where their cell is safe.
    expect(exposures(counts(org.cells), (key) => keys.has(key), 3)).toEqual([]);
    expect(published.departments.length + published.roles.length).toBeGreaterThan(0);
    // Every other view of the round shows the same groups: a role's trend point and a
    // department's card carry a score only where the page does.
    for (const ref of [{ departmentId: org.d1.id }, { roleId: org.r1.id }, { departmentId: org.d2.id }]) {
      const point = (await getTrend(admin, ref)).find((p) => p.roundId === round.id)!;
      const card = (await getViewedGroupScore(admin, round.id, ref))!;
      expect(point.score !== null).toBe(keys.has(keyOf({ departmentId: null, roleId: null, ...ref })));
      expect(card.score !== null).toBe(point.score !== null);
    }
  });

  it("cannot be decoded by a trainer from the before and after rounds of a training", async () => {
    const trainer = await makeUser("TRAINER");
    const training = await makeTrainingWithRounds({ trainerId: trainer.id, k: 3 });
    const before = await twoByTwo();
    const afterCells = before.cells.map((c) => ({ ...c, scores: c.scores.map((s) => Math.min(10, s + 1)) }));
    await answerRound(training.before, before.answers);
    await answerRound(
      training.after,
      afterCells.flatMap((c) => c.scores.map((score) => ({ departmentId: c.departmentId, roleId: c.roleId, score }))),
    );
    const viewer: ResultsViewer = { id: trainer.id, role: "TRAINER", departmentId: null };
    const comparison = (await getTrainingComparison(training.id, viewer))!;
    for (const [cells, roundId] of [
      [before.cells, training.before],
      [afterCells, training.after],
    ] as const) {
      // The trainer may open each round's own results page, with every distribution on it.
      const shown = shownGroups((await getRoundResults(roundId, viewer)) as ClosedRoundResults);
      expect(attack(cells, shown, 3)).toEqual([]);
      // The comparison shows no group that page does not.
      const keys = new Set(shown.map(keyOf));
      for (const g of comparison.departments) expect(keys.has(departmentKey(g.id))).toBe(true);
      for (const g of comparison.roles) expect(keys.has(roleKey(g.id))).toBe(true);
    }
  });
});
