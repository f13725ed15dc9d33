/**
 * The built server next to other programs on its database, as an operator's machine has them:
 * the nightly directory import run from cron while answers arrive, and a reader in another
 * process (a long backup, an sqlite3 shell) holding a read snapshot.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runSteadyLoad } from "../support/load";
import { prepareLoadDatabase } from "../support/load-data";
import { holdReadSnapshot, runImportCli, writePeopleCsv } from "../support/other-processes";
import { removeDatabaseFile, type RunningServer } from "../support/server";

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  for (const file of new Set(servers.map((server) => server.databaseFile))) removeDatabaseFile(file);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function peopleIn(file: string, like: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Person WHERE email LIKE ?").get(like) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("the directory import next to a running server", () => {
  it("succeeds every time while answers arrive, and every answer sent meanwhile is acknowledged and stored", async () => {
    const { db, startServer, answerEachLink } = await prepareLoadDatabase("reliability-import");
    const round = db.openRoundWithInvitations(20_000, { departments: 12, roles: 5 });
    const server = await startServer({ LOG_REQUESTS: "false" });
    servers.push(server);
    const dir = path.join(path.dirname(db.file), `import-${path.basename(db.file, ".db")}`);
    dirs.push(dir);

    let acknowledged = 0;
    const load = runSteadyLoad(
      server.url,
      10,
      20,
      answerEachLink(round),
      (_, status) => status === 302 && acknowledged++,
    );
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(await runImportCli(db.file, writePeopleCsv(dir, `one-${i}.csv`, 1, `single${i}-`)));
    runs.push(await runImportCli(db.file, writePeopleCsv(dir, "big.csv", 19_000)));
    const answers = await load.stop();

    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Imported .*: \d+ added/m);
    }
    expect(runs.at(-1)!.stdout).toContain("19000 added, 0 updated, 0 unchanged");
    expect(peopleIn(db.file, "single%")).toBe(5);
    expect(peopleIn(db.file, "imported%")).toBe(19_000);
    // Answers kept coming during the imports, and none was refused or lost.
    expect(answers.requests).toBeGreaterThan(100);
    expect([...answers.statuses.keys()]).toEqual([302]);
    expect(db.countResponses(round.id)).toBe(acknowledged);
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked|timed out/i);
    db.close();
  });
});

describe("a reader in another process holding a read snapshot", () => {
  it("does not stall the server: pages and answers are served while it holds, and the log is emptied once it leaves", async () => {
    const { db, startServer, surveyFields } = await prepareLoadDatabase("reliability-reader");
    const round = db.openRoundWithInvitations(200, { departments: 4, roles: 2 });
    const server = await startServer({ LOG_REQUESTS: "false" });
    servers.push(server);
    // Answers before the reader arrives put pages in the log that it then keeps from being emptied.
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${server.url}/a/${round.tokens[i]}`, {
        method: "POST",
        body: new URLSearchParams(surveyFields(round.questions, i)),
        redirect: "manual",
      });
      expect(response.status).toBe(302);
    }

    const reader = holdReadSnapshot(db.file, 12_000);
    await reader.holding;
    const statuses: number[] = [];
    for (let i = 20; i < 30; i++) {
      const login = await fetch(`${server.url}/login`);
      await login.arrayBuffer();
      statuses.push(login.status);
      const answer = await fetch(`${server.url}/a/${round.tokens[i]}`, {
        method: "POST",
        body: new URLSearchParams(surveyFields(round.questions, i)),
        redirect: "manual",
      });
      statuses.push(answer.status);
    }
    // All twenty requests were answered while the reader still held its snapshot.
    expect(reader.hasReleased()).toBe(false);
    expect(statuses).toEqual(Array.from({ length: 10 }, () => [200, 302]).flat());
    expect(fs.statSync(`${db.file}-wal`).size).toBeGreaterThan(0);
    // Nor does the server sit on the write lock waiting for the reader: over three seconds (more
    // than one of its checkpoints), another writer gets the lock whenever it asks.
    const probe = new Database(db.file);
    probe.pragma("busy_timeout = 200");
    const refused: number[] = [];
    for (let i = 0; i < 30; i++) {
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
      } catch {
        refused.push(i);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    probe.close();
    expect(refused).toEqual([]);
    expect(reader.hasReleased()).toBe(false);

    await reader.released;
    // The server's periodic checkpoint empties the log once nothing stands in its way.
    while (fs.statSync(`${db.file}-wal`).size > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(db.countResponses(round.id)).toBe(30);
    db.close();
  });
});
