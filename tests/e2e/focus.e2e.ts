import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./support/browser";
import { useDatabase } from "./support/database";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("focus");
const { makeDepartment, makeRole, makeUser, TEST_PASSWORD } = await import("../support/fixtures");
const { makeRound } = await import("../support/rounds");
const { startServer } = await import("../support/server");

let admin: { email: string };
const sharedKey = "e2e-focus-key";

const app = useOwnServer(async () => {
  await makeDepartment("Warehouse");
  await makeRole("Picker");
  admin = await makeUser("ADMIN");
  await makeRound({ state: "open", sharedKey });
  return startServer({ databaseFile });
});

interface Ring {
  visible: boolean;
  style: string;
  width: string;
  /** Contrast of the ring with the first opaque background behind the element. */
  contrast: number;
}

/** The focus ring `ringOf` draws once the element has keyboard focus. */
async function ringOf(focused: Locator, ringOn: Locator = focused): Promise<Ring> {
  await focused.focus();
  return ringOn.evaluate((element) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    let behind: Element | null = element.parentElement;
    while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
    const background = behind ? rgb(getComputedStyle(behind).backgroundColor) : [255, 255, 255];
    const style = getComputedStyle(element);
    const [light, dark] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((a, b) => b - a);
    return {
      visible: element.matches(":focus-visible") || element.previousElementSibling?.matches(":focus-visible") === true,
      style: style.outlineStyle,
      width: style.outlineWidth,
      contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 10) / 10,
    };
  });
}

function expectClearRing(ring: Ring) {
  expect(ring).toMatchObject({ visible: true, style: "solid", width: "3px" });
  expect(ring.contrast).toBeGreaterThanOrEqual(3);
}

async function keyboardPage(width = 1280): Promise<Page> {
  const page = await app.browser.newPage({ viewport: { width, height: 800 } });
  // Focus shown after a key press is what keyboard users see; start from one.
  await page.goto(`${app.server.url}/login`);
  await page.keyboard.press("Tab");
  return page;
}

describe("the focus ring", () => {
  it("is a solid ring of at least 3:1 on links, buttons and inputs, on light pages and on the dark header", async () => {
    const page = await keyboardPage();
    await signIn(page, app.server.url, admin.email, TEST_PASSWORD);
    await page.goto(`${app.server.url}/hr/departments`);
    await page.keyboard.press("Tab");
    const header = page.getByRole("banner");
    expectClearRing(await ringOf(page.getByRole("link", { name: "Skip to content" })));
    expectClearRing(await ringOf(header.getByRole("link", { name: "Directory" })));
    expectClearRing(await ringOf(header.getByRole("button", { name: "Sign out" })));
    const main = page.getByRole("main");
    expectClearRing(await ringOf(main.getByRole("link", { name: "Roles" })));
    expectClearRing(await ringOf(main.getByLabel("New department")));
    expectClearRing(await ringOf(main.getByRole("button", { name: "Add department" })));
    await page.close();
  });

  it("rings the visible label of a survey's score and rating options", async () => {
    const page = await keyboardPage(360);
    await page.goto(`${app.server.url}/s/${sharedKey}?lang=en`);
    await page.keyboard.press("Tab");
    const scale = page.getByRole("radiogroup", { name: /recommend/ });
    const seven = scale.getByRole("radio", { name: "7", exact: true });
    expectClearRing(await ringOf(seven, page.locator(`label[for="${await seven.getAttribute("id")}"]`)));
    const agree = page.getByRole("radio", { name: "Agree", exact: true });
    expectClearRing(await ringOf(agree, page.locator(`label[for="${await agree.getAttribute("id")}"]`)));
    await page.close();
  });
});
