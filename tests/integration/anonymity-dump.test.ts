/**
 * Anonymity rules 1, 2 and 8 as a reviewer with a copy of the database would check them: after
 * real submissions, nothing in any table links a response to a person or an invitation.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { submitByToken } from "~/models/answering.server";
import { databaseFile } from "~/utils/database-url";
import { sqlite, truncateWriteAheadLog } from "~/utils/db.server";
import { makeDepartment, makePerson, makeRole } from "../support/fixtures";
import { inviteWithTokens, makeRound } from "../support/rounds";

const columnsOf = (table: string) =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
const tables = () =>
  (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
const foreignKeys = (table: string) =>
  sqlite.prepare(`SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list('${table}')`).all() as {
    target: string;
    column: string;
  }[];

async function answeredRound() {
  const [d, r] = [await makeDepartment(), await makeRole()];
  const people = await Promise.all(Array.from({ length: 6 }, () => makePerson(d.id, r.id)));
  const round = await makeRound({ state: "open" });
  const tokens = await inviteWithTokens(round, people);
  for (const [i, token] of tokens.entries()) {
    expect(
      await submitByToken(token, [
        { questionId: round.survey.questions.nps, type: "NPS", value: i },
        { questionId: round.survey.questions.why, type: "TEXT", text: `reason ${i}` },
      ]),
    ).toBe("saved");
  }
  return { round, tokens, people };
}

describe("a dump of the database", () => {
  it("has no column or key from a response, answer or tally to a person, invitation or token", async () => {
    await answeredRound();
    for (const table of ["Response", "Answer", "Tally"]) {
      const columns = columnsOf(table).map((c) => c.toLowerCase());
      expect(
        columns.filter((c) => /person|invitation|token|email|user|actor|at$|time|date/.test(c)),
        table,
      ).toEqual([]);
      expect(
        foreignKeys(table)
          .map((fk) => fk.target)
          .filter((t) => ["Person", "Invitation", "InvitationToken", "User"].includes(t)),
      ).toEqual([]);
    }
    // And nothing points back at a response from the people side.
    for (const table of tables()) {
      expect(
        foreignKeys(table).filter((fk) => fk.target === "Response" && table !== "Answer"),
        table,
      ).toEqual([]);
    }
  });

  it("keeps no time on invitations or responses, so no timestamp can pair them", async () => {
    await answeredRound();
    for (const table of ["Invitation", "InvitationToken", "Response", "Answer", "Tally"]) {
      const timeColumns = columnsOf(table).filter((c) => /at$|time|date|day|updated|created/i.test(c));
      expect(timeColumns, table).toEqual([]);
    }
  });

  it("stores responses in random-key order with no rowid, so storage order does not follow answer order", async () => {
    const { round } = await answeredRound();
    for (const table of ["Response", "Answer", "Tally"]) {
      const definition = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string })
        .sql;
      expect(definition, table).toMatch(/WITHOUT ROWID/);
    }
    const stored = sqlite.prepare("SELECT id, score FROM Response WHERE roundId = ?").all(round.id) as {
      id: string;
      score: number;
    }[];
    expect(stored.map((r) => r.id)).toEqual([...stored.map((r) => r.id)].sort());
    for (const row of stored)
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("holds no plain token anywhere, only SHA-256 hashes", async () => {
    const { tokens } = await answeredRound();
    const everything = tables()
      .flatMap((table) => sqlite.prepare(`SELECT * FROM "${table}"`).all())
      .map((row) => JSON.stringify(row))
      .join("\n");
    for (const token of tokens) expect(everything).not.toContain(token);
    const hashes = (sqlite.prepare("SELECT tokenHash FROM InvitationToken").all() as { tokenHash: string }[]).map(
      (t) => t.tokenHash,
    );
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps nothing about answering on an invitation, only a marker that names no invitation", async () => {
    const { round } = await answeredRound();
    const invitation = sqlite.prepare("SELECT * FROM Invitation WHERE roundId = ? LIMIT 1").get(round.id) as Record<
      string,
      unknown
    >;
    expect(Object.keys(invitation).sort()).toEqual([
      "addedBeforeLaunch",
      "departmentId",
      "id",
      "personId",
      "roleId",
      "roundId",
    ]);
    expect(columnsOf("SpentInvitation")).toEqual(["marker"]);
    expect(foreignKeys("SpentInvitation")).toEqual([]);
    const invitationIds = (
      sqlite.prepare("SELECT id FROM Invitation WHERE roundId = ?").all(round.id) as { id: string }[]
    ).map((i) => i.id);
    const markers = (sqlite.prepare("SELECT marker FROM SpentInvitation").all() as { marker: string }[]).map(
      (m) => m.marker,
    );
    expect(markers.length).toBeGreaterThanOrEqual(invitationIds.length);
    for (const marker of markers) {
      expect(marker).toMatch(/^[0-9a-f]{64}$/);
      for (const id of [...invitationIds, round.id]) expect(marker).not.toContain(id);
    }
  });
});

describe("the write-ahead log", () => {
  it("is emptied, so a copy of the files does not keep the order invitations were used and answers written", async () => {
    await answeredRound();
    const log = `${databaseFile()}-wal`;
    expect(fs.statSync(log).size).toBeGreaterThan(0);
    await truncateWriteAheadLog();
    expect(fs.statSync(log).size).toBe(0);
  });
});
