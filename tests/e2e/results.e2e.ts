import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildResultsDatabase } from "../support/results-database";
import { newDatabaseFile, startServer } from "../support/server";
import { fitsWidth, openWatchedPage, paintedPixels, signIn } from "./support/browser";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const ADMIN = { email: "results-admin@company.example", password: "results-e2e-password" };
let latestRoundId: string;

const app = useOwnServer(async () => {
  const file = newDatabaseFile("results");
  const built = buildResultsDatabase(file, {
    departments: 8,
    roles: 5,
    logins: [{ ...ADMIN, role: "ADMIN" }],
    rounds: [
      { name: "2025 Q3", responses: 300, closedDaysAgo: 200, invite: true, mood: -0.2 },
      { name: "2025 Q4", responses: 320, closedDaysAgo: 110, invite: true },
      { name: "2026 Q1", responses: 340, closedDaysAgo: 20, invite: true, mood: 0.3 },
      { name: "2026 Q2", responses: 120, closedDaysAgo: null, invite: true },
    ],
  });
  latestRoundId = built.rounds[2].id;
  return startServer({ databaseFile: file });
});

const openPage = (options?: BrowserContextOptions) => openWatchedPage(app.browser, options);

/** A page without JavaScript, signed in as HR (in a page with it, the session then carried over). */
async function signedInWithoutScript() {
  const signedIn = await openPage();
  await signIn(signedIn.page, app.server.url, ADMIN.email, ADMIN.password);
  const storageState = await signedIn.page.context().storageState();
  await signedIn.close();
  return openPage({ javaScriptEnabled: false, storageState });
}

describe("the results of a closed round in a browser", () => {
  it("draws every chart above its table, with no script errors", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    await page.getByRole("heading", { level: 1, name: "2026 Q1" }).waitFor();
    // Bars of all three categories: detractors red, passives amber, promoters green.
    await eventually(() => paintedPixels(page, "distribution", [194, 65, 58])).toBeGreaterThan(50);
    await eventually(() => paintedPixels(page, "distribution", [183, 134, 42])).toBeGreaterThan(50);
    await eventually(() => paintedPixels(page, "distribution", [31, 138, 76])).toBeGreaterThan(50);
    await eventually(() => paintedPixels(page, "departments")).toBeGreaterThan(1000);
    await eventually(() => page.getByRole("table", { name: "Responses per score, Everyone" }).count()).toBe(1);
    await eventually(() =>
      page.getByRole("table", { name: "eNPS by department", exact: true }).getByRole("row").count(),
    ).toBe(9);
    await eventually(() =>
      page.getByRole("table", { name: "eNPS by department and role" }).getByText("Withheld").count(),
    ).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("opens a department x role cell from the grid without reloading the page", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    await page.locator('[data-chart="distribution"] canvas').waitFor();
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    const cell = page.getByRole("table", { name: "eNPS by department and role" }).getByRole("link").first();
    const name = (await cell.getAttribute("aria-label"))!.split(":")[0];
    await cell.click();
    await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
    await eventually(() => page.url()).toContain("group=cell");
    await eventually(() => page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    await eventually(() => paintedPixels(page, "distribution")).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await close();
  });

  it("focuses a department and searches its comments with a plain form, without JavaScript", async () => {
    const { page, close } = await signedInWithoutScript();
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    await page.getByLabel("Group").selectOption({ label: "Engineering" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByRole("heading", { level: 2, name: "Engineering", exact: true }).waitFor();
    await page.getByLabel("Search comments").fill("meetings");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=meetings/);
    const comments = page.locator(".comment-text");
    await eventually(() => comments.count()).toBeGreaterThan(0);
    for (const text of await comments.allTextContents()) expect(text.toLowerCase()).toContain("meetings");
    await close();
  });

  it("lists its sections at the top, each link leading to its section, without JavaScript", async () => {
    const { page, close } = await signedInWithoutScript();
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    const contents = page.getByRole("navigation", { name: "On this page" });
    const links = contents.getByRole("link");
    await eventually(() => links.allTextContents()).toEqual([
      "Summary",
      "Scores",
      "Rating items",
      "By department",
      "By role",
      "By department and role",
      "Comments",
    ]);
    // Every link names a section that is there.
    const targets = await links.evaluateAll((anchors) =>
      anchors.map((a) => document.getElementById(a.getAttribute("href")!.slice(1))?.tagName ?? null),
    );
    expect(targets).toEqual(Array(7).fill("SECTION"));
    await contents.getByRole("link", { name: "By role" }).click();
    await eventually(() => page.url()).toMatch(/#roles$/);
    await eventually(() =>
      page.getByRole("heading", { level: 2, name: "By role" }).evaluate((h) => h.getBoundingClientRect().top),
    ).toBeLessThan(200);
    await close();
  });

  it("gives a print version without navigation or forms, charts drawn", async () => {
    const { page, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    await page.getByRole("link", { name: "Print version" }).click();
    await page.waitForURL(/print=1/);
    await page.emulateMedia({ media: "print" });
    await eventually(() => page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await eventually(() => page.getByRole("search").count()).toBe(0);
    await eventually(() => page.getByRole("link", { name: /Create action/ }).count()).toBe(0);
    await eventually(() => paintedPixels(page, "distribution")).toBeGreaterThan(1000);
    await close();
  });

  it("reads well on a 360 px phone", async () => {
    const { page, close } = await openPage({ viewport: { width: 360, height: 900 } });
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${latestRoundId}/results`);
    await page.locator('[data-chart="distribution"] canvas').waitFor();
    await eventually(() => fitsWidth(page)).toBe(true);
    // Each department's name and eNPS are in view without scrolling the table sideways...
    // The breakdown table (the chart carries a table of its own under the same name).
    const table = page.locator("table.breakdown", {
      has: page.locator("caption", { hasText: /^eNPS by department$/ }),
    });
    const inView = () =>
      table.locator("tbody tr").evaluateAll((rows) =>
        rows.map((row) => {
          const [name, score] = [row.querySelector("th")!, row.querySelector("td")!];
          return [name, score].every((cell) => {
            const box = cell.getBoundingClientRect();
            return box.left >= 0 && box.right <= window.innerWidth;
          });
        }),
      );
    const rowCount = await table.locator("tbody tr").count();
    expect(rowCount).toBeGreaterThan(0);
    await eventually(inView).toEqual(Array(rowCount).fill(true));
    // ...and the names stay in view when the rest of the figures are scrolled to.
    await table.evaluate((t) => {
      const wrap = t.closest(".table-wrap")!;
      wrap.scrollLeft = wrap.scrollWidth;
    });
    await eventually(() =>
      table.locator("tbody th").evaluateAll((names) =>
        names.every((name) => {
          const box = name.getBoundingClientRect();
          return box.left >= 0 && box.right <= window.innerWidth;
        }),
      ),
    ).toBe(true);
    await close();
  });
});

describe("trends in a browser", () => {
  it("draws the eNPS line with its interval band", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trends" }).click();
    await page.getByRole("heading", { level: 2, name: "eNPS over time · Everyone" }).waitFor();
    await eventually(() => paintedPixels(page, "trend", [47, 91, 211])).toBeGreaterThan(200);
    await eventually(() => page.getByRole("table", { name: "eNPS per round, Everyone" }).getByRole("row").count()).toBe(
      4,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it("draws the small trend on the home page", async () => {
    const { page, errors, close } = await openPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await eventually(() => paintedPixels(page, "sparkline", [47, 91, 211])).toBeGreaterThan(50);
    await eventually(() =>
      page.getByRole("table", { name: "Open rounds and their response rates" }).getByRole("row").count(),
    ).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });
});
