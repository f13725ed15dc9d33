import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFile, resolveDatabaseUrl } from "./app/utils/database-url";

// The JS engines: nothing is downloaded, so the CLI works offline.
process.env.DATABASE_URL = resolveDatabaseUrl();
fs.mkdirSync(path.dirname(databaseFile()), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: resolveDatabaseUrl() });
  },
});
