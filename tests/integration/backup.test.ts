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

  /** The live database's files byte for byte (a missing log reads as an empty one), its users, and the safety copies next to it. */
  const liveState = () => ({
    files: ["", "-wal"].map((suffix) =>
      crypto
        .createHash("sha256")
        .update(fs.existsSync(live + suffix) ? fs.readFileSync(live + suffix) : Buffer.alloc(0))
        .digest("hex"),
    ),
    safetyCopies: fs.readdirSync(dir).filter((name) => name.startsWith("candor.db.before-restore-")).length,
    users: count(live, "SELECT COUNT(*) AS n FROM User"),
  });

  /** A fresh backup of the live database, changed by `change` with a plain connection. */
  function alteredCopy(name: string, change: (db: Database.Database) => void): string {
    const copy = path.join(dir, name);
    expect(cli("app/cli/backup.ts", [copy]).status).toBe(0);
    const db = new Database(copy);
    try {
      db.pragma("foreign_keys = OFF");
      change(db);
    } finally {
      db.close();
    }
    return copy;
  }

  const refusals: [string, () => string, RegExp][] = [
    [
      "an empty file",
      () => {
        const file = path.join(dir, "empty.db");
        fs.writeFileSync(file, "");
        return file;
      },
      /the file is empty/,
    ],
    [
      "a sound SQLite database of another program",
      () => {
        const file = path.join(dir, "other-program.db");
        const db = new Database(file);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
        db.close();
        return file;
      },
      /no migration history/,
    ],
    [
      "a Candor copy without its Response and Answer tables",
      () => alteredCopy("no-responses.db", (db) => db.exec("DROP TABLE Answer; DROP TABLE Response;")),
      /lacks the table\(s\) "Answer", "Response"/,
    ],
    [
      "a Candor copy with a table's column missing",
      () => alteredCopy("no-column.db", (db) => db.exec('ALTER TABLE "Person" DROP COLUMN "active";')),
      /the columns of "Person" are not the ones Candor makes/,
    ],
    [
      "a copy migrated by a version this one does not know",
      () =>
        alteredCopy("newer.db", (db) =>
          db
            .prepare(
              "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '2030-01-01', '20300101000000_from_the_future', '2030-01-01', 1)",
            )
            .run(),
        ),
      /does not know \(migration "20300101000000_from_the_future"\)/,
    ],
    [
      "a copy whose last migration failed",
      () =>
        alteredCopy("failed.db", (db) =>
          db.exec(
            "UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = (SELECT MAX(migration_name) FROM _prisma_migrations)",
          ),
        ),
      /failed or never finished/,
    ],
  ];

  it.each(refusals)("refuses %s with a plain message and exit 1, the live database untouched", (_, make, reason) => {
    const file = make();
    const before = liveState();
    const result = cli("app/cli/restore.ts", [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is not a sound Candor database");
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toContain("Nothing was changed.");
    expect(result.stdout).toBe("");
    expect(liveState()).toEqual(before);
  });

  it("restores a copy made by an earlier version (its migrations known, in order, none failed)", () => {
    const older = path.join(dir, "earlier-version.db");
    const db = new Database(older);
    const history = new Database(live, { readonly: true });
    const historyTable = history.prepare("SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'").get() as {
      sql: string;
    };
    history.close();
    db.exec(historyTable.sql);
    const names = fs
      .readdirSync("prisma/migrations")
      .filter((name) => fs.existsSync(path.join("prisma/migrations", name, "migration.sql")))
      .sort()
      .slice(0, -1);
    for (const name of names) {
      const sql = fs.readFileSync(path.join("prisma/migrations", name, "migration.sql"), "utf8");
      db.exec(sql);
      db.prepare(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, '2026-01-01', ?, '2026-01-01', 1)",
      ).run(crypto.randomUUID(), crypto.createHash("sha256").update(sql).digest("hex"), name);
    }
    db.close();
    const result = cli("app/cli/restore.ts", [older]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(count(live, "SELECT COUNT(*) AS n FROM _prisma_migrations")).toBe(names.length);
  });
});
