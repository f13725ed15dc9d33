import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

// The commands run as an operator runs them, against a database another process keeps writing.
const dir = path.resolve("tmp/test-db", `backup-${crypto.randomUUID()}`);
fs.mkdirSync(dir, { recursive: true });
const live = path.join(dir, "candor.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${live}` },
    encoding: "utf8",
  });
}

function count(file: string, sql = "SELECT COUNT(*) AS n FROM AuditLog"): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Another process writing rows, one short transaction after another, until stopped. */
function startWriter() {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000"); db.pragma("synchronous = FULL");
    const insert = db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('writer', 'tick')");
    const loop = () => { for (let i = 0; i < 20; i++) insert.run(); setImmediate(loop); };
    loop();
  `;
  return spawn(process.execPath, ["-e", script, live], { stdio: "ignore" });
}

describe("npm run backup and npm run restore", () => {
  it("copies a consistent database while writes go on, and checks the copy", async () => {
    cli("app/cli/create-user.ts", [
      "--email",
      "a@x.io",
      "--name",
      "A",
      "--role",
      "admin",
      "--password",
      "long enough password",
    ]);
    const writer = startWriter();
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const copy = path.join(dir, "during-writes.db");
      const result = cli("app/cli/backup.ts", [copy]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("integrity ok");
      const db = new Database(copy, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      expect(count(copy)).toBeGreaterThan(20);
      expect(count(copy, "SELECT COUNT(*) AS n FROM User")).toBe(1);
    } finally {
      writer.kill();
    }
  });

  it("keeps only the newest copies in the default folder", () => {
    for (let i = 0; i < 3; i++) {
      expect(cli("app/cli/backup.ts", ["--keep", "2"]).status).toBe(0);
      spawnSync("sleep", ["1.05"]);
    }
    expect(fs.readdirSync(path.join(dir, "backups"))).toHaveLength(2);
  });

  it("puts dated copies into a folder it is given, keeping the newest", () => {
    const folder = path.join(dir, "offsite");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "notes.txt"), "not a backup");
    for (let i = 0; i < 3; i++) {
      const result = cli("app/cli/backup.ts", [folder, "--keep", "2"]);
      expect(result.stderr).toBe("");
      spawnSync("sleep", ["1.05"]);
    }
    const copies = fs.readdirSync(folder).filter((name) => /^candor-\d{8}T\d{6}Z\.db$/.test(name));
    expect(copies).toHaveLength(2);
    expect(count(path.join(folder, copies[1]), "SELECT COUNT(*) AS n FROM User")).toBe(1);
    expect(fs.existsSync(path.join(folder, "notes.txt"))).toBe(true);
    expect(cli("app/cli/backup.ts", [path.join(dir, "new-folder") + "/"]).status).toBe(0);
    expect(fs.readdirSync(path.join(dir, "new-folder"))).toHaveLength(1);
  });

  it("restores a backup, keeping the database it replaces", () => {
    const copy = path.join(dir, "before-marker.db");
    expect(cli("app/cli/backup.ts", [copy]).status).toBe(0);
    const db = new Database(live);
    db.prepare("INSERT INTO AuditLog (actorEmail, action) VALUES ('after', 'marker')").run();
    db.close();
    const result = cli("app/cli/restore.ts", [copy]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("integrity ok");
    expect(count(live, "SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'marker'")).toBe(0);
    const safety = fs.readdirSync(dir).find((name) => name.startsWith("candor.db.before-restore-"))!;
    expect(count(path.join(dir, safety), "SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'marker'")).toBe(1);
  });

  it("refuses to restore a file that is not a sound database, changing nothing", () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not a database");
    const before = count(live);
    const result = cli("app/cli/restore.ts", [junk]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is not a sound Candor database");
    expect(count(live)).toBe(before);
  });
});
