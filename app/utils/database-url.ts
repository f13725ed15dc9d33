import path from "node:path";

/**
 * The SQLite database every entry point uses (server, CLIs, Prisma's own CLI): DATABASE_URL
 * when set, else data/candor.db in the working folder. Relative `file:` paths are resolved
 * against the working folder, so the server and the Prisma CLI always open the same file.
 */
export function resolveDatabaseUrl(raw = process.env.DATABASE_URL): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : "file:./data/candor.db";
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  }
  const file = url.slice("file:".length);
  return `file:${path.resolve(process.cwd(), file)}`;
}

export function databaseFile(url = resolveDatabaseUrl()): string {
  return url.slice("file:".length);
}
