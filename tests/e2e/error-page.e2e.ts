import { describe, expect, inject, it } from "vitest";
import { signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("the error page", () => {
  it.each([true, false])(
    "answers an unknown address with 404 in plain words (JavaScript: %s)",
    async (javaScriptEnabled) => {
      const context = await browser().newContext({ javaScriptEnabled });
      const page = await context.newPage();
      for (const path of ["/nope", "/hr/nope"]) {
        const response = await page.goto(`${baseUrl}${path}`);
        expect(response?.status()).toBe(404);
        // Once the browser has taken the page over (with JavaScript), it must still read the same.
        await page.waitForLoadState("networkidle");
        const alert = page.getByRole("alert");
        await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
        await eventually(() => alert.textContent()).toContain("We could not find that page.");
        await eventually(() => alert.textContent()).not.toMatch(/No route matches|Error:/);
      }
      await context.close();
    },
  );

  it('tells a manager "No access" on an HR admin page', async () => {
    const page = await browser().newPage();
    await signIn(page, baseUrl, "manager@candor.example", "candor-demo-2026");
    const response = await page.goto(`${baseUrl}/hr/surveys`);
    expect(response?.status()).toBe(403);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("No access");
    await eventually(() => page.getByRole("navigation", { name: "Main" }).count()).toBe(1);
    await page.close();
  });
});
