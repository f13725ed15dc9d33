/**
 * Waiting for another process's write lock without blocking the event loop. better-sqlite3 is
 * synchronous: a long busy_timeout would stop every request of the server while SQLite waits.
 * Connections keep a short one, and a statement or transaction refused as busy is tried again
 * after an asynchronous pause, until `limitMs` has passed.
 */

/** Whether an error (from better-sqlite3, or Prisma's adapter around it) is SQLite saying another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  const codes: unknown[] = [];
  for (
    let current = error as { code?: unknown; cause?: unknown; originalCode?: unknown } | undefined, depth = 0;
    current && depth < 4;
    depth++
  ) {
    codes.push(current.code, current.originalCode);
    current = current.cause as typeof current;
  }
  return codes.some((code) => typeof code === "string" && code.startsWith("SQLITE_BUSY"));
}

export const BUSY_LIMIT_MS = 30_000;

export async function retryWhileBusy<T>(work: () => T | Promise<T>, limitMs = BUSY_LIMIT_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started > limitMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 20)));
    }
  }
}
