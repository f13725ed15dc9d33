/**
 * Other programs working on a running server's database, as an operator's machine has them: the
 * import command run from cron, and a reader (a long backup, an sqlite3 shell) holding a read
 * snapshot open.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npm run import-people -- file` (as its script does) against the database, in its own process. */
export function runImportCli(databaseFile: string, csvFile: string): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/import-people.ts", csvFile], {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (status) => resolve({ status, stdout, stderr, ms: performance.now() - started }));
  });
}

/** Writes an HR export of `count` people (`prefix`0@import.example, ...) over a few departments and roles. */
export function writePeopleCsv(dir: string, name: string, count: number, prefix = "imported"): string {
  fs.mkdirSync(dir, { recursive: true });
  const lines = ["email,name,department,role"];
  for (let i = 0; i < count; i++) {
    lines.push(`${prefix}${i}@import.example,Imported Person ${i},Imported ${i % 7},Imported role ${i % 5}`);
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

export interface HeldReader {
  /** Resolves once the other process holds its read snapshot. */
  holding: Promise<void>;
  /** Resolves once it has ended the read transaction and closed the database. */
  released: Promise<void>;
  /** Whether it has let go yet. */
  hasReleased: () => boolean;
}

/**
 * Another process that opens the database, starts a read transaction, reads (which fixes its
 * snapshot, so the write-ahead log cannot be reset past it), holds it for `ms`, then lets go.
 */
export function holdReadSnapshot(databaseFile: string, ms: number): HeldReader {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { fileMustExist: true });
    db.exec("BEGIN");
    db.prepare("SELECT COUNT(*) AS n FROM Response").get();
    console.log("holding");
    setTimeout(() => { db.exec("COMMIT"); db.close(); console.log("released"); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", script, databaseFile, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let released = false;
  let out = "";
  let onHolding!: () => void;
  let onReleased!: () => void;
  const holding = new Promise<void>((resolve) => (onHolding = resolve));
  const done = new Promise<void>((resolve) => (onReleased = resolve));
  child.stdout.on("data", (chunk) => {
    out += chunk;
    if (out.includes("holding")) onHolding();
    if (out.includes("released")) {
      released = true;
      onReleased();
    }
  });
  child.on("exit", () => {
    released = true;
    onHolding();
    onReleased();
  });
  return { holding, released: done, hasReleased: () => released };
}
