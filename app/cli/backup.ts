/**
 * Writes a consistent copy of the database while Candor keeps running, and checks it:
 *   npm run backup [-- path/to/copy.db | path/to/folder/] [--keep N]
 * Without a path, or with a folder, the copy goes to candor-<UTC time>.db in that folder
 * (default data/backups/), and only the newest N copies there are kept (default 30). Uses SQLite's VACUUM INTO, which copies one consistent
 * snapshot even while answers are being written, never a half-written file, and writes it afresh in key
 * order: no backup keeps the order in which answers came in. The invitation key is not part of it.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";
import { integrityOf } from "./integrity";

function main() {
  const { values, positionals } = parseArgs({ options: { keep: { type: "string" } }, allowPositionals: true });
  const live = databaseFile(resolveDatabaseUrl());
  if (!fs.existsSync(live)) {
    console.error(`There is no database at ${live} to back up.`);
    process.exitCode = 1;
    return;
  }
  const keep = values.keep === undefined ? 30 : Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1) {
    console.error("--keep takes a whole number of copies, at least 1.");
    process.exitCode = 2;
    return;
  }
  const given = positionals[0];
  // A folder (one that exists, or a path ending in a slash) gets dated copies, like the default.
  const folder = !given
    ? path.join(path.dirname(live), "backups")
    : /[\\/]$/.test(given) || fs.statSync(given, { throwIfNoEntry: false })?.isDirectory()
      ? path.resolve(given)
      : null;
  const target = folder
    ? path.join(folder, `candor-${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}Z.db`)
    : path.resolve(given!);
  if (fs.existsSync(target)) {
    console.error(`${target} already exists; choose another name.`);
    process.exitCode = 1;
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const db = new Database(live, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  const check = integrityOf(target);
  if (check !== "ok") {
    fs.rmSync(target, { force: true });
    console.error(`The copy failed its integrity check (${check}); nothing was kept.`);
    process.exitCode = 1;
    return;
  }
  console.log(`Backed up to ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB, integrity ok).`);
  console.log("The invitation key is not in the copy: keep it apart from the backups (see README, INVITATION_KEY).");

  if (folder) {
    const old = fs
      .readdirSync(folder)
      .filter((name) => /^candor-\d{8}T\d{6}Z\.db$/.test(name))
      .sort()
      .slice(0, -keep);
    for (const name of old) fs.rmSync(path.join(folder, name));
    if (old.length > 0) console.log(`Removed ${old.length} older backup(s), keeping the newest ${keep}.`);
  }
}

main();
