/**
 * Reminders must not tell HR who has not answered (issue: reminders tell HR who has not
 * answered). HR can point someone's e-mail at a mailbox that refuses mail, and can time the
 * request that sends the reminders; neither may show anything about that person, or how many
 * are reminded. The mail server here refuses one address, as such a mailbox would.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startSmtpSink } from "../support/smtp";

/** The addresses the mail server refuses right now. */
let refuses: (address: string) => boolean = () => false;
const smtp = await startSmtpSink({ refuse: (address) => refuses(address) });
// Settings are read once, when the app's modules load: set the mail server before that.
process.env.SMTP_URL = smtp.url;
const roundPage = await import("~/routes/hr.rounds.$roundId._index");
const outbox = await import("~/routes/hr.outbox");
const { runScheduler } = await import("~/models/schedules.server");
const { runReminderJobs } = await import("~/models/reminders.server");
const { prisma } = await import("~/utils/db.server");
const { takeNotice } = await import("~/utils/notice.server");
const { makeOrg, makeUser } = await import("../support/fixtures");
const { call, makeRequest } = await import("../support/http");
const { launchOpenRound } = await import("../support/launch");
const { markAnswered } = await import("../support/rounds");

afterAll(() => smtp.close());
afterEach(() => {
  refuses = () => false;
});

const NOW = new Date();

/** A round of `people`, of whom `answered` have answered; the first person is the one HR watches. */
async function roundOf(people: number, answered: number) {
  const admin = await makeUser("ADMIN");
  const org = await makeOrg({ departments: 1, roles: 1, perCell: people });
  const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } }, NOW);
  await markAnswered(
    round.id,
    org.people.slice(people - answered).map((p) => p.id),
  );
  return { admin, round, people: org.people, victim: org.people[0] };
}

async function remind(admin: { id: string }, roundId: string) {
  const response = await call(
    roundPage.action,
    await makeRequest(`/hr/rounds/${roundId}`, { as: admin, form: { intent: "remind" } }),
    { roundId },
  );
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  const { notice } = await takeNotice(new Request("http://candor.test/", { headers: { Cookie: cookie } }));
  return { status: response.status, location: response.headers.get("Location"), notice, text: response.text };
}

/** Everything HR can read about a batch: its outbox rows and the round's page. */
async function whatHrSees(admin: { id: string }, roundId: string, outboxBefore: number) {
  const listed = await call(outbox.loader, await makeRequest("/hr/outbox", { as: admin }));
  const rows = (
    listed.data.messages as {
      id: number;
      kind: string;
      to: string;
      subject: string;
      body: string;
      sentAt: unknown;
      error: unknown;
    }[]
  )
    .filter((m) => m.id > outboxBefore)
    .map(({ kind, to, subject, body, sentAt, error }) => ({ kind, to, subject, body, sent: sentAt !== null, error }));
  const page = await call(roundPage.loader, await makeRequest(`/hr/rounds/${roundId}`, { as: admin }), { roundId });
  return { rows, lastReminder: page.data.lastReminder };
}

const lastOutboxId = async () => (await prisma.outboxMessage.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;
const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.some((to) => to.includes(address)));

describe("reminders with a mailbox that refuses mail", () => {
  it("look the same to HR whether or not the person behind it has answered", async () => {
    const seen = [];
    for (const victimAnswered of [false, true]) {
      const { admin, round, people, victim } = await roundOf(8, 2);
      if (victimAnswered) await markAnswered(round.id, [victim.id]);
      refuses = (address) => address === victim.email;
      const before = await lastOutboxId();
      const response = await remind(admin, round.id);
      await runReminderJobs({ retryPauseMs: 0 });
      const location = response.location?.replace(round.id, "ROUND");
      seen.push({ response: { ...response, location }, ...(await whatHrSees(admin, round.id, before)) });
      // The others did get their reminder: the batch went out.
      expect(mailTo(people[1].email).length).toBeGreaterThan(0);
    }
    expect(seen[1]).toEqual(seen[0]);
    // One row for the batch, sent, with no error and no recipient.
    expect(seen[0].rows).toEqual([
      expect.objectContaining({
        kind: "REMINDER",
        to: "everyone who had not answered yet (not listed)",
        sent: true,
        error: null,
      }),
    ]);
  });

  it("try a refused address again within the batch, and still record nothing about it", async () => {
    const { admin, round, victim } = await roundOf(6, 0);
    let refusals = 0;
    // Refused once (a full mailbox, a greylisting server), then taken.
    refuses = (address) => address === victim.email && refusals++ === 0;
    const before = await lastOutboxId();
    await remind(admin, round.id);
    await runReminderJobs({ retryPauseMs: 0 });
    expect(refusals).toBe(2);
    expect(mailTo(victim.email)).toHaveLength(1);
    const { rows } = await whatHrSees(admin, round.id, before);
    expect(rows).toEqual([expect.objectContaining({ kind: "REMINDER", error: null })]);
  });
});

describe("the reminder request", () => {
  it("answers at once with the same words whatever the number reminded, and sends nothing itself", async () => {
    const answers = [];
    for (const [people, answered] of [
      [6, 5],
      [30, 0],
    ]) {
      const { admin, round } = await roundOf(people, answered);
      const mailsBefore = smtp.received.length;
      const tokensBefore = await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } });
      const response = await remind(admin, round.id);
      // Nothing per person happened in the request: no link made, no mail sent.
      expect(smtp.received.length).toBe(mailsBefore);
      expect(await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } })).toBe(tokensBefore);
      answers.push({ ...response, location: response.location?.replace(round.id, "ROUND") });

      await runScheduler();
      expect(smtp.received.length - mailsBefore).toBe(people - answered);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0].status).toBe(302);
    expect(answers[0].notice).toBe(
      "Reminders are going out to everyone who has not answered yet, in the background, within a few minutes. Nobody, you included, learns who they are or how many.",
    );
  });
});

describe("a batch of reminders", () => {
  it("goes out after a restart when the server died while sending it, and only once otherwise", async () => {
    const { admin, round, people } = await roundOf(5, 0);
    await remind(admin, round.id);
    // The server took the batch and died before finishing it.
    await prisma.reminderJob.updateMany({
      where: { roundId: round.id },
      data: { claimedAt: new Date(Date.now() - 60 * 60 * 1000) },
    });
    const before = smtp.received.length;
    await runScheduler();
    expect(smtp.received.length - before).toBe(5);
    await runScheduler();
    expect(smtp.received.length - before).toBe(5);
    for (const person of people) expect(mailTo(person.email).length).toBeGreaterThan(0);
    expect(await prisma.reminderJob.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("is left alone while another worker is sending it", async () => {
    const { admin, round } = await roundOf(5, 0);
    await remind(admin, round.id);
    await prisma.reminderJob.updateMany({ where: { roundId: round.id }, data: { claimedAt: new Date() } });
    const before = smtp.received.length;
    await runScheduler();
    expect(smtp.received.length).toBe(before);
  });
});
