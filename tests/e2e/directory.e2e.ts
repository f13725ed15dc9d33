import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { fitsWidth, signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

/** The demo login exactly as the console printed it on the first start. */
function printedDemoLogin() {
  const output = inject("serverOutput");
  const email = /e-mail:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  if (!email || !password) throw new Error(`No demo login in the server output:\n${output}`);
  return { email, password };
}

describe("a newcomer with the demo", () => {
  it("refuses a wrong password with a clear message", async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("E-mail").fill(printedDemoLogin().email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await eventually(() => page.getByRole("alert").textContent()).toContain("do not match an active account");
    await page.close();
  });

  it("signs in with the printed login, imports a CSV and sees the people listed", async () => {
    const page = await browser().newPage();
    const { email, password } = printedDemoLogin();
    await signIn(page, baseUrl, email, password);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Hello");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Directory" }).click();
    await page.getByRole("link", { name: "Import CSV" }).click();
    const file = path.resolve("tmp/e2e/import-e2e.csv");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      '\uFEFFE-mail ID;Email;Name;Department;Role\n1;zofia.e2e@example.com;Zofia Nowak;Warehouse;Picker\n2;taras.e2e@example.com;"Тарас Шевченко";Warehouse;Picker\n',
    );
    await page.getByLabel("CSV file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await eventually(() => page.getByRole("status").filter({ hasText: "Imported" }).textContent()).toContain("2 added");

    await page.getByRole("link", { name: "See the people" }).click();
    await page.getByLabel("Department").selectOption({ label: "Warehouse" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("2 people", { exact: true }).waitFor();
    const rows = page.getByRole("table", { name: "People in the directory" }).getByRole("row");
    await eventually(() => rows.count()).toBe(3);
    await eventually(() => page.getByRole("link", { name: "Тарас Шевченко" }).count()).toBe(1);
    await eventually(() => page.getByRole("link", { name: "Zofia Nowak" }).count()).toBe(1);
    await page.close();
  });

  it("imports an export with other column names after HR confirms which is which, without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { email, password } = printedDemoLogin();
    await signIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/hr/import`);
    const file = path.resolve("tmp/e2e/workday-e2e.csv");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      "Worker ID,Full Name,Work Email,Supervisory Organization,Job Profile\nW-100,Olena Bondar,olena.wd@example.com,Warehouse,Picker\n",
    );
    await page.getByLabel("CSV file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Which column is which in workday-e2e.csv?" }).waitFor();
    // The suggestions are chosen already, and the first line shows what each column holds.
    await eventually(() => page.getByLabel("E-mail").inputValue()).toBe("Work Email");
    await eventually(() => page.getByLabel("Department").inputValue()).toBe("Supervisory Organization");
    await eventually(() =>
      page.getByRole("table", { name: "The first lines of workday-e2e.csv" }).getByRole("row").nth(1).textContent(),
    ).toContain("Olena Bondar");
    await page.getByRole("button", { name: "Import with these columns" }).click();
    await eventually(() => page.getByRole("status").filter({ hasText: "Imported" }).textContent()).toContain("1 added");
    await context.close();
  });

  it("shows every bad line of a malformed CSV and imports nothing", async () => {
    const page = await browser().newPage();
    const { email, password } = printedDemoLogin();
    await signIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/hr/import`);
    const file = path.resolve("tmp/e2e/bad-e2e.csv");
    fs.writeFileSync(file, "email,name,department,role\nnobody-here,,X,Y\n");
    await page.getByLabel("CSV file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Nothing was imported" }).waitFor();
    await eventually(() => page.getByRole("cell", { name: "2", exact: true }).count()).toBe(1);
    await page.close();
  });

  it("says what is wrong with an unreadable or empty file next to the file field, keeping the page", async () => {
    const page = await browser().newPage();
    const { email, password } = printedDemoLogin();
    await signIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/hr/import`);
    const latin1 = path.resolve("tmp/e2e/latin1-e2e.csv");
    fs.writeFileSync(
      latin1,
      Buffer.from("email,name,department,role\njose.e2e@example.com,Jos\xe9,Sales,Rep\n", "latin1"),
    );
    const empty = path.resolve("tmp/e2e/empty-e2e.csv");
    fs.writeFileSync(empty, "");
    for (const [file, message] of [
      [latin1, 'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and import it again.'],
      [empty, "The file is empty."],
    ]) {
      await page.getByLabel("CSV file").setInputFiles(file);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/hr/import") && r.request().method() === "POST"),
        page.getByRole("button", { name: "Import" }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.getByRole("alert").filter({ hasText: message }).waitFor();
      const field = page.getByLabel("CSV file");
      await eventually(() => field.getAttribute("aria-invalid")).toBe("true");
      const described = await field.getAttribute("aria-describedby");
      await eventually(() => page.locator(`[id="${described?.split(" ").at(-1)}"]`).textContent()).toBe(message);
      const tabs = page.getByRole("navigation", { name: "Directory" });
      await eventually(() => tabs.getByRole("link", { name: "Import" }).getAttribute("aria-current")).toBe("page");
    }
    await page.goto(`${baseUrl}/hr/people?q=jose.e2e`);
    await page.getByRole("heading", { name: "Nobody matches these filters" }).waitFor();
    await page.close();
  });

  it("reads well on a 360 px phone", async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    const { email, password } = printedDemoLogin();
    await signIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/hr/people`);
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.close();
  });
});
