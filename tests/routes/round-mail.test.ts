/**
 * Invitations and reminders with a mail server set up (a local SMTP sink): they are delivered,
 * the round page says when reminders last went out, and sending them again within a day needs
 * a second confirmation.
 */
import { afterAll, describe, expect, it } from "vitest";
import { bodyOf, startSmtpSink } from "../support/smtp";

const smtp = await startSmtpSink();
// Settings are read once, when the app's modules load: set the mail server before that.
process.env.SMTP_URL = smtp.url;
const roundPage = await import("~/routes/hr.rounds.$roundId._index");
const outbox = await import("~/routes/hr.outbox");
const { prisma } = await import("~/utils/db.server");
const { makeOrg, makeUser } = await import("../support/fixtures");
const { call, makeRequest } = await import("../support/http");
const { launchOpenRound } = await import("../support/launch");
const { runReminderJobs } = await import("~/models/reminders.server");

afterAll(() => smtp.close());

async function setting() {
  const admin = await makeUser("ADMIN");
  const org = await makeOrg({ departments: 1, roles: 1, perCell: 6 });
  const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
  const post = async (form: Record<string, string>) =>
    call(roundPage.action, await makeRequest(`/hr/rounds/${round.id}`, { as: admin, form }), { roundId: round.id });
  const page = async (query = "") =>
    call(roundPage.loader, await makeRequest(`/hr/rounds/${round.id}${query}`, { as: admin }), { roundId: round.id });
  return { admin, org, round, post, page };
}

describe("e-mail with a mail server", () => {
  it("delivers invitations, each with a working personal link, and the outbox shows them sent", async () => {
    const { admin, org, post, page } = await setting();
    expect((await page("?confirm=invite")).data).toMatchObject({ mailConfigured: true, confirm: "invite" });
    const before = smtp.received.length;
    const sent = await post({ intent: "invite" });
    expect(sent.status).toBe(302);
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => m.to[0].replace(/[<>]/g, "")).sort()).toEqual(org.people.map((p) => p.email).sort());
    for (const mail of mails) expect(bodyOf(mail)).toMatch(/http:\/\/candor\.test\/a\/[A-Za-z0-9_-]{43}/);
    const listed = await call(outbox.loader, await makeRequest("/hr/outbox", { as: admin }));
    expect(listed.data.mailConfigured).toBe(true);
    expect(listed.data.messages.filter((m: { kind: string }) => m.kind === "INVITATION")).toHaveLength(6);
    for (const message of listed.data.messages) expect(message.sentAt).not.toBeNull();
  });

  it("says when reminders last went out, and asks again before sending more within a day", async () => {
    const { post, page, round } = await setting();
    expect((await page()).data.lastReminder).toBeNull();
    expect((await page("?confirm=remind")).data.confirm).toBe("remind");
    const before = smtp.received.length;
    expect((await post({ intent: "remind" })).status).toBe(302);
    await runReminderJobs();
    expect(smtp.received.length - before).toBe(6);

    const after = await page("?confirm=remind");
    expect(after.data.lastReminder).toEqual({ ago: "less than a minute ago", recent: true });
    expect(after.data.confirm).toBe("remind");

    // A second batch the same day needs the second "yes" the confirmation carries.
    const refused = await post({ intent: "remind" });
    expect(refused.status).toBe(409);
    expect(refused.text).toBe(
      "Reminders went out less than a minute ago. Nothing was sent: open the round again and confirm to send them once more.",
    );
    expect(smtp.received.length - before).toBe(6);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).remindersSent).toBe(1);

    expect((await post({ intent: "remind", again: "yes" })).status).toBe(302);
    await runReminderJobs();
    expect(smtp.received.length - before).toBe(12);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).remindersSent).toBe(2);
  });

  it("sends reminders without asking twice once a day has passed", async () => {
    const { post, page, round } = await setting();
    await prisma.round.update({
      where: { id: round.id },
      data: { lastReminderAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    expect((await page()).data.lastReminder).toEqual({ ago: "25 hours ago", recent: false });
    expect((await post({ intent: "remind" })).status).toBe(302);
  });
});
