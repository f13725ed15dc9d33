/**
 * The results page of a closed round, through the built server: 100,000 responses over 40
 * departments x 12 roles (many tiny cells), and 10,000 for comparison. The first view reads
 * the tallies and works out the gate; later views are served from the closed round's cache.
 */
import { buildResultsDatabase } from "../../support/results-database";
import { newDatabaseFile, removeDatabaseFile, startServer } from "../../support/server";
import type { BenchCase } from "../run";

const ADMIN = { email: "bench@company.example", password: "bench-password-123" };
const RUNS = 40;
const GOAL_MS = 50;
const FIRST_VIEW_GOAL_MS = 2000;

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, redirectTo: "/hr" }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed with ${response.status}`);
  return cookie.split(";")[0];
}

async function timedGet(url: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(url, {
    headers: { Cookie: cookie, Accept: "text/html", "Accept-Encoding": "identity" },
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return { ms, bytes: Buffer.byteLength(body) };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const bench: BenchCase = {
  title: "Results page of a closed round",
  goal: `GET /hr/rounds/<id>/results in under ${GOAL_MS} ms (median) for 100,000 responses over 40 departments x 12 roles, no slower than for 10,000, and its first view (tallies read, gate decided) under ${FIRST_VIEW_GOAL_MS} ms`,
  async run() {
    const file = newDatabaseFile("bench-results");
    const building = performance.now();
    const built = buildResultsDatabase(file, {
      departments: 40,
      roles: 12,
      logins: [{ ...ADMIN, role: "ADMIN" }],
      rounds: [
        { name: "100,000 responses", responses: 100_000, closedDaysAgo: 10, invite: true },
        { name: "10,000 responses", responses: 10_000, closedDaysAgo: 100, invite: true },
      ],
    });
    const buildSeconds = (performance.now() - building) / 1000;
    const server = await startServer({ databaseFile: file, env: { LOG_REQUESTS: "false" } });
    const rows: { name: string; first: number; median: number; p90: number; kib: number }[] = [];
    try {
      const cookie = await signIn(server.url);
      for (const round of built.rounds) {
        const url = `${server.url}/hr/rounds/${round.id}/results`;
        const first = await timedGet(url, cookie);
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push((await timedGet(url, cookie)).ms);
        rows.push({
          name: round.name,
          first: first.ms,
          median: quantile(times, 0.5),
          p90: quantile(times, 0.9),
          kib: first.bytes / 1024,
        });
      }
    } finally {
      await server.stop();
      removeDatabaseFile(file);
    }
    const [large, small] = rows;
    const met = large.median < GOAL_MS && large.median <= small.median * 1.5 + 2 && large.first < FIRST_VIEW_GOAL_MS;
    const lines = [
      `Data: 40 departments x 12 roles, skewed (a few large departments, rare roles), built in ${buildSeconds.toFixed(1)} s with the response writer; every response was invited by name, about 80% answered.`,
      "",
      "| round | first view (reads tallies, caches) | median of next " + RUNS + " | 90th percentile | page size |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.first.toFixed(1)} ms | ${r.median.toFixed(1)} ms | ${r.p90.toFixed(1)} ms | ${r.kib.toFixed(0)} KiB |`,
      ),
      "",
      `Times are whole GET requests from another process on the same machine (uncompressed HTML). The 100,000-response round costs ${(large.median / small.median).toFixed(2)}x the 10,000-response round.`,
    ];
    return { lines, met };
  },
};

export default bench;
