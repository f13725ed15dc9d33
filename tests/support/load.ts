/**
 * A small HTTP load generator for the benches: `clients` concurrent keep-alive connections,
 * each sending its next request as soon as the previous one is answered.
 */
import fs from "node:fs";
import http from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Map<number, number>;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLoad(
  baseUrl: string,
  clients: number,
  next: () => LoadRequest | null,
  onResponse?: (request: LoadRequest, status: number) => void,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;

  const send = (request: LoadRequest) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: request.method,
          path: request.path,
          agent,
          headers: {
            ...(request.body !== undefined
              ? {
                  "Content-Type": "application/x-www-form-urlencoded",
                  "Content-Length": Buffer.byteLength(request.body),
                }
              : {}),
            ...request.headers,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(-1));
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });

  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let request = next(); request; request = next()) {
        const t0 = process.hrtime.bigint();
        const status = await send(request);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status < 0) errors++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        onResponse?.(request, status);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
    statuses,
    errors,
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface SteadyLoad {
  /** Stops sending and resolves once every request sent has been answered. */
  stop: () => Promise<SteadyResult>;
  /** Requests answered so far. */
  answered: () => number;
}

export interface SteadyResult {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Map<number, number>;
}

/**
 * Answers arriving at a steady pace rather than as fast as the server takes them: `clients`
 * keep-alive connections, each pausing `pauseMs` between a reply and its next request, until
 * `stop()` or until `next()` runs out.
 */
export function runSteadyLoad(
  baseUrl: string,
  clients: number,
  pauseMs: number,
  next: () => LoadRequest | null,
  onResponse?: (request: LoadRequest, status: number, ms: number) => void,
): SteadyLoad {
  let stopped = false;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const loops = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const request = next();
      if (!request) return;
      const started = performance.now();
      let status: number;
      try {
        const response = await fetch(`${baseUrl}${request.path}`, {
          method: request.method,
          body: request.body,
          redirect: "manual",
          headers: {
            ...(request.body !== undefined ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
            ...request.headers,
          },
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = -1;
      }
      const ms = performance.now() - started;
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      onResponse?.(request, status, ms);
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    answered: () => latencies.length,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      const sorted = [...latencies].sort((a, b) => a - b);
      return {
        requests: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? 0,
        statuses,
      };
    },
  };
}
