/**
 * Other processes on the server's database (the import run from cron, a long backup, an
 * sqlite3 shell) never stop the server's event loop: better-sqlite3 waits synchronously, so any
 * wait for another process's lock must happen between turns of the loop, not inside SQLite.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma, sqlite, truncateWriteAheadLog, writeTransaction } from "~/utils/db.server";
import { holdReadSnapshot } from "../support/other-processes";

const file = () => process.env.DATABASE_URL!.slice("file:".length);
const walSize = () => fs.statSync(`${file()}-wal`, { throwIfNoEntry: false })?.size ?? 0;

/** Counts turns of the event loop (a 10 ms timer) until stopped. */
function countTurns() {
  let turns = 0;
  const timer = setInterval(() => turns++, 10);
  return {
    turns: () => turns,
    stop: () => clearInterval(timer),
  };
}

/** Another process that takes the write lock (BEGIN IMMEDIATE) and keeps it for `ms`. */
function holdWriteLock(ms: number) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { fileMustExist: true });
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('other process', 'holding')").run();
    console.log("holding");
    setTimeout(() => { db.exec("COMMIT"); db.close(); console.log("released"); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", script, file(), String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const holding = new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("holding")) resolve();
    }),
  );
  const released = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { holding, released };
}

const audit = (action: string) => prisma.auditLog.count({ where: { action } });

describe("a reader in another process holding a snapshot", () => {
  it("does not make the log checkpoint wait: it gives up at once, and empties the log once the reader leaves", async () => {
    await writeTransaction((db) =>
      db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('test', 'before reader')").run(),
    );
    await truncateWriteAheadLog();
    expect(walSize()).toBe(0);
    const reader = holdReadSnapshot(file(), 4_000);
    await reader.holding;
    // Written after the reader took its snapshot: the log cannot be emptied past it.
    await writeTransaction((db) =>
      db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('test', 'while reading')").run(),
    );
    expect(walSize()).toBeGreaterThan(0);
    const emptied = await truncateWriteAheadLog();
    // The reader still holds (had SQLite waited for it, the log would now be empty).
    expect(walSize()).toBeGreaterThan(0);
    expect(emptied).toBe(false);
    // Meanwhile answers are written and read as usual.
    await writeTransaction((db) =>
      db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('test', 'still writing')").run(),
    );
    expect(await audit("still writing")).toBe(1);

    await reader.released;
    await truncateWriteAheadLog();
    expect(walSize()).toBe(0);
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});

describe("a writer in another process holding the write lock", () => {
  it("makes a write transaction wait between turns of the event loop, then succeed", async () => {
    const other = holdWriteLock(1_500);
    await other.holding;
    const loop = countTurns();
    await writeTransaction((db) =>
      db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('test', 'after the other writer')").run(),
    );
    loop.stop();
    await other.released;
    expect(loop.turns()).toBeGreaterThan(0);
    expect(await audit("after the other writer")).toBe(1);
    expect(await audit("holding")).toBe(1);
  });

  it("makes a Prisma transaction that reads and then writes wait its turn too, then succeed", async () => {
    const other = holdWriteLock(1_500);
    await other.holding;
    const loop = countTurns();
    await prisma.$transaction(async (tx) => {
      const before = await tx.auditLog.count();
      await tx.auditLog.create({ data: { actorEmail: "test", action: "prisma after", details: String(before) } });
    });
    loop.stop();
    await other.released;
    expect(loop.turns()).toBeGreaterThan(0);
    expect(await audit("prisma after")).toBe(1);
  });

  it("makes a single Prisma write wait its turn too", async () => {
    const other = holdWriteLock(1_500);
    await other.holding;
    const loop = countTurns();
    await prisma.auditLog.create({ data: { actorEmail: "test", action: "single after" } });
    loop.stop();
    await other.released;
    expect(loop.turns()).toBeGreaterThan(0);
    expect(await audit("single after")).toBe(1);
  });
});
