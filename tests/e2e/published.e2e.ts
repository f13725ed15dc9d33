import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, todayOf } from "~/domain/action-items";
import { buildResultsDatabase } from "../support/results-database";
import { newDatabaseFile, startServer } from "../support/server";
import { fitsWidth, openWatchedPage, signIn } from "./support/browser";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const ADMIN = { email: "published-admin@company.example", password: "published-e2e-password" };
const MANAGER = { email: "published-manager@company.example", password: "published-e2e-password" };
// The names buildResultsDatabase gives these logins: neither may appear on the employees' page.
const LOGIN_NAMES = ["Hanna Kowalska", "Li Wei"];
const TITLE = "Quiet hours for focused work";
const NOTE = "Tuesday and Thursday mornings are now free of meetings.";

let roundId: string;

const app = useOwnServer(async () => {
  const file = newDatabaseFile("published");
  const built = buildResultsDatabase(file, {
    departments: 6,
    roles: 4,
    logins: [
      { ...ADMIN, role: "ADMIN" },
      { ...MANAGER, role: "MANAGER", departmentIndex: 0 },
    ],
    rounds: [
      { name: "2025 Q4", responses: 260, closedDaysAgo: 110, invite: true, mood: -0.3 },
      { name: "2026 Q1", responses: 280, closedDaysAgo: 15, invite: true, mood: 0.2 },
    ],
  });
  roundId = built.rounds[1].id;
  return startServer({ databaseFile: file });
});

const openPage = (options?: BrowserContextOptions) => openWatchedPage(app.browser, options);

/** What an employee reads on the published page: the item under "done", its note, and no login's name. */
async function expectPublishedInUkrainian(page: Page) {
  await page.getByRole("heading", { level: 1, name: "Ви сказали — ми зробили" }).waitFor();
  await eventually(() => page.locator("html").getAttribute("lang")).toBe("uk");
  const done = page.getByRole("region", { name: "Виконано (1)" });
  await eventually(() => done.getByRole("heading", { name: TITLE }).count()).toBe(1);
  await eventually(() => done.textContent()).toContain(NOTE);
  await eventually(() => done.textContent()).toContain("Після опитування «2026 Q1»");
  await eventually(() => done.textContent()).toContain("Engineering");
  const latest = page.getByRole("article", { name: "2026 Q1" });
  await eventually(() => latest.textContent()).toMatch(/[+-]?\d+,\d eNPS/);
  await eventually(() => latest.textContent()).toMatch(/пункта порівняно з опитуванням «2025 Q4»/);
  const body = (await page.locator("body").textContent())!;
  for (const name of LOGIN_NAMES) expect(body).not.toContain(name);
  expect(body).not.toContain("@company.example");
}

describe("closing the loop", () => {
  it("a manager acts on a results group, HR publishes it, and an employee reads it in Ukrainian", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, MANAGER.email, MANAGER.password);
    await page.goto(`${app.server.url}/hr/rounds/${roundId}/results`);
    await page.getByRole("heading", { level: 1, name: "2026 Q1" }).waitFor();
    await page.getByRole("link", { name: "Create action for Engineering" }).click();

    await page.getByRole("heading", { level: 1, name: "New action" }).waitFor();
    await eventually(() => page.getByLabel("Description (optional)").inputValue()).toMatch(
      /^Engineering: eNPS [+-]?\d+\.\d \(95% CI [+-]?\d+\.\d to [+-]?\d+\.\d, \d+ answers\) in 2026 Q1\.$/,
    );
    await eventually(() => page.getByLabel("Department").locator("option:checked").textContent()).toBe("Engineering");
    await eventually(() => page.getByLabel("From round (optional)").locator("option:checked").textContent()).toBe(
      "2026 Q1",
    );
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Deadline").fill(addDays(todayOf(new Date()), 21));
    await page.getByRole("button", { name: "Create action" }).click();

    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const outcome = page.getByRole("region", { name: "Did it work?" });
    await eventually(() => outcome.textContent()).toContain("Before · 2026 Q1");
    await eventually(() => outcome.textContent()).toContain("No periodic eNPS round has closed after the deadline");
    await page.getByLabel("Note", { exact: true }).fill(NOTE);
    await page.getByLabel("Status").selectOption({ label: "Move to done" });
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByRole("status").filter({ hasText: "now done" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);

    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/actions`);
    const share = page.getByLabel("Link to share");
    await eventually(() => share.inputValue()).toBe(`${app.server.url}/you-said-we-did`);
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("link", { name: "Publish…" }).click();
    await page.getByRole("heading", { name: "Publish this item?" }).waitFor();
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Published" }).waitFor();
    expect(errors).toEqual([]);
    await close();

    // An employee at the end of a survey, on a phone set to Ukrainian, never signed in.
    const employee = await openPage({
      locale: "uk-UA",
      extraHTTPHeaders: { "Accept-Language": "uk-UA,uk;q=0.9" },
      viewport: { width: 360, height: 740 },
    });
    await employee.page.goto(`${app.server.url}/thanks?lang=uk`);
    await employee.page.getByRole("link", { name: "Подивитися, що зроблено за попередніми відгуками" }).click();
    await expectPublishedInUkrainian(employee.page);
    await eventually(() => fitsWidth(employee.page)).toBe(true);
    expect(employee.errors).toEqual([]);
    await employee.close();
  });

  it("shows the published page without JavaScript, reached from the start page", async () => {
    const { page, close } = await openPage({
      javaScriptEnabled: false,
      extraHTTPHeaders: { "Accept-Language": "uk" },
      viewport: { width: 360, height: 740 },
    });
    await page.goto(app.server.url);
    await Promise.all([
      page.waitForURL(/you-said-we-did/),
      page.getByRole("link", { name: /You said, we did/ }).click(),
    ]);
    await expectPublishedInUkrainian(page);
    await Promise.all([page.waitForURL(/lang=pl/), page.getByRole("link", { name: "Polski" }).click()]);
    await page.getByRole("heading", { level: 1, name: "Wasze opinie, nasze działania" }).waitFor();
    await eventually(() => page.getByRole("region", { name: "Zrobione (1)" }).count()).toBe(1);
    await eventually(() => fitsWidth(page)).toBe(true);
    await close();
  });

  it("links every group HR sees on the results page to a new action for that group", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${roundId}/results`);
    const href = async (name: string) =>
      new URL((await page.getByRole("link", { name, exact: true }).first().getAttribute("href"))!, app.server.url);
    const whole = await href("Create action");
    expect(whole.pathname).toBe("/hr/actions/new");
    expect([...whole.searchParams]).toEqual([["roundId", roundId]]);
    const department = await href("Create action for Engineering");
    expect(department.searchParams.get("departmentId")).toBeTruthy();
    expect(department.searchParams.has("roleId")).toBe(false);
    const roleLink = page
      .getByRole("table", { name: "eNPS by role" })
      .getByRole("link", { name: /^Create action for / })
      .first();
    const role = new URL((await roleLink.getAttribute("href"))!, app.server.url);
    expect(role.searchParams.get("roleId")).toBeTruthy();
    expect(role.searchParams.has("departmentId")).toBe(false);

    // A department x role cell is picked in the grid; its focused view links to an action for the cell.
    await page
      .getByRole("table", { name: "eNPS by department and role" })
      .getByRole("link", { name: /^Engineering \/ .+ Details$/ })
      .first()
      .click();
    await page.waitForURL(/group=cell/);
    await page
      .getByRole("heading", { level: 2, name: /^Engineering \/ / })
      .first()
      .waitFor();
    const cell = await href("Create action");
    expect(cell.searchParams.get("departmentId")).toBe(department.searchParams.get("departmentId"));
    expect(cell.searchParams.get("roleId")).toBeTruthy();
    await page.getByRole("link", { name: "Create action", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "New action" }).waitFor();
    await eventually(() => page.getByLabel("Description (optional)").inputValue()).toMatch(
      /^Engineering \/ .+: eNPS .+ in 2026 Q1\.$/,
    );
    await close();
  });
});
