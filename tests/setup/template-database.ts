/**
 * Runs once per `vitest` run: applies the real migrations to a template database that every
 * test file then copies, so tests run on exactly the schema production runs on.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const TEST_DIR = path.resolve("tmp/test-db");
export const TEMPLATE = path.join(TEST_DIR, "template.db");

export default function setup() {
  fs.rmSync(TEST_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DIR, { recursive: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE}`, CHECKPOINT_DISABLE: "1" },
    stdio: "pipe",
  });
  return () => fs.rmSync(TEST_DIR, { recursive: true, force: true });
}
