import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import { DEMO, fitsWidth, signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("HR runs a round", () => {
  it("creates a survey from the eNPS template, launches it to two departments, downloads the links and sees the round", async () => {
    const page = await browser().newPage({ acceptDownloads: true });
    await signIn(page, baseUrl, DEMO.email, DEMO.password);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Surveys" }).click();
    await page.getByLabel("Name used for {company} in questions").fill("Candor Demo Ltd");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByRole("status").filter({ hasText: "Candor Demo Ltd" }).waitFor();

    await page.getByRole("link", { name: "New survey" }).first().click();
    await page.getByRole("link", { name: "Use this template for Employee NPS" }).click();
    await page.getByLabel("Survey name").fill("E2E eNPS");
    await page.getByRole("button", { name: "Save survey" }).last().click();
    await page.getByRole("status").filter({ hasText: 'The survey "E2E eNPS" was created.' }).waitFor();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("E2E eNPS");

    await page.goto(`${baseUrl}/hr/rounds/new`);
    await page.getByLabel("Round name").fill("E2E round");
    await page.getByLabel("Survey").selectOption({ label: "E2E eNPS" });
    await page.getByLabel("Chosen departments and/or roles:").check();
    const departments = page.getByRole("group", { name: "Departments" });
    const chosen = ["Customer Support", "Engineering"];
    let expected = 0;
    for (const name of chosen) {
      const box = departments.getByRole("checkbox", { name: new RegExp(`^${name} \\(`) });
      await box.check();
      const label = await box.locator("xpath=ancestor::label[1]").textContent();
      expected += Number(/\((\d+) people\)/.exec(label ?? "")?.[1]);
    }
    expect(expected).toBeGreaterThan(10);
    await page.getByRole("button", { name: "Review" }).click();
    const review = page.getByRole("form", { name: "Check and launch" });
    await review.waitFor();
    await eventually(() => review.textContent()).toContain(`${expected} people will get a personal invitation`);
    await eventually(() => review.textContent()).toContain(`WhoDepartments: ${chosen.join(", ")}`);
    // Dates read the same on every HR page: "17 Nov 2026, 18:38 UTC".
    await eventually(() => review.textContent()).toMatch(
      /Open\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC to \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/,
    );
    await page.getByRole("button", { name: "Launch round" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `"E2E round" is launched: ${expected} people are invited.` })
      .waitFor();

    const facts = page.getByRole("region", { name: /Status/ });
    await eventually(() => facts.textContent()).toContain(`Departments: ${chosen.join(", ")}`);
    await eventually(() => facts.textContent()).toContain(`${expected} people`);
    await eventually(() => facts.textContent()).toMatch(/Opens\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
    const counts = page.getByRole("table", { name: "Responses, overall and per department" });
    // At least k invited: the whole round shows its count from the launch on (none yet). Customer
    // Support has fewer than 50 people, so the whole round is counted by the hour, not live.
    const launchedCount = await counts.getByRole("row", { name: /^Everyone/ }).textContent();
    expect(launchedCount).toBe(`Everyone${expected}0† (counted hourly) (0%)`);
    const countedAt = async () =>
      /as of (.+)\.$/.exec((await page.locator("#open-counts-note").textContent()) ?? "")?.[1];
    const countedBefore = await countedAt();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download links (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^links_E2E_round_\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(fs.readFileSync(await download.path(), "utf8")).records.map((r) => r.fields);
    expect(header).toEqual(["email", "name", "link"]);
    expect(rows).toHaveLength(expected);
    for (const [email, name, link] of rows) {
      expect(email).toMatch(/@candor\.example$/);
      expect(name).not.toBe("");
      expect(link).toMatch(new RegExp(`^${baseUrl}/a/[A-Za-z0-9_-]{43}$`));
    }
    expect(new Set(rows.map((r) => r[2])).size).toBe(expected);

    // The page stays as it was after the download.
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("E2E round");

    // Employees answer with those links: one in English with JavaScript, one in Ukrainian
    // without, three more as plain form posts.
    const links = rows.map((row) => row[2]);
    const english = await browser().newContext({ locale: "en-GB" });
    const first = await english.newPage();
    await first.goto(links[0]);
    await first.getByRole("radio", { name: "9", exact: true }).check();
    await first.getByRole("button", { name: "Send my answers" }).click();
    await first.getByRole("heading", { name: "Thank you" }).waitFor();
    const ukrainian = await browser().newContext({ locale: "uk-UA", javaScriptEnabled: false });
    const second = await ukrainian.newPage();
    await second.goto(links[1]);
    await second.getByRole("radio", { name: "6", exact: true }).check();
    await second.getByRole("button", { name: "Надіслати відповіді" }).click();
    await second.getByRole("heading", { name: "Дякуємо" }).waitFor();
    for (const link of links.slice(2, 5)) {
      const sent = await fetch(link, { method: "POST", body: new URLSearchParams({ score: "8" }), redirect: "manual" });
      expect(sent.status).toBe(302);
    }

    // HR does not see the answers arrive one by one: the count is the one taken at the full hour.
    await page.reload();
    const everyone = await counts.getByRole("row", { name: /^Everyone/ }).textContent();
    if ((await countedAt()) === countedBefore) expect(everyone).toBe(launchedCount);
    else expect(everyone).toMatch(new RegExp(`^Everyone${expected}5† \\(counted hourly\\) \\(\\d+%\\)$`));

    // A second use of a link is refused.
    await first.goto(links[0]);
    await first.getByRole("radio", { name: "3", exact: true }).check();
    await first.getByRole("button", { name: "Send my answers" }).click();
    await first.getByRole("heading", { name: "You have already answered" }).waitFor();
    await english.close();
    await ukrainian.close();
    await page.close();
  });

  it("works without JavaScript: the survey editor's buttons, the launch and the links download", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("E-mail").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    await page.goto(`${baseUrl}/hr/surveys`);
    await page.getByLabel("Name used for {company} in questions").fill("Candor Demo Ltd");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByRole("status").filter({ hasText: "Candor Demo Ltd" }).waitFor();

    await page.goto(`${baseUrl}/hr/surveys/new?template=ENPS`);
    await page.getByRole("button", { name: "Add a rating item (1-5)" }).click();
    const questions = page.getByRole("group", { name: /^Question \d/ });
    // Without JavaScript each button loads a new page: wait for it before counting.
    await questions.nth(3).waitFor();
    await eventually(() => questions.count()).toBe(4);
    await page.getByLabel("Survey name").fill("No-script eNPS");
    await page.getByRole("button", { name: "Save survey" }).last().click();
    await page.getByRole("alert").filter({ hasText: "The survey was not saved: one field needs fixing" }).waitFor();
    await eventually(() => questions.nth(3).getByLabel("English wording").getAttribute("aria-invalid")).toBe("true");
    await questions.nth(3).getByLabel("English wording").fill("I have what I need to do my job well.");
    await page.getByRole("button", { name: "Save survey" }).last().click();
    await page.getByRole("status").filter({ hasText: 'The survey "No-script eNPS" was created.' }).waitFor();

    await page.goto(`${baseUrl}/hr/rounds/new`);
    await page.getByLabel("Round name").fill("No-script round");
    await page.getByLabel("Survey").selectOption({ label: "No-script eNPS" });
    await page.getByRole("button", { name: "Review" }).click();
    await page.getByRole("button", { name: "Launch round" }).click();
    await page.getByRole("status").filter({ hasText: '"No-script round" is launched' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download links (CSV)" }).click(),
    ]);
    const records = parseCsv(fs.readFileSync(await download.path(), "utf8")).records;
    expect(records[0].fields).toEqual(["email", "name", "link"]);
    expect(records.length).toBeGreaterThan(100);
    await context.close();
  });

  it("reads well on a 360 px phone", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    for (const path of [
      "/hr/rounds",
      "/hr/rounds/new",
      "/hr/surveys",
      "/hr/surveys/new?template=TRAINING",
      "/hr/outbox",
      "/hr/rounds/schedules/new",
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await eventually(() => fitsWidth(page), path).toBe(true);
    }
    await page.goto(`${baseUrl}/hr/rounds`);
    await page.getByRole("link", { name: "E2E round" }).click();
    await page.getByRole("heading", { name: "E2E round" }).waitFor();
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.close();
  });
});
