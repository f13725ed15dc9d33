import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatUtcDate } from "~/domain/utc-time";
import { newDatabaseFile, startServer, type RunningServer } from "../support/server";
import { launchBrowser, signIn } from "./support/browser";

const DEMO = { email: "hr@candor.example", password: "candor-demo-2026" };
let browser: Browser;
let server: RunningServer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function setUpSchedule(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/hr/surveys`);
  await page.getByLabel("Name used for {company} in questions").fill("Restart Ltd");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("status").filter({ hasText: "Restart Ltd" }).waitFor();
  await page.goto(`${baseUrl}/hr/surveys/new?template=ENPS`);
  await page.getByRole("button", { name: "Save survey" }).last().click();
  await page.getByRole("status").filter({ hasText: "was created" }).waitFor();

  await page.goto(`${baseUrl}/hr/rounds/schedules/new`);
  await page.getByLabel("Name", { exact: true }).fill("Monthly pulse");
  await page.getByLabel("Every month").check();
  // The first round is due today, so a scheduler run opens it at once.
  await page.getByLabel("First round opens on (UTC)").fill(formatUtcDate(new Date()));
  await page.getByRole("button", { name: "Set up recurring eNPS" }).click();
  await page.getByRole("status").filter({ hasText: '"Monthly pulse" is set up.' }).waitFor();
  return page.url();
}

describe("the scheduler in the running server", () => {
  it("opens the round a schedule is due when the server starts again", async () => {
    const databaseFile = newDatabaseFile("scheduler");
    server = await startServer({ databaseFile, env: { SEED_DEMO: "true" } });
    const page = await browser.newPage();
    await signIn(page, server.url, DEMO.email, DEMO.password);
    const schedulePath = new URL(await setUpSchedule(page, server.url)).pathname;
    await page.close();
    await server.stop();

    server = await startServer({ databaseFile, env: { SEED_DEMO: "true" } });
    const again = await browser.newPage();
    await signIn(again, server.url, DEMO.email, DEMO.password);
    const period = formatUtcDate(new Date()).slice(0, 7);
    const round = again.getByRole("table", { name: "Rounds made by this schedule" }).getByRole("link", { name: `Monthly pulse ${period}` });
    for (let attempt = 0; attempt < 20 && (await round.count()) === 0; attempt++) {
      await again.goto(`${server.url}${schedulePath}`);
      if ((await round.count()) === 0) await again.waitForTimeout(250);
    }
    expect(await round.count()).toBe(1);
    await round.click();
    await again.getByRole("heading", { name: `Monthly pulse ${period}` }).waitFor();
    expect(await again.getByRole("region", { name: /Status/ }).textContent()).toContain("by the scheduler");
    await again.close();
  });
});
