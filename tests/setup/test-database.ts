/**
 * Runs before each test file: gives the file its own copy of the migrated template database
 * (a real SQLite file, no mocks) and settings for a test run.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const dir = path.resolve("tmp/test-db");
const file = path.join(dir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}.db`);
fs.copyFileSync(path.join(dir, "template.db"), file);

process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-secret-that-is-long-enough-for-zod-0123456789";
process.env.INVITATION_KEY = "test-invitation-key-that-is-long-enough-0123456789";
process.env.SEED_DEMO = "false";
process.env.SCHEDULER = "false";
process.env.NODE_ENV = "test";

afterAll(async () => {
  const { prisma, sqlite } = await import("~/utils/db.server");
  await prisma.$disconnect();
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
