/**
 * Writes a migration for the changes made to prisma/schema.prisma since the last migration:
 *   npm run db:migration -- add_something
 * `prisma migrate dev` needs a shadow database the JS engine cannot make, so this diffs the
 * schema as it was at the last commit that changed prisma/migrations against the schema now.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- short_name");
  process.exit(2);
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const lastMigrationCommit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
const previous = path.join(os.tmpdir(), `candor-previous-schema-${process.pid}.prisma`);
fs.writeFileSync(previous, git("show", `${lastMigrationCommit}:prisma/schema.prisma`));

const sql = execFileSync(
  process.execPath,
  [
    "node_modules/prisma/build/index.js",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
);
fs.rmSync(previous);

if (!/\b(CREATE|ALTER|DROP|INSERT)\b/.test(sql)) {
  console.log("The schema has no changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(
  `Wrote ${dir}/migration.sql. Check it (Response, Answer and Tally must stay WITHOUT ROWID), then run npm start.`,
);
