/**
 * Lets a browser test prepare data with the app's own models in a database of its own, then
 * start a server on that file. Call `useDatabase` before anything imports the database module.
 */
import { applyMigrations } from "~/cli/migrate";
import { newDatabaseFile } from "../../support/server";

export function useDatabase(label: string): string {
  const file = newDatabaseFile(label);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.SESSION_SECRET ??= "e2e-secret-that-is-long-enough-0123456789abcdef";
  process.env.SCHEDULER = "false";
  applyMigrations();
  return file;
}
