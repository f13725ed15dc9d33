import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, resolveDatabaseUrl } from "~/utils/database-url";

/**
 * Brings the database up to the latest migration (creating the file if needed). Prisma's own
 * output is shown only when something goes wrong, so the console stays readable.
 */
export function applyMigrations(): void {
  const url = resolveDatabaseUrl();
  fs.mkdirSync(path.dirname(databaseFile(url)), { recursive: true });
  const prismaCli = path.join(process.cwd(), "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error("The database migrations could not be applied (see above).");
  }
}
