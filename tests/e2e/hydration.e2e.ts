/**
 * Every HR page of the demo, opened in a browser with JavaScript, comes alive without an error,
 * and moving between them by clicking works (a server-only module that slips into the browser
 * build shows up only like this).
 */
import { describe, expect, inject, it } from "vitest";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../prisma/demo-company";
import { signInOverHttp } from "../support/server";
import { signIn, useBrowser } from "./support/browser";
import { eventually } from "./support/eventually";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const PAGES = [
  "/hr",
  "/hr/surveys",
  "/hr/rounds",
  "/hr/rounds/schedules",
  "/hr/trends",
  "/hr/trainings",
  "/hr/trainings/overview",
  "/hr/actions",
  "/hr/people",
  "/hr/departments",
  "/hr/roles",
  "/hr/import",
  "/hr/users",
  "/hr/outbox",
  "/hr/audit",
];

describe("HR pages in the browser", () => {
  it("load and come alive without errors", async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    await signIn(page, baseUrl, DEMO_LOGINS.admin.email, DEMO_PASSWORD);
    for (const path of PAGES) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("move between the directory's tabs by clicking", async () => {
    const page = await browser().newPage();
    await signIn(page, baseUrl, DEMO_LOGINS.admin.email, DEMO_PASSWORD);
    await page.goto(`${baseUrl}/hr/people`);
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await tabs.getByRole("link", { name: "Departments" }).click();
    await page.getByRole("button", { name: "Add department" }).waitFor();
    await eventually(() => new URL(page.url()).pathname).toBe("/hr/departments");
    await tabs.getByRole("link", { name: "Roles" }).click();
    await page.getByRole("button", { name: "Add role" }).waitFor();
    await eventually(() => new URL(page.url()).pathname).toBe("/hr/roles");
    await page.close();
  });
});

describe("pages as sent", () => {
  it("carry no NUL bytes, in any language, so no form field saves a broken character", async () => {
    const cookie = await signInOverHttp(baseUrl, DEMO_LOGINS.admin.email, DEMO_PASSWORD);
    const paths = [
      ...["en", "zh", "uk", "pl", "bg", "ru"].map((lang) => `/you-said-we-did?lang=${lang}`),
      "/hr/surveys/new?template=ENPS",
      "/hr/surveys/new?template=TRAINING",
    ];
    for (const path of paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.includes(0), path).toBe(false);
    }
  });
});
