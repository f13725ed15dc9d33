import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { addDays, todayOf } from "~/domain/action-items";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/demo-company";
import { fitsWidth, signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const manager = {
  name: "Marta Action",
  email: `marta.actions.${Date.now()}@example.com`,
  password: "a long enough password",
  department: "Customer Support",
};

/** HR adds a manager login for one department, through the Logins page. */
async function addManagerLogin(page: Page) {
  await signIn(page, baseUrl, DEMO_LOGINS.admin.email, DEMO_PASSWORD);
  await page.goto(`${baseUrl}/hr/users/new`);
  await page.getByLabel("Name").fill(manager.name);
  await page.getByLabel("E-mail").fill(manager.email);
  await page.getByLabel("Role").selectOption({ label: "Department manager" });
  await page.getByLabel("Department (managers only)").selectOption({ label: manager.department });
  await page.getByLabel("Password").fill(manager.password);
  await page.getByRole("button", { name: "Add login" }).click();
  await page.getByRole("status").filter({ hasText: "can now sign in" }).waitFor();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

describe("a manager's action plan", () => {
  it("creates an item for their department, moves it to done with a note and sees it listed", async () => {
    const page = await browser().newPage({ viewport: { width: 1200, height: 900 } });
    await addManagerLogin(page);
    await signIn(page, baseUrl, manager.email, manager.password);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
    await page.getByRole("link", { name: "New action" }).first().click();
    await page.getByRole("heading", { level: 1, name: "New action" }).waitFor();
    await eventually(() => page.getByLabel("Department").locator("option").allTextContents()).toEqual([
      manager.department,
    ]);

    const today = todayOf(new Date());
    await page.getByLabel("Title").fill("Answer support tickets within a day");
    await page.getByLabel("Deadline").fill(addDays(today, -1));
    await page.getByRole("button", { name: "Create action" }).click();
    const deadlineError = page.locator("#deadline-error");
    await deadlineError.waitFor();
    await eventually(() => deadlineError.textContent()).toBe("The deadline cannot be in the past.");
    const deadline = page.getByLabel("Deadline");
    await eventually(() => deadline.getAttribute("aria-invalid")).toBe("true");

    await deadline.fill(addDays(today, 14));
    await page.getByRole("button", { name: "Create action" }).click();
    await page.getByRole("heading", { level: 1, name: "Answer support tickets within a day" }).waitFor();
    await eventually(() => page.getByRole("status").textContent()).toBe("The action item was created.");

    await page.getByLabel("Note", { exact: true }).fill("Two more people on the queue; the median is now 6 hours.");
    await page.getByLabel("Status").selectOption({ label: "Move to done" });
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByRole("status").filter({ hasText: "now done" }).waitFor();
    const history = page.getByRole("region", { name: "History" });
    await eventually(() => history.textContent()).toContain("Two more people on the queue");
    await eventually(() => history.textContent()).toContain(manager.name);
    await eventually(() => page.getByLabel("Note", { exact: true }).inputValue()).toBe("");

    await page.getByRole("link", { name: "All actions" }).click();
    const row = page.getByRole("row").filter({ hasText: "Answer support tickets within a day" });
    await row.waitFor();
    await eventually(() => row.getByRole("cell").allTextContents()).toEqual([
      expect.stringContaining(manager.department),
      manager.name,
      expect.any(String),
      "Done",
    ]);

    await page.getByLabel("Status").selectOption({ label: "Done" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/status=DONE/);
    await eventually(() => page.getByRole("row").count()).toBe(2);

    await page.setViewportSize({ width: 360, height: 740 });
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.close();
  });
});
