/**
 * Whether a file is a sound Candor database at a migration this build knows, as restore needs
 * before it replaces the live database with it: a SQLite file (not empty), passing SQLite's own
 * integrity check, whose migration history lists only migrations of this build, applied in order,
 * none failed, and whose tables and columns are exactly those these migrations create.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");
const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function knownMigrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** Each table (Prisma's own history aside) with its columns, as "Table(col type, ...)". */
function tablesOf(db: Database.Database): Map<string, string> {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
  return new Map(
    names.map((name) => {
      const columns = db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid").all(name) as {
        name: string;
        type: string;
      }[];
      return [name, columns.map((c) => `${c.name} ${c.type}`).join(", ")];
    }),
  );
}

/** The tables and columns the first `count` migrations create. */
function expectedTables(migrations: Migration[]): Map<string, string> {
  const db = new Database(":memory:");
  try {
    for (const migration of migrations) db.exec(migration.sql);
    return tablesOf(db);
  } finally {
    db.close();
  }
}

const list = (names: string[]) => names.map((name) => `"${name}"`).join(", ");

/** Why `file` is not a Candor database this build can restore, or null when it is one. */
export function whyNotCandorDatabase(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return "there is no such file";
  if (stat.size === 0) return "the file is empty";
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) return "it is not an SQLite database file";

  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `SQLite cannot open it: ${(error as Error).message}`;
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .join("; ");
    } catch (error) {
      return `SQLite cannot read it: ${(error as Error).message}`;
    }
    if (integrity !== "ok") return `it fails SQLite's integrity check: ${integrity}`;

    const history = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!history) return "it has no migration history, so it is not a Candor database";
    const rows = db
      .prepare(
        "SELECT migration_name AS name, checksum, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations ORDER BY started_at, migration_name",
      )
      .all() as { name: string; checksum: string; finished: string | null; rolledBack: string | null }[];
    const failed = rows.filter((row) => row.finished === null && row.rolledBack === null);
    if (failed.length > 0) return `its migration ${list(failed.map((row) => row.name))} failed or never finished`;
    const applied = rows.filter((row) => row.finished !== null && row.rolledBack === null);
    if (applied.length === 0) return "no migration was ever applied to it, so it is not a Candor database";

    const known = knownMigrations();
    const byName = new Map(known.map((migration) => [migration.name, migration]));
    const unknown = applied.filter((row) => !byName.has(row.name));
    if (unknown.length > 0) {
      return `it was migrated by a version of Candor this one does not know (migration ${list(unknown.map((row) => row.name))}); restore it with that version or a newer one`;
    }
    const changed = applied.filter((row) => byName.get(row.name)!.checksum !== row.checksum);
    if (changed.length > 0) return `its migration ${list(changed.map((row) => row.name))} differs from this version's`;
    const appliedNames = new Set(applied.map((row) => row.name));
    const prefix = known.slice(0, appliedNames.size);
    if (appliedNames.size !== applied.length || !prefix.every((migration) => appliedNames.has(migration.name))) {
      return "its migrations were not applied in this version's order";
    }

    const expected = expectedTables(prefix);
    const actual = tablesOf(db);
    const missing = [...expected.keys()].filter((name) => !actual.has(name));
    if (missing.length > 0) return `it lacks the table(s) ${list(missing)}`;
    const extra = [...actual.keys()].filter((name) => !expected.has(name));
    if (extra.length > 0) return `it has table(s) Candor does not make: ${list(extra)}`;
    const altered = [...expected.keys()].filter((name) => expected.get(name) !== actual.get(name));
    if (altered.length > 0) return `the columns of ${list(altered)} are not the ones Candor makes`;
    return null;
  } finally {
    db.close();
  }
}
