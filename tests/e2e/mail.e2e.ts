import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RunningServer } from "../support/server";
import { launchBrowser, signIn } from "./support/browser";
import { useDatabase } from "./support/database";

const databaseFile = useDatabase("mail");
const { createUser } = await import("~/models/users.server");
const { COMMAND_LINE } = await import("~/models/audit.server");
const { makeDepartment, makePerson, makeRole } = await import("../support/fixtures");
const { launchOpenRound } = await import("../support/launch");
const { startServer } = await import("../support/server");
const { startSmtpSink } = await import("../support/smtp");

const DEMO = { email: "hr@candor.example", password: "candor-demo-2026" };
const ADMIN = { email: "hr.mail@company.example", password: "mail-e2e-password" };
const smtp = await startSmtpSink();
let browser: Browser;
let server: RunningServer;
let roundId: string;

beforeAll(async () => {
  await createUser(COMMAND_LINE, {
    email: ADMIN.email,
    name: "Hanna Kowalska",
    role: "ADMIN",
    departmentId: "",
    password: ADMIN.password,
  });
  const [support, agent] = [await makeDepartment("Support"), await makeRole("Agent")];
  for (let i = 0; i < 6; i++) await makePerson(support.id, agent.id);
  roundId = (await launchOpenRound({ name: "Support eNPS" })).id;
  server = await startServer({ databaseFile, env: { SMTP_URL: smtp.url } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp.close();
});

describe("e-mail from a round's page", () => {
  it("without a mail server, offers the links CSV and no e-mail buttons that would only mint links", async () => {
    const baseUrl = inject("baseUrl");
    const page = await browser.newPage();
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    await page.goto(`${baseUrl}/hr/rounds`);
    await page.getByRole("row").filter({ hasText: "Open" }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Hand out the links" }).waitFor();
    for (const name of ["Send invitations by e-mail", "Send reminders"]) {
      const button = page.getByRole("button", { name, exact: true });
      expect(await button.isDisabled(), name).toBe(true);
    }
    expect(await page.getByText("E-mail is not set up: no mail server is configured (SMTP_URL)").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Download links (CSV)" }).isEnabled()).toBe(true);
    await page.goto(`${baseUrl}/hr/outbox`);
    expect(await page.getByText(/kept for the record only and will not be delivered later/).count()).toBe(1);
    await page.close();
  });

  it("with a mail server, says when reminders last went out and asks again before a second batch the same day", async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${server.url}/hr/rounds/${roundId}`);
    const reminders = page.getByRole("region", { name: "Reminders" });
    expect(await reminders.textContent()).toContain("None sent yet.");
    await reminders.getByRole("link", { name: "Send reminders…" }).click();
    await page.getByRole("form", { name: "Send reminders?" }).getByRole("button", { name: "Send reminders" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "6 reminders went out to people who have not answered yet." })
      .waitFor();
    expect(smtp.received).toHaveLength(6);
    expect(await reminders.textContent()).toMatch(
      /Last sent \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC \(less than a minute ago\)\./,
    );

    await reminders.getByRole("link", { name: "Send reminders…" }).click();
    const again = page.getByRole("form", { name: "Send reminders again?" });
    expect(await again.textContent()).toContain("Reminders already went out less than a minute ago.");
    await again.getByRole("button", { name: "Send reminders again" }).click();
    await page.getByRole("status").filter({ hasText: "6 reminders went out" }).waitFor();
    expect(smtp.received).toHaveLength(12);
    await page.close();
  });
});
