/**
 * The figures of the training comparison and overview against a hand computation that does not
 * use the app's statistics code, and the anonymity of pooled figures through the real gate.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ResultsForbiddenError, type ResultsViewer } from "~/models/results/index.server";
import { getTrainingComparison, getTrainingOverview } from "~/models/training-results.server";
import { makeDepartment, makePerson, makeRole, makeUser } from "../support/fixtures";
import { answerRound, answersOf, makeTrainingWithRounds } from "../support/trainings";

interface Hand {
  n: number;
  nps: number;
  centre: number;
  se: number;
  low: number;
  high: number;
}

/**
 * Adjusted Wald (Rocks 2016) without any finite-population correction; when `invited` is given,
 * kept within what the invited who did not answer could change.
 */
function byHand(scores: number[], invited: number | null = null): Hand {
  const n = scores.length;
  const P = scores.filter((s) => s >= 9).length;
  const D = scores.filter((s) => s <= 6).length;
  const nps = (100 * (P - D)) / n;
  const n2 = n + 3;
  const p = (P + 0.75) / n2;
  const d = (D + 0.75) / n2;
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n2);
  const centre = 100 * (p - d);
  const silent = invited === null ? null : invited - n;
  return {
    n,
    nps,
    centre,
    se,
    low: Math.max(-100, centre - 1.959964 * se, silent === null ? -100 : (100 * (P - D - silent)) / invited!),
    high: Math.min(100, centre + 1.959964 * se, silent === null ? 100 : (100 * (P - D + silent)) / invited!),
  };
}

function expectClose(actual: { nps: number; se: number; low: number; high: number }, hand: Hand) {
  expect(actual.nps).toBeCloseTo(hand.nps, 9);
  expect(actual.se).toBeCloseTo(hand.se, 9);
  expect(actual.low).toBeCloseTo(hand.low, 5);
  expect(actual.high).toBeCloseTo(hand.high, 5);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function smallOrg(perRole = 12) {
  const department = await makeDepartment();
  const [rep, lead] = [await makeRole(), await makeRole()];
  const people = [];
  for (const role of [rep, lead])
    for (let i = 0; i < perRole; i++) people.push(await makePerson(department.id, role.id));
  return { department, rep, lead, people };
}

describe("one training's comparison matches a hand computation", () => {
  it("before and after eNPS, intervals (corrected: 24 invited by name), change, significance, rating means, roles", async () => {
    const trainer = await makeUser("TRAINER");
    const { department, rep, lead, people } = await smallOrg();
    const training = await makeTrainingWithRounds({
      trainerId: trainer.id,
      openLink: false,
      participants: { personIds: people.map((p) => p.id), departmentIds: [], roleIds: [] },
    });
    const beforeRep = [0, 3, 5, 6, 6, 7];
    const beforeLead = [8, 9, 9, 10, 6];
    const afterRep = [6, 7, 8, 9, 9, 10, 10];
    const afterLead = [8, 9, 10, 10, 9, 10];
    const beforeRatings = [
      [2, 3, 1],
      [3, 3, 2],
      [2, null, 2],
      [4, 4, 3],
      [1, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
      [5, 4, 4],
      [3, 3, 3],
      [4, 5, 4],
      [2, 2, 2],
    ];
    const afterRatings = [
      [4, 4, 3],
      [5, 5, 4],
      [4, 4, 4],
      [3, 4, 4],
      [5, 5, 5],
      [4, 4, 3],
      [4, 5, 4],
      [5, 5, 5],
      [4, 4, 4],
      [5, 4, 5],
      [4, 4, 4],
      [3, 4, 4],
      [5, 5, 5],
    ];
    const answered = (scores: number[], roleId: string, ratings: (number | null)[][], offset: number) =>
      answersOf(department.id, roleId, scores).map((a, i) => ({
        ...a,
        ratings: ratings[offset + i],
        reason: `reason ${offset + i}`,
      }));
    await answerRound(training.before, [
      ...answered(beforeRep, rep.id, beforeRatings, 0),
      ...answered(beforeLead, lead.id, beforeRatings, beforeRep.length),
    ]);
    await answerRound(training.after, [
      ...answered(afterRep, rep.id, afterRatings, 0),
      ...answered(afterLead, lead.id, afterRatings, afterRep.length),
    ]);

    const comparison = (await getTrainingComparison(training.id, trainer))!;
    const before = byHand([...beforeRep, ...beforeLead], 24);
    const after = byHand([...afterRep, ...afterLead], 24);
    expect(comparison.before!.figures).toMatchObject({ responses: 11, invited: 24, population: 24 });
    expectClose(comparison.before!.figures!, before);
    expectClose(comparison.after!.figures!, after);
    expect(comparison.before!.figures!.distribution).toEqual([1, 0, 0, 1, 0, 1, 3, 1, 1, 2, 1]);

    // The test is on the adjusted scores, with no correction for the 24 invited: -21.4 -> +50.0 over
    // sqrt(22.4^2 + 17.1^2) = 28.2, z = 2.53 > 1.96.
    const se = Math.sqrt(before.se ** 2 + after.se ** 2);
    expect(comparison.change!.delta).toBeCloseTo(after.nps - before.nps, 9);
    expect(comparison.change!.se).toBeCloseTo(se, 9);
    expect(comparison.change!.adjustedDelta / se).toBeGreaterThan(1.959964);
    expect(comparison.change).toMatchObject({ verdict: "change", control: { method: "alone" } });

    const itemMeans = (ratings: (number | null)[][], item: number) =>
      mean(ratings.map((r) => r[item]).filter((v): v is number => v !== null));
    comparison.ratings.forEach((row, item) => {
      expect(row.before!.mean).toBeCloseTo(itemMeans(beforeRatings, item), 9);
      expect(row.after!.mean).toBeCloseTo(itemMeans(afterRatings, item), 9);
      expect(row.meanChange).toBeCloseTo(itemMeans(afterRatings, item) - itemMeans(beforeRatings, item), 9);
    });
    expect(comparison.ratings.map((r) => r.before!.answers)).toEqual([11, 10, 11]);

    // Both roles reach k in both rounds; each role's invited count is its 12 people.
    expect(comparison.roles.map((r) => r.id).sort()).toEqual([rep.id, lead.id].sort());
    const repRow = comparison.roles.find((r) => r.id === rep.id)!;
    expectClose(repRow.before, byHand(beforeRep, 12));
    expectClose(repRow.after, byHand(afterRep, 12));
    expect(comparison.comments!.total).toBe(13);

    const overview = await getTrainingOverview(trainer);
    expect(overview.rows).toHaveLength(1);
    expect(overview.rows[0].before).toMatchObject({ state: "shown", score: { n: 11 } });
    expect(overview.rows[0].change!.delta).toBeCloseTo(after.nps - before.nps, 9);
    // A pool of one training is that training: about its 24 invited, as on its row.
    expectClose(overview.overall.before!, byHand([...beforeRep, ...beforeLead], 24));
    expectClose(overview.overall.after!, byHand([...afterRep, ...afterLead], 24));
    expect(overview.overall.change).toEqual(overview.rows[0].change);
  });

  it("pools a trainer's trainings by adding their answers", async () => {
    const trainer = await makeUser("TRAINER");
    const { department, rep } = await smallOrg(1);
    const first = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 40 });
    const second = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 30, topic: "Leadership" });
    const scores = { b1: [5, 6, 7, 8, 9], a1: [8, 9, 9, 10, 10, 7], b2: [0, 6, 6, 7, 9, 10, 8], a2: [6, 9, 9, 9, 10] };
    await answerRound(first.before, answersOf(department.id, rep.id, scores.b1));
    await answerRound(first.after, answersOf(department.id, rep.id, scores.a1));
    await answerRound(second.before, answersOf(department.id, rep.id, scores.b2));
    await answerRound(second.after, answersOf(department.id, rep.id, scores.a2));

    const { overall, byTopic, rows } = await getTrainingOverview(trainer);
    expect(rows.map((r) => r.id)).toEqual([second.id, first.id]);
    const before = byHand([...scores.b1, ...scores.b2]);
    const after = byHand([...scores.a1, ...scores.a2]);
    expectClose(overall.before!, before);
    expectClose(overall.after!, after);
    expect(overall.change!.se).toBeCloseTo(Math.sqrt(before.se ** 2 + after.se ** 2), 9);
    expect(overall.change!.adjustedDelta).toBeCloseTo(after.centre - before.centre, 9);
    // Each round has a shared link, so no figure is about an invited group.
    const firstBefore = rows[1].before;
    if (firstBefore.state !== "shown") throw new Error("expected the first training's before round shown");
    expectClose(firstBefore.score, byHand(scores.b1));
    expect(byTopic.map((p) => [p.label, p.compared, p.before!.n])).toEqual([
      ["Communication", 1, 5],
      ["Leadership", 1, 7],
    ]);
  });
});

describe("fewer than k answers reveal nothing", () => {
  it("a withheld after round has no score, distribution, ratings, groups or comments, and stays out of every pool", async () => {
    const trainer = await makeUser("TRAINER");
    const { department, rep } = await smallOrg(1);
    const shown = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 40 });
    await answerRound(shown.before, answersOf(department.id, rep.id, [6, 7, 8, 9, 10]));
    await answerRound(shown.after, answersOf(department.id, rep.id, [9, 9, 10, 10, 8]));
    const small = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 30 });
    await answerRound(small.before, answersOf(department.id, rep.id, [7, 8, 9, 9, 10, 10]));
    await answerRound(
      small.after,
      answersOf(department.id, rep.id, [0, 0, 1, 2], { reason: "secret words", ratings: [1, 1, 1] }),
    );

    const comparison = (await getTrainingComparison(small.id, trainer))!;
    expect(comparison.after).toMatchObject({ figures: null, withheld: true, k: 5 });
    expect(comparison.change).toBeNull();
    expect(comparison.comments).toBeNull();
    expect(comparison.departments).toEqual([]);
    expect(comparison.ratings.every((r) => r.after === null && r.meanChange === null)).toBe(true);
    expect(JSON.stringify(comparison)).not.toContain("secret words");

    const overview = await getTrainingOverview(trainer);
    const row = overview.rows.find((r) => r.id === small.id)!;
    expect(row.after).toEqual({ state: "withheld", k: 5 });
    expect(overview.overall).toMatchObject({ trainings: 2, compared: 1, before: { n: 5 }, after: { n: 5 } });
  });

  it("an open after round shows counts only: no score while answers arrive", async () => {
    const trainer = await makeUser("TRAINER");
    const { department, rep } = await smallOrg(1);
    const training = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 5 });
    await answerRound(training.after, answersOf(department.id, rep.id, [9, 9, 9, 9, 9, 9]));
    const comparison = (await getTrainingComparison(training.id, trainer))!;
    expect(comparison.after).toMatchObject({ status: "open", figures: null, withheld: false });
    expect((await getTrainingOverview(trainer)).rows[0].after).toMatchObject({ state: "pending", status: "open" });
  });
});

describe("who may read a training's figures", () => {
  it("refuses another trainer and any manager", async () => {
    const [trainer, other] = [await makeUser("TRAINER"), await makeUser("TRAINER")];
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    const training = await makeTrainingWithRounds({ trainerId: trainer.id });
    await expect(getTrainingComparison(training.id, other)).rejects.toBeInstanceOf(ResultsForbiddenError);
    await expect(getTrainingComparison(training.id, manager)).rejects.toBeInstanceOf(ResultsForbiddenError);
    await expect(getTrainingOverview(manager)).rejects.toBeInstanceOf(ResultsForbiddenError);
    expect((await getTrainingOverview(other)).rows).toEqual([]);
    expect(await getTrainingComparison("nothing-here", trainer)).toBeNull();
  });
});

describe("pooled figures through the real gate (property)", () => {
  it("every pool is the sum of the rounds shown on their own; withheld rounds add nothing", async () => {
    const { department, rep } = await smallOrg(1);
    const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 9 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ before: scores, after: scores }), { minLength: 1, maxLength: 4 }),
        async (trainings) => {
          const trainer: ResultsViewer = await makeUser("TRAINER");
          for (const [index, answers] of trainings.entries()) {
            const training = await makeTrainingWithRounds({ trainerId: trainer.id, createdDaysAgo: 30 + index });
            await answerRound(training.before, answersOf(department.id, rep.id, answers.before));
            await answerRound(training.after, answersOf(department.id, rep.id, answers.after));
          }
          const { overall } = await getTrainingOverview(trainer);
          const compared = trainings.filter((t) => t.before.length >= 5 && t.after.length >= 5);
          expect(overall.compared).toBe(compared.length);
          for (const side of ["before", "after"] as const) {
            const all = compared.flatMap((t) => t[side]);
            if (all.length === 0) expect(overall[side]).toBeNull();
            else expectClose(overall[side]!, byHand(all));
            expect(overall[side]?.n ?? 0).toBe(all.length);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
