/**
 * Starts the built server as production does (`npm run serve`: migrations, optional demo seed,
 * express), on 127.0.0.1 and a free port, with a database of its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface RunningServer {
  url: string;
  databaseFile: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function newDatabaseFile(label: string): string {
  const dir = path.resolve("tmp/e2e");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label}-${crypto.randomUUID()}.db`);
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}/login`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The server did not start within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(
  options: { databaseFile?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const databaseFile = options.databaseFile ?? newDatabaseFile("server");
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "app/cli/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      SESSION_SECRET: "e2e-secret-that-is-long-enough-0123456789abcdef",
      SEED_DEMO: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => log);
  return {
    url,
    databaseFile,
    process: child,
    output: () => log,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** Signs in over HTTP as a browser would and returns the session cookie. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed with ${response.status}`);
  return cookie.split(";")[0];
}

/** Removes a test database file with its write-ahead log. */
export function removeDatabaseFile(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
