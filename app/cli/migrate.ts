import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";

const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");

/** Migrations in prisma/migrations that the database has not applied yet. */
export function pendingMigrations(file: string): string[] {
  const all = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  if (!fs.existsSync(file)) return all;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return all;
    const applied = new Set(
      (
        db
          .prepare(
            "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
          .all() as {
          migration_name: string;
        }[]
      ).map((row) => row.migration_name),
    );
    return all.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * Brings the database up to the latest migration (creating the file if needed) with
 * `prisma migrate deploy`. That command needs the database to itself, so it only runs when a
 * migration is pending; an up-to-date database starts even while a command-line tool has it
 * open. Prisma's output is shown only when something goes wrong.
 */
export function applyMigrations(): void {
  const url = resolveDatabaseUrl();
  const file = databaseFile(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (pendingMigrations(file).length === 0) return;
  const prismaCli = path.join(process.cwd(), "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error(
      "The database migrations could not be applied (see above). Stop other programs using the database and try again.",
    );
  }
}
