import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../../prisma/demo-company";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** The demo company's HR admin, on the shared demo server. */
export const DEMO = { email: DEMO_LOGINS.admin.email, password: DEMO_PASSWORD };

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** True when the page needs no sideways scrolling at its current width. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** One browser for a test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("The browser is not running yet.");
    return browser;
  };
}

/** How many pixels of the chart's canvas are painted (optionally: in one colour, fully opaque). */
export async function paintedPixels(page: Page, chart: string, colour?: [number, number, number]) {
  const canvas = page.locator(`[data-chart="${chart}"] canvas`);
  await canvas.waitFor();
  return canvas.evaluate((element, rgb) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      const match = rgb
        ? data[i + 3] > 250 &&
          Math.abs(data[i] - rgb[0]) < 6 &&
          Math.abs(data[i + 1] - rgb[1]) < 6 &&
          Math.abs(data[i + 2] - rgb[2]) < 6
        : data[i + 3] > 0;
      if (match) painted++;
    }
    return painted;
  }, colour);
}

/**
 * A page in a context of its own (1200 px wide unless `options` say otherwise) that records
 * script errors and console errors: a hydration mismatch shows up as one. `close` ends the context.
 */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { page, errors, close: () => context.close() };
}
