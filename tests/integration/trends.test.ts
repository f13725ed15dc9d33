import { describe, expect, it } from "vitest";
import { getTrend, ResultsForbiddenError, type ResultsViewer } from "~/models/results/index.server";
import { makeDepartment, makeRole } from "../support/fixtures";
import { inviteCells } from "../support/results";
import { addResponses, makeRound, scores } from "../support/rounds";

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };
const day = 24 * 3600 * 1000;

/** `promoters` 10s, `passives` 8s and `detractors` 3s. */
function mix(promoters: number, passives: number, detractors: number) {
  return [...Array(promoters).fill(10), ...Array(passives).fill(8), ...Array(detractors).fill(3)];
}

describe("getTrend", () => {
  it("follows eNPS over closed periodic rounds, with gaps for withheld rounds and honest change labels", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const periodic = async (name: string, daysAgo: number, values: number[]) => {
      const round = await makeRound({ name, state: "closed", closesAt: new Date(Date.now() - daysAgo * day) });
      await addResponses(round, scores(d.id, r.id, values));
      return round;
    };
    await periodic("Q1", 90, mix(30, 40, 30));
    await periodic("Q2", 60, mix(45, 35, 20));
    await periodic("Q3", 30, mix(2, 1, 0));
    await periodic("Q4", 10, mix(38, 35, 27));
    const pulse = await makeRound({ name: "Pulse", state: "closed", kind: "PULSE" });
    await addResponses(pulse, scores(d.id, r.id, mix(5, 0, 0)));
    const open = await makeRound({ name: "Open", state: "open" });
    await addResponses(open, scores(d.id, r.id, mix(5, 0, 0)));

    const points = await getTrend(admin, {});
    expect(points.map((p) => p.name)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(points.map((p) => p.score?.nps ?? null)).toEqual([0, 25, null, 11]);
    expect(points[0].change).toBeNull();
    // 30/40/30 -> 45/35/20: p = 0.023573 (tests/unit/trend.test.ts); the only change shown, as the
    // latest (Q3 -> Q4) is a gap.
    expect(points[1].change).toMatchObject({ delta: 25, verdict: "change", control: { method: "holm", tests: 1 } });
    expect(points[1].change!.p).toBeCloseTo(0.023573, 5);
    expect(points[2].change).toBeNull();
    expect(points[3].change).toBeNull();

    const department = await getTrend(admin, { departmentId: d.id });
    expect(department.map((p) => p.score?.n ?? null)).toEqual([100, 100, null, 100]);
    const manager: ResultsViewer = { id: "m", role: "MANAGER", departmentId: d.id };
    expect((await getTrend(manager, { departmentId: d.id })).map((p) => p.score?.nps ?? null)).toEqual([
      0,
      25,
      null,
      11,
    ]);
    expect((await getTrend(admin, {}, { limit: 2 })).map((p) => p.name)).toEqual(["Q3", "Q4"]);
  });

  it("tells a group no round asked from one whose figures are withheld, from invitations alone", async () => {
    const [asked, never, answeredOnly] = [await makeDepartment(), await makeDepartment(), await makeDepartment()];
    const role = await makeRole();
    const round = await makeRound({ name: "Asked or not", state: "closed", closesAt: new Date(Date.now() - 1000) });
    await inviteCells(round.id, [{ departmentId: asked.id, roleId: role.id, count: 4 }]);
    await addResponses(round, scores(asked.id, role.id, [9, 2]));
    // Through a shared link someone may answer for a department nobody invited: that answer
    // must not make the department "asked", or the page would tell that someone from it answered.
    await addResponses(round, scores(answeredOnly.id, role.id, [7]));
    const latest = async (departmentId: string) => (await getTrend(admin, { departmentId })).at(-1)!;
    expect(await latest(asked.id)).toMatchObject({ roundId: round.id, score: null, asked: true });
    expect(await latest(never.id)).toMatchObject({ roundId: round.id, score: null, asked: false });
    expect(await latest(answeredOnly.id)).toMatchObject({ roundId: round.id, score: null, asked: false });
    expect((await getTrend(admin, {})).at(-1)!.asked).toBe(true);
  });

  it("lets a manager follow only their own department, and a trainer nothing", async () => {
    const [mine, other] = [await makeDepartment(), await makeDepartment()];
    const role = await makeRole();
    const manager: ResultsViewer = { id: "m", role: "MANAGER", departmentId: mine.id };
    await expect(getTrend(manager, {})).rejects.toBeInstanceOf(ResultsForbiddenError);
    await expect(getTrend(manager, { departmentId: other.id })).rejects.toBeInstanceOf(ResultsForbiddenError);
    await expect(getTrend(manager, { roleId: role.id })).rejects.toBeInstanceOf(ResultsForbiddenError);
    await expect(getTrend({ id: "t", role: "TRAINER", departmentId: null }, {})).rejects.toBeInstanceOf(
      ResultsForbiddenError,
    );
  });
});
