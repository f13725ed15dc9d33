/**
 * The results side of action items in their pages: "Did it work?" on an item's page, the score a
 * new item starts with, and the link HR shares with employees.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/models/actions.server";
import type { SessionUser } from "~/models/users.server";
import * as detail from "~/routes/hr.actions.$actionId";
import * as list from "~/routes/hr.actions._index";
import * as newAction from "~/routes/hr.actions.new";
import { actionInput, inDays } from "../support/actions";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { addResponses, makeRound, scores } from "../support/rounds";

const day = 24 * 3600 * 1000;

let sales: { id: string; name: string };
let finance: { id: string; name: string };
let engineer: { id: string; name: string };
let analyst: { id: string; name: string };
let admin: SessionUser;
let salesManager: SessionUser;
let before: Awaited<ReturnType<typeof makeRound>>;
let after: Awaited<ReturnType<typeof makeRound>>;

beforeAll(async () => {
  sales = await makeDepartment("Sales");
  finance = await makeDepartment("Finance");
  engineer = await makeRole("Engineer");
  analyst = await makeRole("Analyst");
  const intern = await makeRole("Intern");
  admin = await makeUser("ADMIN");
  salesManager = await makeUser("MANAGER", sales.id);
  const audience = { departmentIds: [sales.id, finance.id] };
  // Sales engineers: 0,0,0,0,0,6,7,8,9,10 (eNPS -40, SE 22.1202), later 9,9,9,9,9,10,10,8,7,3 (eNPS +60,
  // SE 19.9567): +100, adjusted +76.9231 over 29.7917, p = 0.0098: a clear change. Two Sales analysts and three interns
  // are withheld throughout (together five, so Sales itself is shown).
  before = await makeRound({ name: "2025 Q4", state: "closed", closesAt: new Date(Date.now() - 120 * day), audience });
  await addResponses(before, [
    ...scores(sales.id, engineer.id, [0, 0, 0, 0, 0, 6, 7, 8, 9, 10]),
    ...scores(sales.id, analyst.id, [9, 9]),
    ...scores(sales.id, intern.id, [9, 9, 9]),
    ...scores(finance.id, engineer.id, [8, 8, 8, 8, 8, 8, 8, 8]),
  ]);
  after = await makeRound({ name: "2026 Q1", state: "closed", closesAt: new Date(Date.now() - 10 * day), audience });
  await addResponses(after, [
    ...scores(sales.id, engineer.id, [9, 9, 9, 9, 9, 10, 10, 8, 7, 3]),
    ...scores(sales.id, analyst.id, [9, 9]),
    ...scores(sales.id, intern.id, [9, 9, 9]),
    ...scores(finance.id, engineer.id, [8, 8, 8, 8, 8, 8, 8, 8]),
  ]);
});

/** An item of Sales engineers (or another role) from the earlier round, created back when its deadline was ahead. */
async function earlierSalesItem(roleId = engineer.id) {
  const then = new Date(Date.now() - 115 * day);
  return createAction(
    admin,
    actionInput(admin.id, { roundId: before.id, departmentId: sales.id, roleId, deadline: inDays(30, then) }),
    then,
  );
}

describe("Did it work? on an item's page", () => {
  it("shows the group before and after, with both intervals, the change and its significance", async () => {
    const { id } = await earlierSalesItem();
    const page = await call(detail.loader, await makeRequest(`/hr/actions/${id}`, { as: salesManager }), {
      actionId: id,
    });
    expect(page.status).toBe(200);
    const { outcome } = page.data;
    expect(outcome).toMatchObject({
      state: "compared",
      group: "Sales / Engineer",
      origin: { name: "2025 Q4" },
      followUp: { name: "2026 Q1" },
      before: { n: 10, nps: -40 },
      after: { n: 10, nps: 60 },
      change: { delta: 100, verdict: "change" },
    });
    expect(outcome.before.se).toBeCloseTo(22.1202, 3);
    expect(outcome.after.se).toBeCloseTo(19.9567, 3);
    expect(outcome.before.low).toBeCloseTo(-74.124, 3);
    expect(outcome.before.high).toBeCloseTo(12.5856, 3);
    expect(outcome.change.se).toBeCloseTo(29.7917, 3);
  });

  it("shows no figure for a withheld group, and none to an owner who may not see the group's results", async () => {
    const withheld = await earlierSalesItem(analyst.id);
    const page = await call(detail.loader, await makeRequest(`/hr/actions/${withheld.id}`, { as: admin }), {
      actionId: withheld.id,
    });
    expect(page.data.outcome).toEqual({
      state: "origin-withheld",
      group: "Sales / Analyst",
      origin: { id: before.id, name: "2025 Q4", k: 5 },
    });

    const financeManager = await makeUser("MANAGER", finance.id);
    const owned = await createAction(
      admin,
      actionInput(financeManager.id, { roundId: before.id, departmentId: sales.id }),
    );
    const asOwner = await call(detail.loader, await makeRequest(`/hr/actions/${owned.id}`, { as: financeManager }), {
      actionId: owned.id,
    });
    expect(asOwner.status).toBe(200);
    expect(asOwner.data.outcome).toEqual({ state: "not-visible" });
  });
});

describe("a new item from a results group", () => {
  const open = async (user: SessionUser, query: string) =>
    call(newAction.loader, await makeRequest(`/hr/actions/new?${query}`, { as: user }));

  it("starts the description with the group's score in that round", async () => {
    const cell = await open(admin, `roundId=${after.id}&departmentId=${sales.id}&roleId=${engineer.id}`);
    expect(cell.data.prefill.description).toMatch(
      /^Sales \/ Engineer: eNPS \+60\.0 \(95% CI \+7\.0 to \+85\.3, 10 answers\) in 2026 Q1\.$/,
    );
    const whole = await open(admin, `roundId=${after.id}`);
    expect(whole.data.prefill.description).toMatch(/^Everyone: eNPS .+, 23 answers\) in 2026 Q1\.$/);
    const department = await open(salesManager, `roundId=${after.id}&departmentId=${sales.id}`);
    expect(department.data.prefill.description).toMatch(/^Sales: eNPS .+, 15 answers\) in 2026 Q1\.$/);
  });

  it("starts empty for a withheld group and for a group outside the viewer's scope", async () => {
    const withheld = await open(admin, `roundId=${after.id}&departmentId=${sales.id}&roleId=${analyst.id}`);
    expect(withheld.status).toBe(200);
    expect(withheld.data.prefill.description).toBe("");
    // A manager's form defaults to their department, but the whole round is not theirs to quote.
    const wholeRound = await open(salesManager, `roundId=${after.id}`);
    expect(wholeRound.data.prefill).toMatchObject({ departmentId: sales.id, description: "" });
    const byRole = await open(salesManager, `roundId=${after.id}&roleId=${engineer.id}`);
    expect(byRole.data.prefill.description).toBe("");
  });
});

describe("sharing the published page", () => {
  it("gives the full address of the page on the actions page", async () => {
    const page = await call(list.loader, await makeRequest("/hr/actions", { as: admin }));
    expect(page.data.publishedPageUrl).toBe("http://candor.test/you-said-we-did");
  });
});
