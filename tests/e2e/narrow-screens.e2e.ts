import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO, fitsWidth, signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const PHONE = { width: 360, height: 740 };

const LIST_PAGES = [
  "/hr",
  "/hr/surveys",
  "/hr/surveys/new",
  "/hr/rounds",
  "/hr/rounds/new",
  "/hr/rounds/schedules",
  "/hr/rounds/schedules/new",
  "/hr/trends",
  "/hr/trainings",
  "/hr/trainings/new",
  "/hr/trainings/overview",
  "/hr/actions",
  "/hr/actions/new",
  "/hr/people",
  "/hr/people/new",
  "/hr/departments",
  "/hr/roles",
  "/hr/import",
  "/hr/users",
  "/hr/users/new",
  "/hr/outbox",
  "/hr/audit",
];

/** The first link on `listPath` to a page matching `pattern`: a real survey, round, person... of the demo. */
async function firstLinkTo(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(`${baseUrl}${listPath}`);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`No link like ${pattern} on ${listPath}`);
  return href;
}

/** For each element, whether it is wholly inside the viewport's width. */
function inSight(elements: Locator) {
  return elements.evaluateAll((elements) =>
    elements.map((e) => {
      const box = e.getBoundingClientRect();
      return box.left >= 0 && box.right <= window.innerWidth;
    }),
  );
}

async function phoneSignedIn(): Promise<Page> {
  const page = await browser().newPage({ viewport: PHONE });
  await signIn(page, baseUrl, DEMO.email, DEMO.password);
  return page;
}

describe("HR pages on a 360 px phone", () => {
  it("never scroll the page sideways", async () => {
    const page = await phoneSignedIn();
    const details = [
      await firstLinkTo(page, "/hr/surveys", /^\/hr\/surveys\/(?!new)[^/?]+$/),
      await firstLinkTo(page, "/hr/rounds", /^\/hr\/rounds\/(?!new|schedules)[^/?]+$/),
      await firstLinkTo(page, "/hr/trends", /^\/hr\/rounds\/[^/?]+\/results$/),
      await firstLinkTo(page, "/hr/trainings", /^\/hr\/trainings\/(?!new|overview)[^/?]+$/),
      await firstLinkTo(page, "/hr/actions", /^\/hr\/actions\/(?!new)[^/?.]+$/),
      await firstLinkTo(page, "/hr/people", /^\/hr\/people\/(?!new)[^/?]+$/),
    ];
    const overflowing: string[] = [];
    for (const path of [...LIST_PAGES, ...details]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      if (!(await fitsWidth(page))) overflowing.push(path);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it("keep every checkbox and radio button of the forms at full size, however its label wraps", async () => {
    const page = await phoneSignedIn();
    const shrunk: string[] = [];
    for (const path of ["/hr/rounds/new", "/hr/rounds/schedules/new", "/hr/trainings/new"]) {
      await page.goto(`${baseUrl}${path}`);
      const sizes = await page
        .locator("main input[type=checkbox], main input[type=radio]")
        .evaluateAll((inputs) =>
          inputs.map((input) => [input.getAttribute("name"), input.getBoundingClientRect().width] as const),
        );
      expect(sizes.length, path).toBeGreaterThan(0);
      for (const [name, width] of sizes) if (width < 19) shrunk.push(`${path} ${name}: ${width.toFixed(1)} px`);
    }
    expect(shrunk).toEqual([]);
    await page.close();
  });

  it("fold the sections into a menu that opens without JavaScript, every section in sight, the current one marked", async () => {
    const context = await browser().newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    await page.goto(`${baseUrl}/hr/departments`);
    const menu = page.getByText("Menu", { exact: true });
    // Closed, the menu takes one line of the header, not four.
    await eventually(() => page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    const headerHeight = await page.locator(".app-header").evaluate((header) => header.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(100);
    await menu.click();
    const nav = page.getByRole("navigation", { name: "Main" });
    const links = nav.getByRole("link");
    await eventually(() => links.count()).toBe(8);
    await eventually(() => inSight(links)).toEqual(Array(8).fill(true));
    await eventually(() => nav.getByRole("link", { name: "Directory" }).getAttribute("aria-current")).toBe("page");
    await eventually(() => inSight(page.getByRole("navigation", { name: "Directory" }).getByRole("link"))).toEqual(
      Array(4).fill(true),
    );
    await context.close();
  });

  it("show departments' whole names and their Deactivate buttons", async () => {
    const page = await phoneSignedIn();
    await page.goto(`${baseUrl}/hr/departments`);
    // A long name, as Ukrainian departments have them, could never fit in a field this narrow.
    const long = "Відділ обслуговування клієнтів та післяпродажної підтримки";
    const names = page.locator("table.group-table tbody th[scope=row] > span");
    if ((await names.filter({ hasText: long }).count()) === 0) {
      await page.getByLabel("New department").fill(long);
      await page.getByRole("button", { name: "Add department" }).click();
      await names.filter({ hasText: long }).waitFor();
      // Added: the field is empty for the next one.
      await eventually(() => page.getByLabel("New department").inputValue()).toBe("");
    }
    await eventually(() => names.count()).toBeGreaterThan(3);
    // Every name whole, however long: wrapped inside the screen, never cut or scrolled.
    const cutOff = await names.evaluateAll((spans) =>
      spans
        .filter(
          (span) => span.getBoundingClientRect().right > window.innerWidth || span.scrollWidth > span.clientWidth + 1,
        )
        .map((span) => span.textContent),
    );
    expect(cutOff).toEqual([]);
    const deactivate = page.getByRole("button", { name: /^Deactivate / });
    await eventually(() => deactivate.count()).toBe(await names.count());
    await eventually(() =>
      inSight(page.locator("main").locator("button, summary, input:not([type=hidden])").filter({ visible: true })),
    ).not.toContain(false);

    // Renaming opens under the name, and its field fits the screen too.
    const first = (await names.first().textContent())!;
    await page.getByText(`Rename ${first}`, { exact: true }).click();
    const field = page.getByRole("textbox", { name: `New name of department ${first}` });
    await eventually(() => field.inputValue()).toBe(first);
    await eventually(() => inSight(field)).toEqual([true]);
    await page.close();
  });

  it("show the response rate of every open round on the home page", async () => {
    const page = await phoneSignedIn();
    await page.goto(`${baseUrl}/hr`);
    const table = page.getByRole("table", { name: "Open rounds and their response rates" });
    await eventually(() => table.getByRole("row").count()).toBeGreaterThan(1);
    const scrolls = await table.evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth);
    expect(scrolls).toBe(false);
    await eventually(() => inSight(table.locator("th, td"))).not.toContain(false);
    await eventually(() => table.getByRole("cell", { name: /%$/ }).first().isVisible()).toBe(true);
    await page.close();
  });
});

describe("HR pages on a 1280 px screen", () => {
  it("show every section of an HR admin in one row, and no menu", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    await page.goto(`${baseUrl}/hr/audit`);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await eventually(() => links.count()).toBe(8);
    const tops = await links.evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await eventually(() => page.getByText("Menu", { exact: true }).isVisible()).toBe(false);
    await eventually(() =>
      page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Settings" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await eventually(() =>
      page
        .getByRole("navigation", { name: "Settings" })
        .getByRole("link", { name: "Audit log" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await page.close();
  });
});
