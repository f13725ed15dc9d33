/**
 * Brings back a backup:
 *   npm run restore -- path/to/backup.db
 * Checks the backup first (a sound SQLite file holding Candor's tables at a migration this version
 * knows, none failed; see candor-database.ts) and refuses anything else, leaving the live
 * database untouched. Then keeps a copy of the current database next to it
 * (candor.db.before-restore-<time>), then copies the backup in with SQLite's backup API, so a
 * running server sees the restored data without a half-copied file. Migrations newer than the
 * backup are applied on the next start.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";
import { whyNotCandorDatabase } from "./candor-database";
import { integrityOf } from "./integrity";

async function main() {
  const source = process.argv[2];
  if (!source) {
    console.error("Usage: npm run restore -- path/to/backup.db");
    process.exitCode = 2;
    return;
  }
  const backup = path.resolve(source);
  if (!fs.existsSync(backup)) {
    console.error(`There is no file ${backup}.`);
    process.exitCode = 1;
    return;
  }
  let reason: string | null;
  try {
    reason = whyNotCandorDatabase(backup);
  } catch (error) {
    reason = (error as Error).message;
  }
  if (reason !== null) {
    console.error(`${backup} is not a sound Candor database (${reason}). Nothing was changed.`);
    process.exitCode = 1;
    return;
  }

  const live = databaseFile(resolveDatabaseUrl());
  fs.mkdirSync(path.dirname(live), { recursive: true });
  if (fs.existsSync(live)) {
    const safety = `${live}.before-restore-${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}Z`;
    const current = new Database(live, { fileMustExist: true });
    try {
      current.prepare("VACUUM INTO ?").run(safety);
    } finally {
      current.close();
    }
    console.log(`Kept the current database as ${safety}.`);
  }

  const from = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await from.backup(live);
  } finally {
    from.close();
  }
  const after = integrityOf(live);
  if (after !== "ok") {
    console.error(`The restored database failed its integrity check (${after}).`);
    process.exitCode = 1;
    return;
  }
  console.log(`Restored ${backup} into ${live} (integrity ok).`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
