import { describe, expect, it } from "vitest";
import { cellKey, departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import {
  getCommentsExport,
  getGroupScore,
  getRoundComments,
  getRoundCounts,
  getRoundResults,
  listOpenRounds,
  refreshOpenRoundCounts,
  ResultsForbiddenError,
  type ClosedRoundResults,
  type ResultsViewer,
} from "~/models/results/index.server";
import { prisma, sqlite } from "~/utils/db.server";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { inviteCells, makeTraining } from "../support/results";
import { addResponses, makeRound, makeSurvey, scores, type AnswerSpec } from "../support/rounds";

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };

/**
 * The worked example (k = 5). Alpha/x 8 answers, Alpha/y 5, Beta/x 6, Beta/y 2, invited
 * 10, 8, 8 and 4. Beta/y holds 2. Beta and role y together would single it out (Beta + y -
 * round = Beta/y - Alpha/x), so they are never both shown; showing both departments, Alpha's
 * two cells and no role shows the most: Beta/x is withheld with Beta/y, so that Beta's
 * withheld cells hold 8.
 * Ratings: Alpha answers 4, Beta/x 2, Beta/y 1.
 */
let examples = 0;

async function workedExample() {
  const tag = ++examples;
  const [alpha, beta] = [await makeDepartment(`Alpha ${tag}`), await makeDepartment(`Beta ${tag}`)];
  const [x, y] = [await makeRole(`Role x ${tag}`), await makeRole(`Role y ${tag}`)];
  const round = await makeRound({ state: "closed", k: 5 });
  await inviteCells(round.id, [
    { departmentId: alpha.id, roleId: x.id, count: 10 },
    { departmentId: alpha.id, roleId: y.id, count: 8 },
    { departmentId: beta.id, roleId: x.id, count: 8 },
    { departmentId: beta.id, roleId: y.id, count: 4 },
  ]);
  const answers = (departmentId: string, roleId: string, values: number[], rating: number, tag: string): AnswerSpec[] =>
    values.map((score, i) => ({ departmentId, roleId, score, rating, why: `${tag} comment ${i} about career growth` }));
  await addResponses(round, [
    ...answers(alpha.id, x.id, [10, 10, 9, 9, 8, 7, 6, 3], 4, "ax"),
    ...answers(alpha.id, y.id, [9, 9, 7, 5, 0], 4, "ay"),
    ...answers(beta.id, x.id, [10, 9, 8, 8, 8, 2], 2, "bx"),
    ...answers(beta.id, y.id, [9, 6], 1, "by"),
  ]);
  await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(Date.now() - 1000) } });
  return { round, alpha, beta, x, y };
}

async function closedResults(roundId: string, viewer: ResultsViewer = admin) {
  const results = await getRoundResults(roundId, viewer);
  expect(results?.state).toBe("closed");
  return results as ClosedRoundResults;
}

describe("getRoundResults on the worked example", () => {
  it("gives the whole round's figures, kept within what its 9 silent invitees could change", async () => {
    const { round } = await workedExample();
    const results = await closedResults(round.id);
    const overall = results.overall!.figures!;
    expect(overall).toMatchObject({
      responses: 21,
      invited: 30,
      promoters: 9,
      passives: 6,
      detractors: 6,
      population: 30,
    });
    expect(overall.rate).toBeCloseTo(0.7, 12);
    expect(overall.shares.promoters).toBeCloseTo(9 / 21, 12);
    expect(overall.nps).toBeCloseTo(14.285714, 5);
    // n' = 24, p' = 9.75/24, d' = 6.75/24: adjusted 12.5, SE 16.731644, 12.5 -/+ 32.79; the 9 who did
    // not answer bound it to (3 - 9) / 30 = -20 and (3 + 9) / 30 = +40.
    expect(overall.se).toBeCloseTo(16.731644, 5);
    expect(overall.low).toBeCloseTo(-20, 5);
    expect(overall.high).toBeCloseTo(40, 5);
    expect(overall.distribution).toEqual([1, 0, 1, 1, 0, 1, 2, 2, 4, 6, 3]);
    expect(results.round).toMatchObject({ k: 5, invited: 30, sharedLink: false, status: "closed" });
  });

  it("gives each shown department its figures, bounded by its own invited count", async () => {
    const { round, alpha: a } = await workedExample();
    const results = await closedResults(round.id);
    const [alpha, beta] = results.departments;
    expect(alpha).toMatchObject({
      name: a.name,
      figures: { responses: 13, invited: 18, promoters: 6, passives: 3, detractors: 4 },
    });
    expect(alpha.figures!.nps).toBeCloseTo(15.384615, 5);
    // 13 of 18: (2 - 5) / 18 and (2 + 5) / 18 cut the interval 12.5 -/+ 41.09.
    expect(alpha.figures!.low).toBeCloseTo(-16.666667, 5);
    expect(alpha.figures!.high).toBeCloseTo(38.888889, 5);
    expect(beta.figures!.nps).toBe(12.5);
    expect(beta.figures!.se).toBeCloseTo(23.014711, 5);
    // Either role beside both departments would single out Beta/y.
    expect(results.roles.map((r) => r.figures)).toEqual([null, null]);
  });

  it("names every withheld cell with no figures, ratings or comments at all", async () => {
    const { round, alpha, beta, x, y } = await workedExample();
    const results = await closedResults(round.id);
    expect(results.cells.map((c) => [c.name, c.figures?.responses ?? null])).toEqual([
      [`${alpha.name} / ${x.name}`, 8],
      [`${alpha.name} / ${y.name}`, 5],
      [`${beta.name} / ${x.name}`, null],
      [`${beta.name} / ${y.name}`, null],
    ]);
    for (const cell of results.cells.slice(2)) {
      expect(cell).toMatchObject({ figures: null, ratings: [], comments: false });
    }
  });

  it("gives the rating item's mean and distribution per shown group", async () => {
    const { round } = await workedExample();
    const results = await closedResults(round.id);
    expect(results.ratingQuestions).toEqual([
      { id: round.survey.questions.rating, text: "I have what I need to do my job well." },
    ]);
    expect(results.overall!.ratings[0]!.mean).toBeCloseTo(66 / 21, 12);
    expect(results.overall!.ratings[0]!.distribution).toEqual([2, 6, 0, 13, 0]);
    expect(results.departments[1].ratings[0]).toEqual({ answers: 8, mean: 1.75, distribution: [2, 6, 0, 0, 0] });
  });

  it("lets comments be listed only where lists cannot be intersected into a small cell", async () => {
    // No role list is shown, so a Beta comment can be narrowed to Beta's 8 people, never to
    // the 2 of Beta/y; Alpha's cells are shown and list their own.
    const { round, alpha, beta } = await workedExample();
    const results = await closedResults(round.id);
    const listed = [results.overall!, ...results.departments, ...results.roles]
      .filter((g) => g.comments)
      .map((g) => g.name);
    expect(listed).toEqual(["Everyone", alpha.name, beta.name]);
    expect(results.cells.filter((c) => c.comments)).toHaveLength(2);
  });
});

describe("the invited count as who could answer", () => {
  it("is not taken when the round has a shared link, since who could answer is unknown", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await prisma.round.update({ where: { id: round.id }, data: { sharedKey: `kiosk-${round.id}` } });
    await inviteCells(round.id, [{ departmentId: d.id, roleId: r.id, count: 12 }]);
    await addResponses(round, scores(d.id, r.id, [10, 10, 9, 9, 9, 9, 8, 7, 7, 3]));
    const results = await closedResults(round.id);
    expect(results.round.sharedLink).toBe(true);
    const overall = results.overall!.figures!;
    expect(overall).toMatchObject({ population: null, invited: 12 });
    expect(overall.se).toBeCloseTo(19.727317, 5);
  });

  it("gives no response rate with a shared link: more people may answer than were invited", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await prisma.round.update({ where: { id: round.id }, data: { sharedKey: `kiosk-${round.id}` } });
    await inviteCells(round.id, [{ departmentId: d.id, roleId: r.id, count: 6 }]);
    await addResponses(round, scores(d.id, r.id, [10, 10, 9, 9, 9, 9, 8, 7, 7, 3]));
    const results = await closedResults(round.id);
    expect(results.overall!.figures).toMatchObject({ responses: 10, invited: 6, rate: null });
    expect(results.departments[0].figures).toMatchObject({ responses: 10, invited: 6, rate: null });
  });

  it("is not taken when nobody was invited by name", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await addResponses(round, scores(d.id, r.id, [10, 10, 9, 9, 9, 9, 8, 7, 7, 3]));
    expect((await closedResults(round.id)).overall!.figures).toMatchObject({
      population: null,
      invited: null,
      rate: null,
    });
  });
});

describe("withholding", () => {
  it("withholds a rating item a shown group answered fewer than k times", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await addResponses(round, [
      ...[9, 9, 8, 7].map((score) => ({ departmentId: d.id, roleId: r.id, score })),
      ...[10, 6, 3].map((score) => ({ departmentId: d.id, roleId: r.id, score, rating: 5 })),
    ]);
    const results = await closedResults(round.id);
    expect(results.overall!.figures!.responses).toBe(7);
    expect(results.overall!.ratings).toEqual([null]);
  });

  it("shows nothing but the withheld label when the whole round holds fewer than k", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await addResponses(
      round,
      scores(d.id, r.id, [9, 9, 9, 9]).map((a) => ({ ...a, why: "only four of us" })),
    );
    const results = await closedResults(round.id);
    expect(results.overall).toMatchObject({ figures: null, comments: false });
    expect(await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY })).toBeNull();
    expect(await getCommentsExport(round.id, admin)).toEqual([]);
  });

  it("never names a group that only answers could have created (a shared link)", async () => {
    const [invitedDepartment, walkIn, r] = [
      await makeDepartment("Invited"),
      await makeDepartment("Walk-in"),
      await makeRole(),
    ];
    const round = await makeRound({ state: "open", k: 5 });
    await prisma.round.update({ where: { id: round.id }, data: { sharedKey: `kiosk-${round.id}` } });
    await inviteCells(round.id, [{ departmentId: invitedDepartment.id, roleId: r.id, count: 10 }]);
    await addResponses(round, [
      ...scores(invitedDepartment.id, r.id, [9, 9, 9, 9, 9, 9, 9, 9]),
      ...scores(walkIn.id, r.id, [2]),
    ]);
    const counts = (await getRoundCounts(round.id))!;
    expect(counts.departments.map((d) => d.name)).toEqual(["Invited"]);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(Date.now() - 1000) } });
    const results = await closedResults(round.id);
    expect(JSON.stringify(results)).not.toContain("Walk-in");
    expect(results.departments.map((d) => [d.name, d.figures])).toEqual([["Invited", null]]);
  });

  it("names the departments the audience named, withheld when nobody there answered", async () => {
    const [named, other, r] = [await makeDepartment("Named"), await makeDepartment("Other"), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await prisma.round.update({
      where: { id: round.id },
      data: { audience: JSON.stringify({ departmentIds: [named.id, other.id], roleIds: [] }) },
    });
    await addResponses(round, scores(named.id, r.id, [9, 9, 9, 9, 9, 9]));
    const results = await closedResults(round.id);
    expect(results.departments.map((d) => [d.name, d.figures === null])).toEqual([
      ["Named", false],
      ["Other", true],
    ]);
  });
});

describe("open rounds", () => {
  it("give counts and response rates only, never a score", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open", k: 5 });
    await inviteCells(round.id, [{ departmentId: d.id, roleId: r.id, count: 10 }]);
    await addResponses(
      round,
      scores(d.id, r.id, [10, 9, 9, 3, 2, 8]).map((a) => ({ ...a, why: "secret", rating: 3 })),
    );
    await refreshOpenRoundCounts();
    const results = (await getRoundResults(round.id, admin))!;
    expect(results).toMatchObject({ state: "open", counts: { overall: { responses: 6, invited: 10, rate: 0.6 } } });
    const text = JSON.stringify(results);
    for (const forbidden of ["nps", "promoters", "distribution", "mean", "secret"])
      expect(text).not.toContain(forbidden);
    expect(await getGroupScore(round.id, {})).toBeNull();
    expect(await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY })).toBeNull();
    expect(await getCommentsExport(round.id, admin)).toBeNull();
  });

  it("are listed with their counts for the people who may follow them", async () => {
    const trainer = await makeUser("TRAINER");
    const training = await makeTraining(trainer.id);
    const [d, r] = [await makeDepartment(), await makeRole()];
    const theirs = await makeRound({
      state: "open",
      k: 5,
      trainingId: training.id,
      kind: "TRAINING_POST",
      name: "Theirs",
    });
    const other = await makeRound({ state: "open", k: 5, name: "Someone else's" });
    await inviteCells(theirs.id, [{ departmentId: d.id, roleId: r.id, count: 6 }]);
    await addResponses(theirs, scores(d.id, r.id, [9, 9, 9, 9, 9]));
    await refreshOpenRoundCounts();
    const forTrainer = await listOpenRounds(trainer);
    expect(forTrainer.map((o) => o.name)).toEqual(["Theirs"]);
    expect(forTrainer[0].counts.overall).toMatchObject({ responses: 5 });
    expect((await listOpenRounds(admin)).map((o) => o.id)).toEqual(expect.arrayContaining([theirs.id, other.id]));
  });
});

describe("who sees what", () => {
  it("shows a manager only their department and its cells, naming nothing else", async () => {
    const { round, alpha, beta, x, y } = await workedExample();
    const manager: ResultsViewer = { id: "m", role: "MANAGER", departmentId: alpha.id };
    const results = await closedResults(round.id, manager);
    expect(results.overall).toBeNull();
    expect(results.roles).toEqual([]);
    expect(results.departments.map((d) => d.name)).toEqual([alpha.name]);
    expect(results.cells.map((c) => c.name)).toEqual([`${alpha.name} / ${x.name}`, `${alpha.name} / ${y.name}`]);
    expect(JSON.stringify(results)).not.toContain(beta.name);
  });

  it("lets a trainer see the rounds of their trainings and no others", async () => {
    const [mine, theirs] = [await makeUser("TRAINER"), await makeUser("TRAINER")];
    const training = await makeTraining(mine.id);
    const round = await makeRound({ state: "closed", trainingId: training.id, kind: "TRAINING_POST" });
    expect((await getRoundResults(round.id, mine))?.state).toBe("closed");
    await expect(getRoundResults(round.id, theirs)).rejects.toBeInstanceOf(ResultsForbiddenError);
    const periodic = await makeRound({ state: "closed" });
    await expect(getRoundResults(periodic.id, mine)).rejects.toBeInstanceOf(ResultsForbiddenError);
  });

  it("keeps the comments export for admins", async () => {
    const { round, alpha } = await workedExample();
    await expect(
      getCommentsExport(round.id, { id: "m", role: "MANAGER", departmentId: alpha.id }),
    ).rejects.toBeInstanceOf(ResultsForbiddenError);
  });

  it("is null for an unknown round", async () => {
    expect(await getRoundResults("missing", admin)).toBeNull();
  });
});

describe("getGroupScore", () => {
  it("gives a shown group's estimate and null for a withheld one", async () => {
    const { round, alpha, x } = await workedExample();
    const overall = (await getGroupScore(round.id, {}))!;
    expect(overall).toMatchObject({ n: 21, population: 30 });
    expect(overall.se).toBeCloseTo(16.731644, 5);
    expect((await getGroupScore(round.id, { departmentId: alpha.id }))!.nps).toBeCloseTo(15.384615, 5);
    expect(await getGroupScore(round.id, { roleId: x.id })).toBeNull();
    expect((await getGroupScore(round.id, { departmentId: alpha.id, roleId: x.id }))!.n).toBe(8);
    expect(await getGroupScore("missing", {})).toBeNull();
  });
});

describe("comments", () => {
  it("lists a group's comments tagged by category, with search, category filter and pages", async () => {
    const { round } = await workedExample();
    const all = (await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY }))!;
    expect(all.total).toBe(21);
    expect(all.comments[0]).toEqual({
      text: expect.stringContaining("comment"),
      category: expect.any(String),
      question: "What is the main reason for your score?",
    });
    const byTag = (await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY, search: "BY COMMENT" }))!;
    expect(byTag.comments.map((c) => [c.text, c.category]).sort()).toEqual([
      ["by comment 0 about career growth", "promoter"],
      ["by comment 1 about career growth", "detractor"],
    ]);
    const detractors = (await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY, category: "detractor" }))!;
    expect(detractors.total).toBe(6);
    const paged = (await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY, page: 3, pageSize: 10 }))!;
    expect(paged).toMatchObject({ page: 3, total: 21 });
    expect(paged.comments).toHaveLength(1);
    expect(all.terms.promoter.phrases[0]).toEqual({ term: "career growth", comments: 9 });
    expect(all.terms.detractor.words.map((w) => w.term)).toEqual(
      expect.arrayContaining(["career", "growth", "comment"]),
    );
  });

  it("lists a department's comments but refuses a group whose list is held back", async () => {
    const { round, alpha, beta, x } = await workedExample();
    const alphas = (await getRoundComments(round.id, admin, { groupKey: departmentKey(alpha.id) }))!;
    expect(alphas.total).toBe(13);
    expect(alphas.comments.every((c) => /^(ax|ay) /.test(c.text))).toBe(true);
    expect(await getRoundComments(round.id, admin, { groupKey: roleKey(x.id) })).toBeNull();
    expect(await getRoundComments(round.id, admin, { groupKey: cellKey(beta.id, x.id) })).toBeNull();
    expect(await getRoundComments(round.id, admin, { groupKey: "nonsense" })).toBeNull();
  });

  it("shuffles comments away from the order they were given in, and never dates them", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await addResponses(
      round,
      Array.from({ length: 40 }, (_, i) => ({
        departmentId: d.id,
        roleId: r.id,
        score: 8,
        why: `answer ${String(i).padStart(2, "0")}`,
      })),
    );
    const page = (await getRoundComments(round.id, admin, { groupKey: OVERALL_KEY }))!;
    const texts = page.comments.map((c) => c.text);
    expect(texts).not.toEqual([...texts].sort());
    expect(Object.keys(page.comments[0]).sort()).toEqual(["category", "question", "text"]);
  });

  it("exports each comment with only the department and role it may be narrowed down to", async () => {
    const { round, alpha, beta, x, y } = await workedExample();
    const rows = (await getCommentsExport(round.id, admin))!;
    expect(rows).toHaveLength(21);
    const labelled = (prefix: string) =>
      new Set(rows.filter((r) => r.text.startsWith(`${prefix} `)).map((r) => `${r.department}|${r.role}`));
    expect(labelled("ax")).toEqual(new Set([`${alpha.name}|${x.name}`]));
    expect(labelled("ay")).toEqual(new Set([`${alpha.name}|${y.name}`]));
    // Beta's comments may be narrowed to Beta, never to a role within it.
    expect(labelled("bx")).toEqual(new Set([`${beta.name}|`]));
    expect(labelled("by")).toEqual(new Set([`${beta.name}|`]));
  });
});

describe("the cache of closed rounds", () => {
  it("computes a closed round once, and again only if its answer count changed", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 5 });
    await addResponses(round, scores(d.id, r.id, [9, 9, 9, 9, 9, 9]));
    expect((await closedResults(round.id)).overall!.figures!.nps).toBe(100);
    // Tallies changed behind the gate's back are not read again: the figures are kept...
    sqlite.prepare("UPDATE Tally SET value = 0 WHERE roundId = ? AND value = 9").run(round.id);
    expect((await closedResults(round.id)).overall!.figures!.nps).toBe(100);
    // ...until the round's answer count moves (an answer written as the round closed).
    await addResponses(round, scores(d.id, r.id, [0]));
    expect((await closedResults(round.id)).overall!.figures!.nps).toBe(-100);
  });
});

describe("surveys without optional questions", () => {
  it("has no rating items and no comments", async () => {
    const survey = await makeSurvey();
    await prisma.question.deleteMany({ where: { surveyId: survey.id, type: { not: "NPS" } } });
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", survey });
    await addResponses({ id: round.id, survey }, scores(d.id, r.id, [9, 9, 9, 9, 9]));
    const results = await closedResults(round.id);
    expect(results.ratingQuestions).toEqual([]);
    expect(results.overall!.ratings).toEqual([]);
  });
});
