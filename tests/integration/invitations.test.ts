import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { mintLinksForDownload, REMINDER_KEPT_TO, sendInvitations, sendReminders } from "~/models/invitations.server";
import { databaseFile } from "~/utils/database-url";
import { prisma, sqlite } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { makeOrg } from "../support/fixtures";
import { DAY, launchOpenRound } from "../support/launch";

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
    await prisma.invitation.updateMany({ where: { roundId: round.id, personId: people[0].id }, data: { used: true } });
    const { rows } = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    expect(rows).toHaveLength(3);
  });

  it("leaves no plain token anywhere in the database file", async () => {
    const { round } = await roundFor(4);
    const downloaded = await mintLinksForDownload(COMMAND_LINE, round.id, ORIGIN);
    await sendInvitations(COMMAND_LINE, round.id, ORIGIN);
    await sendReminders(COMMAND_LINE, round.id, ORIGIN);
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

describe("reminders", () => {
  it("go only to unused invitations, with fresh links, and keep no list of who got one", async () => {
    const { round, people } = await roundFor(8);
    const answered = people.slice(0, 2);
    await prisma.invitation.updateMany({
      where: { roundId: round.id, personId: { in: answered.map((p) => p.id) } },
      data: { used: true },
    });
    const outboxBefore = await prisma.outboxMessage.count();

    const result = await sendReminders(COMMAND_LINE, round.id, ORIGIN);

    // The batch is kept once, so the outbox does not show how many have not answered.
    expect(result.kept).toBe(1);
    // Two have answered, fewer than k = 5: the number of reminders would tell that, so it is withheld.
    expect(result.reminded).toBeNull();
    const tokens = await prisma.invitationToken.findMany({
      where: { invitation: { roundId: round.id } },
      select: { invitation: { select: { used: true } } },
    });
    expect(tokens).toHaveLength(6);
    expect(tokens.every((t) => !t.invitation.used)).toBe(true);

    const kept = await prisma.outboxMessage.findMany({ where: { id: { gt: outboxBefore } } });
    expect(kept).toHaveLength(1);
    for (const message of kept) {
      expect(message).toMatchObject({ kind: "REMINDER", to: REMINDER_KEPT_TO });
      expect(message.body).toContain("[personal link]");
    }
    // No e-mail, name or id of an invited person is kept with the reminders, the audit log or the round.
    const traces = JSON.stringify({
      kept,
      audit: await prisma.auditLog.findMany({ where: { action: "round.remind" } }),
      round: await prisma.round.findUniqueOrThrow({ where: { id: round.id } }),
    });
    for (const person of people) {
      for (const identity of [person.email, person.name, person.id]) expect(traces).not.toContain(identity);
    }
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.remindersSent).toBe(1);
    expect(stored.lastReminderAt).not.toBeNull();
  });

  it("say how many went out when that tells nothing about fewer than k", async () => {
    const { round, people } = await roundFor(8);
    expect((await sendReminders(COMMAND_LINE, round.id, ORIGIN)).reminded).toBe(8);
    await prisma.invitation.updateMany({
      where: { roundId: round.id, personId: { in: people.slice(0, 5).map((p) => p.id) } },
      data: { used: true },
    });
    expect((await sendReminders(COMMAND_LINE, round.id, ORIGIN)).reminded).toBe(3);
  });

  it("wait until the round opens, and stop when it closes", async () => {
    const now = new Date();
    const { round } = await roundFor(1, {
      opensAt: new Date(now.getTime() + DAY),
      closesAt: new Date(now.getTime() + 3 * DAY),
    });
    await expect(sendReminders(COMMAND_LINE, round.id, ORIGIN)).rejects.toThrow(
      "This round has not opened yet; reminders can go out once it is open.",
    );
    await prisma.round.update({
      where: { id: round.id },
      data: { opensAt: new Date(now.getTime() - 2 * DAY), closesAt: new Date(now.getTime() - DAY) },
    });
    await expect(sendReminders(COMMAND_LINE, round.id, ORIGIN)).rejects.toThrow(
      "This round is closed; its links no longer work.",
    );
    expect(await tokenCount(round.id)).toBe(0);
  });
});
