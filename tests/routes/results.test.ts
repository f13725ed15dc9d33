import { describe, expect, it } from "vitest";
import { departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import { RESULTS_CSV_HEADER } from "~/domain/results-csv";
import { refreshOpenRoundCounts } from "~/models/results/index.server";
import * as home from "~/routes/hr._index";
import * as commentsCsv from "~/routes/hr.rounds.$roundId.comments[.]csv";
import * as resultsPage from "~/routes/hr.rounds.$roundId.results";
import * as resultsCsv from "~/routes/hr.rounds.$roundId.results[.]csv";
import * as trends from "~/routes/hr.trends";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { inviteCells, makeTraining } from "../support/results";
import { addResponses, makeRound } from "../support/rounds";

let orgs = 0;

/** Two departments of 12 answers each (one role), so both departments are shown. */
async function closedRound(state: "closed" | "open" = "closed", trainingId?: string) {
  const tag = ++orgs;
  const [north, south] = [await makeDepartment(`North ${tag}`), await makeDepartment(`South ${tag}`)];
  const role = await makeRole(`Staff ${tag}`);
  // Each round closes a moment after the one before, so the newest is the latest in a trend.
  const closesAt = state === "closed" ? new Date(Date.now() - 3600_000 + tag * 1000) : undefined;
  const round = await makeRound({
    state,
    k: 5,
    trainingId,
    kind: trainingId ? "TRAINING_POST" : "PERIODIC",
    name: `Round ${tag}`,
    closesAt,
  });
  await inviteCells(round.id, [
    { departmentId: north.id, roleId: role.id, count: 15 },
    { departmentId: south.id, roleId: role.id, count: 15 },
  ]);
  const mood = (values: number[], why: string) => values.map((score, i) => ({ score, why: `${why} ${i}` }));
  await addResponses(round, [
    ...mood([10, 10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 0], "north says").map((a) => ({
      ...a,
      departmentId: north.id,
      roleId: role.id,
    })),
    ...mood([10, 9, 8, 8, 7, 7, 6, 6, 5, 4, 3, 2], "south says").map((a) => ({
      ...a,
      departmentId: south.id,
      roleId: role.id,
    })),
  ]);
  // An open round's counts of groups under 50 invited are those of the last full hour.
  if (state === "open") await refreshOpenRoundCounts();
  return { round, north, south, role };
}

const page = (roundId: string, query = "") => `/hr/rounds/${roundId}/results${query}`;

describe("the results page", () => {
  it("shows an admin every group of a closed round, the focused group's figures and its comments", async () => {
    const admin = await makeUser("ADMIN");
    const { round, north } = await closedRound();
    const result = await call(resultsPage.loader, await makeRequest(page(round.id), { as: admin }), {
      roundId: round.id,
    });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      view: "results",
      canExport: true,
      focus: { key: OVERALL_KEY, name: "Everyone" },
    });
    expect(result.data.departments.map((d: { name: string }) => d.name)).toEqual([
      north.name,
      expect.stringMatching(/^South/),
    ]);
    expect(result.data.focus.figures.responses).toBe(24);
    expect(result.data.comments.total).toBe(24);

    const focused = await call(
      resultsPage.loader,
      await makeRequest(
        page(round.id, `?group=${encodeURIComponent(departmentKey(north.id))}&q=north+says+1&category=promoter`),
        { as: admin },
      ),
      { roundId: round.id },
    );
    expect(focused.data.focus).toMatchObject({ key: departmentKey(north.id), name: north.name });
    expect(focused.data.comments.comments.map((c: { text: string }) => c.text).sort()).toEqual(["north says 1"]);
    expect(focused.data.filters).toEqual({ q: "north says 1", category: "promoter" });
  });

  it("says so when the group asked for is withheld, instead of quietly showing another group's figures", async () => {
    const admin = await makeUser("ADMIN");
    const { round, role } = await closedRound();
    const tiny = await makeDepartment(`Tiny ${orgs}`);
    await inviteCells(round.id, [{ departmentId: tiny.id, roleId: role.id, count: 3 }]);
    await addResponses(round, [
      { score: 3, departmentId: tiny.id, roleId: role.id },
      { score: 4, departmentId: tiny.id, roleId: role.id },
    ]);
    const result = await call(
      resultsPage.loader,
      await makeRequest(page(round.id, `?group=${encodeURIComponent(departmentKey(tiny.id))}`), { as: admin }),
      { roundId: round.id },
    );
    expect(result.status).toBe(200);
    expect(result.data.focus.key).toBe(OVERALL_KEY);
    expect(result.data.withheldRequest).toBe(tiny.name);
    const plain = await call(resultsPage.loader, await makeRequest(page(round.id), { as: admin }), {
      roundId: round.id,
    });
    expect(plain.data.withheldRequest).toBeNull();
  });

  it("shows a manager only their own department, and refuses another one asked for by name", async () => {
    const { round, north, south, role } = await closedRound();
    const manager = await makeUser("MANAGER", north.id);
    const other = await call(
      resultsPage.loader,
      await makeRequest(page(round.id, `?group=${encodeURIComponent(departmentKey(south.id))}`), { as: manager }),
      { roundId: round.id },
    );
    expect(other.status).toBe(403);
    expect(other.text).not.toContain(south.name);
    const result = await call(resultsPage.loader, await makeRequest(page(round.id), { as: manager }), {
      roundId: round.id,
    });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      overall: null,
      roles: [],
      canExport: false,
      focus: { key: departmentKey(north.id) },
    });
    const text = JSON.stringify(result.data);
    expect(text).not.toContain(south.name);
    expect(text).not.toContain("south says");
    expect(text).not.toContain(roleKey(role.id));
  });

  it("refuses a manager a round whose audience leaves their department out, training rounds too", async () => {
    const east = await makeDepartment("East");
    const manager = await makeUser("MANAGER", east.id);
    const training = await makeTraining((await makeUser("TRAINER")).id);
    for (const state of ["closed", "open"] as const) {
      for (const { round } of [await closedRound(state), await closedRound(state, training.id)]) {
        const refused = await call(resultsPage.loader, await makeRequest(page(round.id), { as: manager }), {
          roundId: round.id,
        });
        expect(refused.status).toBe(403);
        expect(refused.text).toMatch(/not yours/);
      }
    }
  });

  it("shows a manager a training round that invited people from their department, as the round's page does", async () => {
    const training = await makeTraining((await makeUser("TRAINER")).id);
    const { round, north } = await closedRound("closed", training.id);
    const manager = await makeUser("MANAGER", north.id);
    const result = await call(resultsPage.loader, await makeRequest(page(round.id), { as: manager }), {
      roundId: round.id,
    });
    expect(result.status).toBe(200);
    expect(result.data.departments.map((d: { name: string }) => d.name)).toEqual([north.name]);
  });

  it("refuses a trainer a round that is not one of their trainings', and shows them their own", async () => {
    const [trainer, other] = [await makeUser("TRAINER"), await makeUser("TRAINER")];
    const training = await makeTraining(trainer.id);
    const { round } = await closedRound("closed", training.id);
    const theirs = await call(resultsPage.loader, await makeRequest(page(round.id), { as: trainer }), {
      roundId: round.id,
    });
    expect(theirs.status).toBe(200);
    const refused = await call(resultsPage.loader, await makeRequest(page(round.id), { as: other }), {
      roundId: round.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/not yours/);
    const periodic = await closedRound();
    expect(
      (
        await call(resultsPage.loader, await makeRequest(page(periodic.round.id), { as: trainer }), {
          roundId: periodic.round.id,
        })
      ).status,
    ).toBe(403);
  });

  it("shows only counts while a round is open", async () => {
    const admin = await makeUser("ADMIN");
    const { round } = await closedRound("open");
    const result = await call(resultsPage.loader, await makeRequest(page(round.id), { as: admin }), {
      roundId: round.id,
    });
    expect(result.data).toMatchObject({
      view: "counts",
      results: { state: "open", counts: { overall: { responses: 24, invited: 30 } } },
    });
    const text = JSON.stringify(result.data);
    for (const word of ["nps", "promoters", "distribution", "says"]) expect(text).not.toContain(word);
  });

  it("answers 404 for an unknown or malformed round, and sends a stranger to sign in", async () => {
    const admin = await makeUser("ADMIN");
    expect(
      (await call(resultsPage.loader, await makeRequest(page("missing"), { as: admin }), { roundId: "missing" }))
        .status,
    ).toBe(404);
    expect(
      (await call(resultsPage.loader, await makeRequest(page("x"), { as: admin }), { roundId: "../x" })).status,
    ).toBe(404);
    const stranger = await call(resultsPage.loader, await makeRequest(page("x")), { roundId: "x" });
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("the results export", () => {
  it("gives an admin one row per group with the exact columns, and logs the export", async () => {
    const admin = await makeUser("ADMIN");
    const { round, north, south, role } = await closedRound();
    const result = await call(
      resultsCsv.loader,
      await makeRequest(`${page(round.id)}.csv`, { as: admin, page: false }),
      { roundId: round.id },
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = result.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(RESULTS_CSV_HEADER.map((name) => `"${name}"`).join(","));
    // Worked by hand (adjusted Wald, no finite-population correction, kept within what the silent
    // invitees could change; 15 invited per department): North 6/3/3 of 12 is +25.0 (20.0 -/+ 41.1,
    // cut to (3 -/+ 3) / 15 = 0.0 to 40.0), South 2/4/6 is -33.3 (-26.7 -/+ 37.9, cut to (-4 -/+ 3) / 15
    // = -46.7 to -6.7), everyone 8/7/9 of 24 out of 30 is -4.2 (-3.7 -/+ 31.2, cut to -23.3 to 16.7).
    expect(lines[1]).toBe('"overall","Everyone",24,8,7,9,-4.2,-23.3,16.7');
    expect(lines).toContain(`"department","${north.name}",12,6,3,3,25,0,40`);
    expect(lines).toContain(`"department","${south.name}",12,2,4,6,-33.3,-46.7,-6.7`);
    expect(lines).toContain(`"role","${role.name}",24,8,7,9,-4.2,-23.3,16.7`);
    // With one role, each cell is its whole department, so it is shown with the same figures.
    expect(lines.filter((l) => l.startsWith('"department_role",')).map((l) => l.split(",").slice(2).join(","))).toEqual(
      [
        lines
          .find((l) => l.startsWith(`"department","${north.name}"`))!
          .split(",")
          .slice(2)
          .join(","),
        lines
          .find((l) => l.startsWith(`"department","${south.name}"`))!
          .split(",")
          .slice(2)
          .join(","),
      ],
    );
    const audit = await prisma.auditLog.findFirst({
      where: { action: "results.export", target: round.name },
      select: { actorEmail: true },
    });
    expect(audit?.actorEmail).toBe(admin.email);
  });

  it("refuses managers and trainers, and an open round", async () => {
    const { round, north } = await closedRound();
    for (const user of [await makeUser("MANAGER", north.id), await makeUser("TRAINER")]) {
      const refused = await call(
        resultsCsv.loader,
        await makeRequest(`${page(round.id)}.csv`, { as: user, page: false }),
        { roundId: round.id },
      );
      expect(refused.status).toBe(403);
      expect(
        (
          await call(
            commentsCsv.loader,
            await makeRequest(`/hr/rounds/${round.id}/comments.csv`, { as: user, page: false }),
            { roundId: round.id },
          )
        ).status,
      ).toBe(403);
    }
    const admin = await makeUser("ADMIN");
    const open = await closedRound("open");
    const early = await call(
      resultsCsv.loader,
      await makeRequest(`${page(open.round.id)}.csv`, { as: admin, page: false }),
      { roundId: open.round.id },
    );
    expect(early.status).toBe(409);
    expect(early.text).toBe("This round is still open. Its results can be exported once it has closed.");
    expect(
      (
        await call(
          commentsCsv.loader,
          await makeRequest(`/hr/rounds/${open.round.id}/comments.csv`, { as: admin, page: false }),
          { roundId: open.round.id },
        )
      ).status,
    ).toBe(409);
    expect(await prisma.auditLog.count({ where: { target: open.round.name } })).toBe(0);
    expect(
      (
        await call(resultsCsv.loader, await makeRequest("/hr/rounds/missing/results.csv", { as: admin, page: false }), {
          roundId: "missing",
        })
      ).status,
    ).toBe(404);
  });

  it("exports the comments that may be listed, with formulas neutralised, and logs it", async () => {
    const admin = await makeUser("ADMIN");
    const { round, north, role } = await closedRound();
    await prisma.round.update({
      where: { id: round.id },
      data: { closedAt: null, closesAt: new Date(Date.now() + 3600_000) },
    });
    await addResponses(round, [{ departmentId: north.id, roleId: role.id, score: 9, why: '=HYPERLINK("http://x")' }]);
    await prisma.round.update({
      where: { id: round.id },
      data: { closesAt: round.closesAt, closedAt: round.closesAt },
    });
    const result = await call(
      commentsCsv.loader,
      await makeRequest(`/hr/rounds/${round.id}/comments.csv`, { as: admin, page: false }),
      { roundId: round.id },
    );
    expect(result.status).toBe(200);
    const text = result.text.replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe('"department","role","category","question","comment"');
    expect(text).toContain(
      `"${north.name}","${role.name}","promoter","What is the main reason for your score?","'=HYPERLINK(""http://x"")"`,
    );
    expect(text.trimEnd().split("\r\n")).toHaveLength(26);
    expect(await prisma.auditLog.count({ where: { action: "comments.export", target: round.name } })).toBe(1);
  });
});

describe("the trends page", () => {
  it("follows the chosen department for an admin, and answers 400 to a made-up group", async () => {
    const admin = await makeUser("ADMIN");
    const { north } = await closedRound();
    const result = await call(
      trends.loader,
      await makeRequest(`/hr/trends?group=${encodeURIComponent(departmentKey(north.id))}`, { as: admin }),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ canPick: true, selected: departmentKey(north.id), name: north.name });
    expect(result.data.points.at(-1).score).toMatchObject({ n: 12, nps: 25 });
    expect((await call(trends.loader, await makeRequest("/hr/trends?group=team:../x", { as: admin }))).status).toBe(
      400,
    );
  });

  it("shows a manager their own department and refuses any other group; refuses trainers", async () => {
    const { north, south } = await closedRound();
    const manager = await makeUser("MANAGER", north.id);
    const own = await call(trends.loader, await makeRequest("/hr/trends", { as: manager }));
    expect(own.data).toMatchObject({ canPick: false, selected: departmentKey(north.id), name: north.name });
    expect(own.data.departments).toEqual([{ key: departmentKey(north.id), name: north.name }]);
    expect(JSON.stringify(own.data)).not.toContain(south.name);
    for (const group of [departmentKey(south.id), OVERALL_KEY]) {
      expect(
        (await call(trends.loader, await makeRequest(`/hr/trends?group=${encodeURIComponent(group)}`, { as: manager })))
          .status,
      ).toBe(403);
    }
    expect((await call(trends.loader, await makeRequest("/hr/trends", { as: await makeUser("TRAINER") }))).status).toBe(
      403,
    );
  });
});

describe("the home page", () => {
  it("gives an admin the latest eNPS, open rounds with their rates, and the directory", async () => {
    const admin = await makeUser("ADMIN");
    await closedRound();
    const { round: open } = await closedRound("open");
    const result = await call(home.loader, await makeRequest("/hr", { as: admin }));
    expect(result.data.trend.at(-1).score).toMatchObject({ n: 24 });
    expect(result.data.openRounds.find((r: { id: string }) => r.id === open.id).counts.overall).toMatchObject({
      responses: 24,
      rate: 0.8,
    });
    expect(result.data.directory).not.toBeNull();
  });

  it("gives a manager their department's figures only, and a trainer no eNPS", async () => {
    const { north, south } = await closedRound("open");
    const manager = await makeUser("MANAGER", north.id);
    const result = await call(home.loader, await makeRequest("/hr", { as: manager }));
    expect(result.data.openRounds).toHaveLength(1);
    const counts = result.data.openRounds[0].counts;
    expect(counts.overall).toBeNull();
    expect(counts.departments.map((d: { name: string }) => d.name)).toEqual([north.name]);
    expect(JSON.stringify(result.data)).not.toContain(south.name);
    expect(result.data.directory).toBeNull();
    const trainer = await call(home.loader, await makeRequest("/hr", { as: await makeUser("TRAINER") }));
    expect(trainer.data.trend).toBeNull();
    expect(trainer.data.openRounds).toEqual([]);
  });
});
