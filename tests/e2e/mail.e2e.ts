import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO, signIn } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("mail");
const { makeDepartment, makePerson, makeRole, makeUser } = await import("../support/fixtures");
const { launchOpenRound } = await import("../support/launch");
const { startServer } = await import("../support/server");
const { startSmtpSink } = await import("../support/smtp");

const ADMIN = { email: "hr.mail@company.example", password: "mail-e2e-password" };
const smtp = await startSmtpSink();
let roundId: string;

const app = useOwnServer(async () => {
  await makeUser("ADMIN", "", { email: ADMIN.email, name: "Hanna Kowalska", password: ADMIN.password });
  const [support, agent] = [await makeDepartment("Support"), await makeRole("Agent")];
  for (let i = 0; i < 6; i++) await makePerson(support.id, agent.id);
  roundId = (await launchOpenRound({ name: "Support eNPS" })).id;
  // The scheduler sends queued reminders (and the server asked starts on them at once).
  return startServer({ databaseFile, env: { SMTP_URL: smtp.url, SCHEDULER: "true" } });
});

afterAll(async () => {
  await smtp.close();
});

describe("e-mail from a round's page", () => {
  it("without a mail server, offers the links CSV and no e-mail buttons that would only mint links", async () => {
    const baseUrl = inject("baseUrl");
    const page = await app.browser.newPage();
    await signIn(page, baseUrl, DEMO.email, DEMO.password);
    await page.goto(`${baseUrl}/hr/rounds`);
    await page.getByRole("row").filter({ hasText: "Open" }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Hand out the links" }).waitFor();
    for (const name of ["Send invitations by e-mail", "Send reminders"]) {
      const button = page.getByRole("button", { name, exact: true });
      await eventually(() => button.isDisabled(), name).toBe(true);
    }
    await eventually(() =>
      page.getByText("E-mail is not set up: no mail server is configured (SMTP_URL)").count(),
    ).toBe(1);
    await eventually(() => page.getByRole("button", { name: "Download links (CSV)" }).isEnabled()).toBe(true);
    await page.goto(`${baseUrl}/hr/outbox`);
    await eventually(() => page.getByText(/kept for the record only and will not be delivered later/).count()).toBe(1);
    await page.close();
  });

  it("with a mail server, says when reminders last went out and asks again before a second batch the same day", async () => {
    const page = await app.browser.newPage();
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/rounds/${roundId}`);
    const reminders = page.getByRole("region", { name: "Reminders" });
    await eventually(() => reminders.textContent()).toContain("None sent yet.");
    await reminders.getByRole("link", { name: "Send reminders…" }).click();
    await page.getByRole("form", { name: "Send reminders?" }).getByRole("button", { name: "Send reminders" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: "Reminders are going out to everyone who has not answered yet, in the background" })
      .waitFor();
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(6);
    await eventually(() => reminders.textContent()).toMatch(
      /Last sent \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC \(less than a minute ago\)\./,
    );

    await reminders.getByRole("link", { name: "Send reminders…" }).click();
    const again = page.getByRole("form", { name: "Send reminders again?" });
    await eventually(() => again.textContent()).toContain("Reminders already went out less than a minute ago.");
    await again.getByRole("button", { name: "Send reminders again" }).click();
    await page.getByRole("status").filter({ hasText: "Reminders are going out" }).waitFor();
    await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(12);
    await page.close();
  });
});
