import type { BrowserContext } from "playwright-core";
import { describe, inject, it } from "vitest";
import { DEMO, paintedPixels, signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

/** A signed-in browser context, with or without JavaScript. */
async function signedInContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const signingIn = await browser().newContext();
  const page = await signingIn.newPage();
  await signIn(page, baseUrl, DEMO.email, DEMO.password);
  const storageState = await signingIn.storageState();
  await signingIn.close();
  return browser().newContext({ javaScriptEnabled, storageState, viewport: { width: 1280, height: 900 } });
}

async function latestResultsPath(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/hr/trends`);
  const href = await page.locator('main a[href$="/results"]').last().getAttribute("href");
  await page.close();
  if (!href) throw new Error("The demo has no closed round with results.");
  return href;
}

describe("charts", () => {
  it("take no room without JavaScript, where the tables carry the numbers", async () => {
    const context = await signedInContext(false);
    const page = await context.newPage();
    for (const path of [await latestResultsPath(context), "/hr/trends", "/hr"]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await eventually(() => page.locator(".chart-box, [data-chart]").count(), path).toBe(0);
      await eventually(() => page.getByRole("img").count(), path).toBe(0);
      if (path !== "/hr") await eventually(() => page.getByRole("table").count(), path).toBeGreaterThan(0);
    }
    await context.close();
  });

  it("are drawn above the same tables with JavaScript", async () => {
    const context = await signedInContext(true);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${await latestResultsPath(context)}`);
    await eventually(() => paintedPixels(page, "departments")).toBeGreaterThan(1000);
    await eventually(() => page.getByRole("table", { name: "eNPS by department", exact: true }).count()).toBe(1);
    await context.close();
  });

  it("on the trends page follow the chosen group, and the group list follows the address after Back", async () => {
    const context = await signedInContext(true);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/hr/trends`);
    const picker = page.getByLabel("Group", { exact: true });
    const department = await picker.locator("optgroup[label=Departments] option").first();
    const [value, name] = [await department.getAttribute("value"), (await department.textContent())!];
    await picker.selectOption(value!);
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByRole("heading", { level: 2, name: `eNPS over time · ${name}` }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 2, name: "eNPS over time · Everyone" }).waitFor();
    await eventually(() => picker.inputValue()).toBe("overall");

    await page.goto(`${baseUrl}${await latestResultsPath(context)}`);
    const focus = page.getByLabel("Group", { exact: true });
    const first = await focus.inputValue();
    // The departments this round shows (one made by another test may have no answers here).
    await focus.selectOption(
      (await focus.locator("optgroup[label=Departments] option").first().getAttribute("value"))!,
    );
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/group=/);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("group="));
    await page.locator("#focus-heading", { hasText: /^Everyone$/ }).waitFor();
    await eventually(() => focus.inputValue()).toBe(first);
    await context.close();
  });
});
