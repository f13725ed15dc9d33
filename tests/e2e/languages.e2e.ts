import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { LOCALES } from "~/i18n/locales";
import { fitsWidth } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("languages");
const { makeDepartment, makeRole } = await import("../support/fixtures");
const { makeRound } = await import("../support/rounds");
const { startServer } = await import("../support/server");

const demoUrl = inject("baseUrl");
const PHONE = { width: 360, height: 740 };
const sharedKey = "e2e-languages-key";

const app = useOwnServer(async () => {
  // Long words, as Ukrainian, Bulgarian, Russian and Polish departments and roles have them.
  await makeDepartment("Відділ обслуговування клієнтів та післяпродажної підтримки");
  await makeDepartment("Dział zaopatrzenia międzynarodowego");
  await makeRole("Високопрофесійний спеціаліст-консультант");
  await makeRole("Старши счетоводител");
  await makeRound({ state: "open", sharedKey });
  return startServer({ databaseFile });
});

/** Every language link of the switcher is in sight, and the page needs no sideways scrolling. */
async function expectFits(page: Page, where: string) {
  const switcher = page.locator("nav.language-switcher a");
  await eventually(() => switcher.count(), where).toBe(LOCALES.length);
  const outside = await switcher.evaluateAll((links) =>
    links.filter((a) => a.getBoundingClientRect().right > window.innerWidth).map((a) => a.textContent),
  );
  expect(outside, where).toEqual([]);
  await eventually(() => fitsWidth(page), where).toBe(true);
}

describe.each([true, false])("employee pages on a 360 px phone (JavaScript: %s)", (javaScriptEnabled) => {
  it("fit in every language: the survey, its problems, a kiosk's thanks, the thanks page and the published page", async () => {
    const context = await app.browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    for (const lang of LOCALES) {
      await page.goto(`${app.server.url}/s/${sharedKey}?lang=${lang}`);
      await expectFits(page, `survey in ${lang}`);
      await Promise.all([
        page.waitForURL(/\/s\//),
        page.locator("form button[type=submit]:not([aria-hidden])").click(),
      ]);
      await page.locator(".field-error, .form-error").first().waitFor();
      await expectFits(page, `survey problems in ${lang}`);
      await page.goto(`${app.server.url}/s/${sharedKey}?kiosk=1&saved=1&lang=${lang}`);
      await expectFits(page, `kiosk thanks in ${lang}`);
      await page.goto(`${app.server.url}/thanks?lang=${lang}`);
      await expectFits(page, `thanks in ${lang}`);
      await page.goto(`${demoUrl}/you-said-we-did?lang=${lang}`);
      await expectFits(page, `published page in ${lang}`);
    }
    await context.close();
  });
});
