/**
 * The "you said, we did" page is for everyone, without signing in. It shows the headline results
 * the gate allows and the items HR published, and never a withheld group, an unpublished item, or
 * the name of anyone who owns or wrote an item.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addActionNote, createAction, setActionPublished } from "~/models/actions.server";
import type { PublishedPageData } from "~/pages/published-page.server";
import * as page from "~/routes/you-said-we-did";
import { actionInput } from "../support/actions";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { addResponses, makeRound, scores } from "../support/rounds";

const day = 24 * 3600 * 1000;
let names: { owner: string; author: string; creator: string };

beforeAll(async () => {
  const support = await makeDepartment("Customer Support");
  const finance = await makeDepartment("Finance");
  const legal = await makeDepartment("Legal team");
  const security = await makeDepartment("Security desk");
  const role = await makeRole("Specialist");
  // Legal (2) and Security (3) are withheld; together they hold 5, so nothing else has to be.
  const periodic = async (name: string, daysAgo: number, supportScores: number[]) => {
    const round = await makeRound({ name, state: "closed", closesAt: new Date(Date.now() - daysAgo * day) });
    await addResponses(round, [
      ...scores(support.id, role.id, supportScores),
      ...scores(finance.id, role.id, [8, 8, 8, 8, 8, 9, 9, 9, 9, 9]),
      ...scores(legal.id, role.id, [0, 0]),
      ...scores(security.id, role.id, [10, 10, 10]),
    ]);
    return round;
  };
  await periodic("2025 Q4", 100, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const latest = await periodic("2026 Q1", 10, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
  const open = await makeRound({ name: "2026 Q2", state: "open" });
  await addResponses(open, scores(support.id, role.id, [0, 0, 0, 0, 0, 0]));

  const admin = await makeUser("ADMIN");
  const owner = await makeUser("MANAGER", support.id);
  const author = await makeUser("MANAGER", support.id);
  names = { owner: owner.name, author: author.name, creator: admin.name };
  const done = await createAction(
    admin,
    actionInput(owner.id, { title: "Faster laptops", roundId: latest.id, departmentId: support.id }),
  );
  await addActionNote(author, done.id, { body: "New laptops arrived for the whole team.", status: "DONE" });
  await setActionPublished(admin, done.id, true);
  const planned = await createAction(admin, actionInput(owner.id, { title: "Clear career paths", roundId: latest.id }));
  await setActionPublished(admin, planned.id, true);
  await createAction(admin, actionInput(owner.id, { title: "Internal reorganisation plan", departmentId: support.id }));
});

async function open(path: string, headers: Record<string, string> = {}) {
  const result = await call<PublishedPageData>(page.loader, await makeRequest(path, { headers }));
  expect(result.status).toBe(200);
  return result.data;
}

describe("you said, we did", () => {
  it("opens without signing in and shows the latest closed periodic round with its change", async () => {
    const data = await open("/you-said-we-did");
    expect(data.latest).toMatchObject({
      name: "2026 Q1",
      score: { answers: "25" },
      change: { since: "2025 Q4", verdict: "change" },
    });
    expect(data.earlier.map((r) => r.name)).toEqual(["2025 Q4"]);
    expect(JSON.stringify(data)).not.toContain("2026 Q2");
  });

  it("lists the departments the gate shows and nothing at all of withheld ones", async () => {
    const data = await open("/you-said-we-did");
    expect(data.departments.map((d) => d.name)).toEqual(["Customer Support", "Finance"]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("Legal team");
    expect(text).not.toContain("Security desk");
  });

  it("shows published items with their status and latest note, and no unpublished item or anyone's name", async () => {
    const data = await open("/you-said-we-did");
    expect(data.actions.map((g) => [g.status, g.items.map((i) => i.title)])).toEqual([
      ["PLANNED", ["Clear career paths"]],
      ["DONE", ["Faster laptops"]],
    ]);
    expect(data.actions[1].items[0]).toMatchObject({
      round: "2026 Q1",
      groups: ["Customer Support"],
      note: { body: "New laptops arrived for the whole team." },
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain("Internal reorganisation plan");
    for (const name of Object.values(names)) expect(text).not.toContain(name);
    expect(text).not.toContain("@example.test");
  });

  it("speaks the browser's language, or the one chosen with ?lang=, with numbers and dates in it", async () => {
    const uk = await open("/you-said-we-did", { "Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5" });
    expect(uk).toMatchObject({ locale: "uk", lang: "uk" });
    expect(uk.messages["status.DONE"]).toBe("Виконано");
    expect(uk.latest!.score!.nps).toMatch(/^[+-]?\d+,\d$/);
    expect(uk.latest!.closed).toMatch(/ р\.$/);
    const zh = await open("/you-said-we-did?lang=zh", { "Accept-Language": "uk" });
    expect(zh.locale).toBe("zh");
    expect(zh.messages["published.heading"]).toBe("您的反馈，我们的行动");
  });
});
