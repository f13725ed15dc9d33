import { describe, expect, inject, it } from "vitest";
import { DEMO, signIn, useBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe("the survey editor", () => {
  it("leaves room between its Save button and the Archive card below", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    await page.goto(`${baseUrl}/hr/surveys/new`);
    await page.getByRole("link", { name: "Use this template for Employee NPS" }).click();
    await page.getByLabel("Survey name").fill("Spacing check");
    await page.getByRole("button", { name: "Save survey" }).last().click();
    await page.getByRole("status").filter({ hasText: 'The survey "Spacing check" was created.' }).waitFor();
    const save = await page.getByRole("button", { name: "Save changes" }).last().boundingBox();
    const archive = await page
      .getByRole("heading", { level: 2, name: "Archive" })
      .locator("xpath=ancestor::form[1]")
      .boundingBox();
    expect(archive!.y - (save!.y + save!.height)).toBeGreaterThanOrEqual(16);
    await page.close();
  });
});
