import { describe, expect, it } from "vitest";
import { fitsWidth } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("answering");
const { prisma } = await import("~/utils/db.server");
const { makeDepartment, makePerson, makeRole } = await import("../support/fixtures");
const { inviteWithTokens, makeRound } = await import("../support/rounds");
const { startServer } = await import("../support/server");

let tokens: string[];
let roundId: string;
let sharedKey: string;

const app = useOwnServer(async () => {
  const [d, r] = [await makeDepartment("Warehouse"), await makeRole("Picker")];
  const people = await Promise.all([1, 2, 3].map(() => makePerson(d.id, r.id)));
  sharedKey = "e2e-kiosk-key";
  const round = await makeRound({ state: "open", sharedKey });
  roundId = round.id;
  await prisma.setting.create({ data: { key: "companyName", value: "Northwind" } });
  tokens = await inviteWithTokens(round, people);
  return startServer({ databaseFile });
});

const responses = () => prisma.response.count({ where: { roundId } });

describe("answering a survey", () => {
  it("works in English with JavaScript, from the keyboard, and thanks the respondent", async () => {
    const context = await app.browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/a/${tokens[0]}`);
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("A short anonymous survey");
    await eventually(() => page.getByText("groups of at least 5 people").count()).toBe(1);
    const scale = page.getByRole("radiogroup", { name: /recommend Northwind as a place to work/ });
    await scale.getByRole("radio", { name: "8" }).focus();
    await page.keyboard.press("ArrowRight");
    await eventually(() => scale.getByRole("radio", { name: "9" }).isChecked()).toBe(true);
    await page.getByLabel(/main reason for your score/).fill("Great colleagues");
    await page.getByRole("radio", { name: "Agree", exact: true }).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { name: "Thank you" }).waitFor();
    await eventually(() => page.url()).toBe(`${app.server.url}/thanks?lang=en`);
    await eventually(() => responses()).toBe(1);
    await context.close();
  });

  it("works in Ukrainian without JavaScript on a 360 px phone, and shows problems in Ukrainian", async () => {
    const context = await app.browser.newContext({
      javaScriptEnabled: false,
      locale: "uk-UA",
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/a/${tokens[1]}`);
    await eventually(() => page.getAttribute("html", "lang")).toBe("uk");
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.getByRole("button", { name: "Надіслати відповіді" }).click();
    // Without JavaScript the click starts a page load; wait for the answer page to come back.
    await page.getByRole("link", { name: "Будь ласка, оберіть оцінку від 0 до 10." }).waitFor();
    await eventually(() => responses()).toBe(1);
    await page.getByRole("radio", { name: "3" }).check();
    await page.getByRole("button", { name: "Надіслати відповіді" }).click();
    await page.getByRole("heading", { name: "Дякуємо" }).waitFor();
    await eventually(() => responses()).toBe(2);
    await context.close();
  });

  it.each([true, false])(
    "takes a phone user to the problems of an empty form, and from there to the field (JavaScript: %s)",
    async (javaScriptEnabled) => {
      const context = await app.browser.newContext({
        javaScriptEnabled,
        locale: "en-GB",
        viewport: { width: 360, height: 640 },
      });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/a/${tokens[2]}`);
      const send = page.getByRole("button", { name: "Send my answers" });
      await send.scrollIntoViewIfNeeded();
      await send.click();
      const summary = page.getByRole("alert", { name: "Please check the answers marked below." });
      await summary.waitFor();
      // The summary has the focus and is on the screen, not somewhere above it.
      await eventually(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
      await eventually(() => summary.isVisible()).toBe(true);
      await eventually(() =>
        summary.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.top < window.innerHeight;
        }),
      ).toBe(true);
      await summary.getByRole("link", { name: "Please choose a score from 0 to 10." }).click();
      if (javaScriptEnabled) {
        await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe("score-0");
      } else {
        await eventually(() => page.url()).toMatch(/#score-0$/);
      }
      await eventually(() => page.getByRole("radio", { name: "0", exact: true }).isVisible()).toBe(true);
      await context.close();
    },
  );

  it.each([
    { width: 320, textZoom: 1 },
    { width: 360, textZoom: 1 },
    { width: 360, textZoom: 2 },
    { width: 1280, textZoom: 1 },
  ])(
    "keeps every 0-10 button on screen, at least 24 px each way with room around it, and neutral (%o)",
    async ({ width, textZoom }) => {
      const context = await app.browser.newContext({ locale: "en-GB", viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/a/${tokens[2]}`);
      // Text at 200%, as a browser's text size setting sets it: every rem doubles.
      if (textZoom !== 1) await page.addStyleTag({ content: `html { font-size: ${textZoom * 100}%; }` });
      await eventually(() => fitsWidth(page)).toBe(true);
      const boxes = await page.locator(".scale-option label").evaluateAll((labels) =>
        labels.map((label) => {
          const box = label.getBoundingClientRect();
          return {
            left: box.left,
            right: box.right,
            top: box.top,
            width: box.width,
            height: box.height,
            mark: getComputedStyle(label).borderBottomColor,
          };
        }),
      );
      expect(boxes).toHaveLength(11);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(width);
      }
      // Neighbours on one line keep a gap between them.
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i].top === boxes[i - 1].top) expect(boxes[i].left - boxes[i - 1].right).toBeGreaterThanOrEqual(4);
      }
      // No colour hints at a "good" score.
      expect(new Set(boxes.map((box) => box.mark)).size).toBe(1);
      // On a desktop the scale is one row.
      if (width === 1280) expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
      await context.close();
    },
  );

  it("refuses a second use of a link, saying so only when answers are sent", async () => {
    const page = await app.browser.newPage();
    const reply = await page.goto(`${app.server.url}/a/${tokens[0]}`);
    expect(reply?.status()).toBe(200);
    await page.getByRole("radio", { name: "7", exact: true }).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("heading", { name: "You have already answered" }).waitFor();
    await eventually(() => responses()).toBe(2);
    await page.close();
  });

  it("lets a kiosk take one answer after another, each time with an empty form", async () => {
    const context = await app.browser.newContext({ locale: "pl-PL" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/s/${sharedKey}?kiosk=1`);
    for (const score of ["10", "6"]) {
      await page.getByLabel("Twój dział").selectOption({ label: "Warehouse" });
      await page.getByLabel("Twoje stanowisko").selectOption({ label: "Picker" });
      await page.getByRole("radio", { name: score, exact: true }).check();
      await page.getByRole("button", { name: "Wyślij odpowiedzi" }).click();
      // The next person gets an empty form: wait for it rather than for a fixed time.
      await page.waitForFunction(() => !document.querySelector("input[name=score]:checked"));
      await eventually(() => page.getByRole("status").textContent()).toContain("Dziękujemy");
      // Nothing leads the shared device away from the form.
      await eventually(() =>
        page.getByRole("link", { name: "Zobacz, co zrobiono z wcześniejszymi opiniami" }).count(),
      ).toBe(0);
      await eventually(() => page.getByLabel("Twój dział").inputValue()).toBe("");
    }
    await eventually(() => responses()).toBe(4);

    // Someone switches the kiosk to Bulgarian to answer; the next person finds Polish again.
    await page.getByRole("link", { name: "Български" }).click();
    await eventually(() => page.getAttribute("html", "lang")).toBe("bg");
    await page.getByLabel("Вашият отдел").selectOption({ label: "Warehouse" });
    await page.getByLabel("Вашата длъжност").selectOption({ label: "Picker" });
    await page.getByRole("radio", { name: "8", exact: true }).check();
    await page.getByRole("button", { name: "Изпрати отговорите" }).click();
    await eventually(() => responses()).toBe(5);
    await eventually(() => page.getAttribute("html", "lang")).toBe("pl");
    await eventually(() => page.getByRole("button", { name: "Wyślij odpowiedzi" }).count()).toBe(1);
    await context.close();
  });
});
