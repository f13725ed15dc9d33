/**
 * What someone with a copy of the database files learns about who answered what (issue: a copy
 * of the database links answers to people). They read the files byte by byte: the write-ahead
 * log commit by commit, and the order in which rows lie in the pages.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { seededRandom } from "~/domain/seeded-random";
import { submitByToken } from "~/models/answering.server";
import { COMMAND_LINE } from "~/models/audit.server";
import { closeRoundEarly } from "~/models/rounds.server";
import { databaseFile } from "~/utils/database-url";
import { prisma, sqlite, truncateWriteAheadLog } from "~/utils/db.server";
import { makeOrg } from "../support/fixtures";
import { inviteWithTokens, makeRound } from "../support/rounds";
import {
  agreement,
  liesInKeyOrder,
  pageLayouts,
  physicalOrder,
  pooledAgreement,
  walFrames,
} from "../support/sqlite-files";

const dir = path.resolve("tmp/test-db", `copies-${crypto.randomUUID()}`);
fs.mkdirSync(dir, { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const live = () => databaseFile(process.env.DATABASE_URL);

/** A round of `perCell` people in each of 2 x 2 cells, everyone with a personal link. */
async function invitedRound(perCell: number) {
  const org = await makeOrg({ departments: 2, roles: 2, perCell });
  const round = await makeRound({ state: "open", k: 3 });
  const tokens = await inviteWithTokens(round, org.people);
  const invitations = await prisma.invitation.findMany({
    where: { roundId: round.id },
    select: { id: true, personId: true, tokens: { select: { tokenHash: true } } },
  });
  return { round, org, tokens, invitations };
}

function answersFor(round: Awaited<ReturnType<typeof makeRound>>, i: number) {
  return [
    { questionId: round.survey.questions.nps, type: "NPS" as const, value: (i * 7) % 11 },
    { questionId: round.survey.questions.why, type: "TEXT" as const, text: `answer number ${i}` },
    { questionId: round.survey.questions.rating, type: "RATING" as const, value: 1 + (i % 5) },
  ];
}

function snapshot(file: string, wal: string | null, label: string) {
  const copy = path.join(dir, `${label}.db`);
  fs.copyFileSync(file, copy);
  if (wal) fs.copyFileSync(wal, `${copy}-wal`);
  return copy;
}

function rowsOf(file: string, table: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all());
  } finally {
    db.close();
  }
}

const responseIds = (roundId: string) =>
  (sqlite.prepare("SELECT id FROM Response WHERE roundId = ?").all(roundId) as { id: string }[]).map((r) => r.id);

describe("a copy of the database and its write-ahead log, taken after every answer", () => {
  it("holds nothing in any commit that ties an answer to an invitation or a person", async () => {
    const { round, org, tokens, invitations } = await invitedRound(3);
    const file = live();
    // No checkpoint while answers come in: every commit stays in the log, as in the worst copy.
    sqlite.pragma("wal_autocheckpoint = 0");
    await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
    await truncateWriteAheadLog();
    const before = snapshot(file, `${file}-wal`, "before");

    const identities = [
      ...invitations.flatMap((i) => [i.id, ...i.tokens.map((t) => t.tokenHash)]),
      ...org.people.flatMap((p) => [p.id, p.email, p.name]),
    ];
    let seen = 0;
    const answered: string[] = [];
    for (const [i, token] of tokens.entries()) {
      expect(await submitByToken(token, answersFor(round, i))).toBe("saved");
      const wal = fs.readFileSync(`${file}-wal`);
      const commit = Buffer.concat(
        walFrames(wal.subarray(0))
          .slice(seen)
          .map((frame) => frame.page),
      );
      seen = walFrames(wal).length;
      const added = responseIds(round.id).filter((id) => !answered.includes(id));
      expect(added).toHaveLength(1);
      answered.push(added[0]);

      // The commit carries the answer (the scan sees what was written)...
      expect(commit.includes(Buffer.from(added[0]))).toBe(true);
      // ...and no page of it names an invitation, a link or a person.
      for (const identity of identities) expect(commit.includes(Buffer.from(identity)), identity).toBe(false);

      const copy = snapshot(file, `${file}-wal`, `after-${i}`);
      for (const table of ["Invitation", "InvitationToken", "Person"]) {
        expect(rowsOf(copy, table), `${table} after answer ${i}`).toBe(rowsOf(before, table));
      }
    }
    sqlite.pragma("wal_autocheckpoint = 1000");
    await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000");
  });
});

const ORDERED_TABLES = ["Response", "Response_roundId_departmentId_roleId_idx", "Answer", "Tally", "SpentInvitation"];

async function answeredInArrivalOrder() {
  const { round, tokens } = await invitedRound(12);
  // People answer in no particular order of department and role.
  const random = seededRandom(7);
  const shuffled = tokens.map((token) => ({ token, at: random() })).sort((a, b) => a.at - b.at);
  const arrival: string[] = [];
  for (const [i, { token }] of shuffled.entries()) {
    expect(await submitByToken(token, answersFor(round, i))).toBe("saved");
    arrival.push(responseIds(round.id).find((id) => !arrival.includes(id))!);
  }
  await truncateWriteAheadLog();
  return { round, arrival };
}

const tablesIn = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = new Set(
      (db.prepare("SELECT name FROM sqlite_master").all() as { name: string }[]).map((r) => r.name),
    );
    return ORDERED_TABLES.filter((name) => names.has(name));
  } finally {
    db.close();
  }
};

describe("the order rows lie in the database file", () => {
  it("follows the order answers came in while a round is open, and keeps no trace of it once it closes", async () => {
    const { round, arrival } = await answeredInArrivalOrder();
    // While the round is open, the pages show the order answers came in: the attack works.
    const open = physicalOrder(live(), arrival, 8);
    expect(open.length).toBeGreaterThan(0);
    expect(Math.max(...open.map((order) => agreement(order, arrival)))).toBeGreaterThan(0.8);

    await closeRoundEarly(COMMAND_LINE, round.id);
    await truncateWriteAheadLog();

    const layouts = pageLayouts(live(), tablesIn(live()));
    expect(new Set(layouts.map((l) => l.table))).toEqual(new Set(tablesIn(live())));
    for (const layout of layouts)
      expect(liesInKeyOrder(layout.offsets), `${layout.table} page ${layout.pageno}`).toBe(true);
    // Unrelated orders agree on about half the pairs; over all pages of 48 answers, 0.7 is
    // several standard deviations away, so only a kept order gets there.
    expect(pooledAgreement(physicalOrder(live(), arrival, 12), arrival)).toBeLessThan(0.7);
  });

  it("keeps no trace of it in a backup, even of a round still open", async () => {
    const { arrival } = await answeredInArrivalOrder();
    const backup = path.join(dir, "backup.db");
    const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/backup.ts", backup], {
      env: { ...process.env, DATABASE_URL: `file:${live()}` },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    for (const layout of pageLayouts(backup, tablesIn(backup))) {
      expect(liesInKeyOrder(layout.offsets), `${layout.table} page ${layout.pageno}`).toBe(true);
    }
    expect(pooledAgreement(physicalOrder(backup, arrival, 12), arrival)).toBeLessThan(0.7);
  });

  it("overwrites what is deleted instead of leaving it in free pages", () => {
    expect(sqlite.pragma("secure_delete", { simple: true })).toBe(1);
  });
});
