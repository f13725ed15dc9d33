import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../support/server";
import { fitsWidth, signIn, useBrowser } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";

const databaseFile = useDatabase("schedules");
const { formatUtcDate } = await import("~/domain/utc-time");
const { nextPeriodStart } = await import("~/domain/schedule");
const { makeDepartment, makePerson, makeRole, makeUser } = await import("../support/fixtures");
const { DAY, launchOpenRound, makeTemplateSurvey } = await import("../support/launch");
const { startServer } = await import("../support/server");

const ADMIN = { email: "hr.schedules@company.example", password: "schedules-e2e-password" };
const browser = useBrowser();
let server: RunningServer | undefined;

beforeAll(async () => {
  await makeUser("ADMIN", "", { email: ADMIN.email, name: "Hanna Kowalska", password: ADMIN.password });
  const [sales, support] = [await makeDepartment("Sales"), await makeDepartment("Support")];
  const agent = await makeRole("Agent");
  for (const d of [sales, support]) for (let i = 0; i < 3; i++) await makePerson(d.id, agent.id);
  const survey = await makeTemplateSurvey();
  // Sales already has this period's eNPS, launched by hand.
  await launchOpenRound({
    name: "Sales eNPS by hand",
    surveyId: survey.id,
    audience: { departmentIds: [sales.id], roleIds: [] },
  });
});

afterAll(async () => {
  await server?.stop();
});

/** A server that runs the scheduler, as a real deployment does. */
const start = () => startServer({ databaseFile, env: { SCHEDULER: "true" } });

async function fillSchedule(page: Page, department: string) {
  await page.goto(`${server!.url}/hr/rounds/schedules/new`);
  await page.getByLabel("Name", { exact: true }).fill("Monthly pulse");
  await page.getByLabel("Every month").check();
  // The first round is due today, so the scheduler opens it at once.
  await page.getByLabel("First round opens on (UTC)").fill(formatUtcDate(new Date()));
  await page.getByLabel("Chosen departments and/or roles:").check();
  await page
    .getByRole("group", { name: "Departments" })
    .getByRole("checkbox", { name: new RegExp(`^${department} \\(`) })
    .check();
  await page.getByRole("button", { name: "Review" }).click();
}

describe("recurring eNPS in the browser", () => {
  it("refuses a first round that repeats this period's round for the same people, next to the first day", async () => {
    server = await start();
    const page = await browser().newPage();
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await fillSchedule(page, "Sales");
    const startsOn = page.getByLabel("First round opens on (UTC)");
    await page.getByRole("alert").filter({ hasText: 'The periodic round "Sales eNPS by hand"' }).waitFor();
    await eventually(() => startsOn.getAttribute("aria-invalid")).toBe("true");
    await eventually(() => startsOn.getAttribute("aria-describedby")).toContain("startsOn-error");
    await eventually(() =>
      page.getByRole("alert").filter({ hasText: "Start with the next period instead" }).count(),
    ).toBe(1);
    await page.close();
  });

  it("shows what opens when before saving, and the scheduler opens the due round when the server starts again", async () => {
    server ??= await start();
    const page = await browser().newPage();
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await fillSchedule(page, "Support");
    const review = page.getByRole("form", { name: "Check and save" });
    await review.waitFor();
    const text = await review.textContent();
    expect(text).toContain("WhoDepartment: Support");
    expect(text).toContain("3 people today");
    const period = formatUtcDate(new Date()).slice(0, 7);
    expect(text).toContain(`${period}: opens as soon as you save (within a minute)`);
    expect(text).toContain("The first round opens within a minute of saving, and 3 people can answer at once.");
    await page.getByRole("button", { name: "Save recurring eNPS" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `"Monthly pulse" is set up. Its first round (${period}) opens within a minute.` })
      .waitFor();
    const schedulePath = new URL(page.url()).pathname;
    await page.close();
    await server.stop();

    server = await start();
    const again = await browser().newPage();
    await signIn(again, server.url, ADMIN.email, ADMIN.password);
    const round = again
      .getByRole("table", { name: "Rounds made by this schedule" })
      .getByRole("link", { name: `Monthly pulse ${period}` });
    for (let attempt = 0; attempt < 20 && (await round.count()) === 0; attempt++) {
      await again.goto(`${server.url}${schedulePath}`);
      if ((await round.count()) === 0) await again.waitForTimeout(250);
    }
    await eventually(() => round.count()).toBe(1);
    await round.click();
    await again.getByRole("heading", { name: `Monthly pulse ${period}` }).waitFor();
    await eventually(() => again.getByRole("region", { name: /Status/ }).textContent()).toContain("by the scheduler");
    await again.close();
  });

  it("reads well on a 360 px phone, the form and its review", async () => {
    server ??= await start();
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${server.url}/hr/rounds/schedules/new`);
    await eventually(() => fitsWidth(page)).toBe(true);
    // Clear of this quarter's rounds, whenever the test runs.
    await page
      .getByLabel("First round opens on (UTC)")
      .fill(formatUtcDate(nextPeriodStart(new Date(Date.now() + 30 * DAY), "QUARTERLY")));
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByRole("form", { name: "Check and save" }).waitFor();
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.close();
  });
});
