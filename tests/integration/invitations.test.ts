import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { mintLinksForDownload, sendInvitations } from "~/models/invitations.server";
import type { CheckedMailer } from "~/models/outbox.server";
import {
  CLOSED_FIRST,
  queueReminders,
  REMINDER_KEPT_TO,
  runReminderJobs,
  SERVER_UNREACHABLE,
} from "~/models/reminders.server";
import { databaseFile } from "~/utils/database-url";
import { prisma, sqlite } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { makeOrg } from "../support/fixtures";
import { DAY, launchOpenRound } from "../support/launch";
import { markAnswered } from "../support/rounds";

const ORIGIN = "https://candor.example";

async function roundFor(people: number, overrides: Parameters<typeof launchOpenRound>[0] = {}) {
  const org = await makeOrg({ departments: 1, roles: 1, perCell: people });
  const round = await launchOpenRound({
    audience: { departmentIds: [org.departments[0].id], roleIds: [] },
    ...overrides,
  });
  return { round, people: org.people };
}

const tokenOf = (link: string) => link.slice(`${ORIGIN}/a/`.length);
const tokenCount = (roundId: string) => prisma.invitationToken.count({ where: { invitation: { roundId } } });

/** Everything SQLite has written for this test file: the database file and its write-ahead log. */
function databaseBytes(): string {
  sqlite.pragma("wal_checkpoint(PASSIVE)");
  const file = databaseFile(process.env.DATABASE_URL);
  return [file, `${file}-wal`]
    .filter((path) => fs.existsSync(path))
    .map((path) => fs.readFileSync(path).toString("latin1"))
    .join("");
}

describe("downloading personal links", () => {
  it("mints a new 256-bit token per invitation each time, storing only its SHA-256", async () => {
    const { round, people } = await roundFor(3);
    const first = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    expect(first.rows.map((r) => r.email).sort()).toEqual(people.map((p) => p.email).sort());
    for (const row of first.rows) expect(row.link).toMatch(/^https:\/\/candor\.example\/a\/[A-Za-z0-9_-]{43}$/);

    const second = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    const tokens = [...first.rows, ...second.rows].map((r) => tokenOf(r.link));
    expect(new Set(tokens).size).toBe(6);
    const stored = await prisma.invitationToken.findMany({
      where: { invitation: { roundId: round.id } },
      select: { tokenHash: true },
    });
    // Earlier links stay valid: both downloads' hashes are there, and nothing else.
    expect(stored.map((t) => t.tokenHash).sort()).toEqual(tokens.map(hashToken).sort());
    const audit = await prisma.auditLog.findMany({ where: { action: "round.links-download" } });
    expect(audit.map((a) => a.details)).toEqual(["3 links", "3 links"]);
  });

  it("lists used invitations too, so the file does not tell who has answered", async () => {
    const { round, people } = await roundFor(3);
    await markAnswered(round.id, [people[0].id]);
    const { rows } = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    expect(rows).toHaveLength(3);
  });

  it("leaves no plain token anywhere in the database file", async () => {
    const { round } = await roundFor(4);
    const downloaded = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    await sendInvitations(COMMAND_LINE, round.id, ORIGIN);
    const mailer = recordingMailer();
    await queueReminders(COMMAND_LINE, round.id, ORIGIN);
    await runReminderJobs({ mailer });
    expect(mailer.sent).toHaveLength(4);
    const bytes = databaseBytes();
    const tokens = downloaded.rows.map((r) => tokenOf(r.link));
    // The scan does see what was written: the hashes are there...
    for (const token of tokens) expect(bytes.includes(hashToken(token))).toBe(true);
    // ...and no token, neither these nor the e-mailed ones, nor any personal link at all.
    for (const token of tokens) expect(bytes.includes(token)).toBe(false);
    expect(bytes).not.toMatch(/\/a\/[A-Za-z0-9_-]{43}/);
    expect(await tokenCount(round.id)).toBe(12);
  });
});

describe("sending invitations", () => {
  it("mails everyone a fresh link and keeps the message without it", async () => {
    const { round, people } = await roundFor(2);
    const result = await sendInvitations(COMMAND_LINE, round.id, ORIGIN);
    expect(result).toEqual({ sent: 0, kept: 2, failed: 0 });
    const kept = await prisma.outboxMessage.findMany({
      where: { kind: "INVITATION", to: { in: people.map((p) => p.email) } },
    });
    expect(kept).toHaveLength(2);
    for (const message of kept) {
      expect(message.body).toContain("[personal link]");
      expect(message.body).not.toContain("/a/");
      expect(message.subject).toBe("Your anonymous survey: Test round");
    }
    expect(await tokenCount(round.id)).toBe(2);
  });

  it("refuses a closed round", async () => {
    const { round } = await roundFor(1);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(Date.now() - 1000) } });
    await expect(sendInvitations(COMMAND_LINE, round.id, ORIGIN)).rejects.toThrow(
      "This round is closed; its links no longer work.",
    );
  });
});

/** A mail server that takes every message and keeps them; `reachable: false` refuses to talk at all. */
function recordingMailer({ reachable = true } = {}) {
  const sent: { to: string; text: string }[] = [];
  const mailer = {
    sent,
    verify: async () => {
      if (!reachable) throw new Error("connect ECONNREFUSED 127.0.0.1:25");
      return true as const;
    },
    sendMail: async (mail: { to?: unknown; text?: unknown }) => {
      sent.push({ to: String(mail.to), text: String(mail.text) });
      return { messageId: "<m>" };
    },
  };
  return mailer as unknown as CheckedMailer & { sent: typeof sent };
}

describe("reminders", () => {
  it("go only to people who have not answered, with fresh links for everyone, and keep no list of who got one", async () => {
    const { round, people } = await roundFor(8);
    const answered = people.slice(0, 2);
    await markAnswered(
      round.id,
      answered.map((p) => p.id),
    );
    const outboxBefore = await prisma.outboxMessage.count();

    await queueReminders(COMMAND_LINE, round.id, ORIGIN);
    const mailer = recordingMailer();
    expect(await runReminderJobs({ mailer })).toBe(1);

    expect(mailer.sent.map((m) => m.to).sort()).toEqual(
      people
        .slice(2)
        .map((p) => p.email)
        .sort(),
    );
    for (const message of mailer.sent) expect(message.text).toMatch(/https:\/\/candor\.example\/a\/[A-Za-z0-9_-]{43}/);
    // Everyone got a fresh token, answered or not, so the token table does not show who was reminded.
    expect(await tokenCount(round.id)).toBe(8);

    // The batch is kept once, without recipients or their number.
    const kept = await prisma.outboxMessage.findMany({ where: { id: { gt: outboxBefore } } });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ kind: "REMINDER", to: REMINDER_KEPT_TO, error: null });
    expect(kept[0].body).toContain("[personal link]");
    // No e-mail, name or id of an invited person is kept with the reminders, the audit log or the round.
    const traces = JSON.stringify({
      kept,
      audit: await prisma.auditLog.findMany({ where: { action: "round.remind" } }),
      round: await prisma.round.findUniqueOrThrow({ where: { id: round.id } }),
      jobs: await prisma.reminderJob.findMany(),
    });
    for (const person of people) {
      for (const identity of [person.email, person.name, person.id]) expect(traces).not.toContain(identity);
    }
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.remindersSent).toBe(1);
    expect(stored.lastReminderAt).not.toBeNull();
    expect(await prisma.reminderJob.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("say the mail server could not be reached after three tries, the same whoever would have been reminded", async () => {
    const outcome = async (answeredAll: boolean) => {
      const { round, people } = await roundFor(5);
      if (answeredAll)
        await markAnswered(
          round.id,
          people.map((p) => p.id),
        );
      await queueReminders(COMMAND_LINE, round.id, ORIGIN);
      const mailer = recordingMailer({ reachable: false });
      const handled = [];
      for (let tick = 0; tick < 3; tick++) handled.push(await runReminderJobs({ mailer }));
      const row = await prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" }, select: { error: true } });
      return { handled, error: row.error, tokens: await tokenCount(round.id) };
    };
    const nobodyAnswered = await outcome(false);
    expect(nobodyAnswered).toEqual({ handled: [0, 0, 1], error: SERVER_UNREACHABLE, tokens: 0 });
    expect(await outcome(true)).toEqual(nobodyAnswered);
  });

  it("are not sent for a round that closed before they went out, and the batch says so", async () => {
    const { round } = await roundFor(3);
    await queueReminders(COMMAND_LINE, round.id, ORIGIN);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date() } });
    const mailer = recordingMailer();
    await runReminderJobs({ mailer });
    expect(mailer.sent).toEqual([]);
    const row = await prisma.outboxMessage.findFirstOrThrow({ orderBy: { id: "desc" }, select: { error: true } });
    expect(row.error).toBe(CLOSED_FIRST);
  });

  it("wait until the round opens, and stop when it closes", async () => {
    const now = new Date();
    const { round } = await roundFor(1, {
      opensAt: new Date(now.getTime() + DAY),
      closesAt: new Date(now.getTime() + 3 * DAY),
    });
    await expect(queueReminders(COMMAND_LINE, round.id, ORIGIN)).rejects.toThrow(
      "This round has not opened yet; reminders can go out once it is open.",
    );
    await prisma.round.update({
      where: { id: round.id },
      data: { opensAt: new Date(now.getTime() - 2 * DAY), closesAt: new Date(now.getTime() - DAY) },
    });
    await expect(queueReminders(COMMAND_LINE, round.id, ORIGIN)).rejects.toThrow(
      "This round is closed; its links no longer work.",
    );
    expect(await tokenCount(round.id)).toBe(0);
    expect(await prisma.reminderJob.count({ where: { roundId: round.id } })).toBe(0);
  });
});
