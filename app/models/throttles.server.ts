import crypto from "node:crypto";
import type Database from "better-sqlite3";
import {
  failureEntryExpiry,
  failureVerdict,
  takeRate,
  withFailure,
  withoutReservation,
  type RateOptions,
  type ThrottleEntry,
  type ThrottleOptions,
  type ThrottleVerdict,
} from "~/domain/throttle";
import { writeTransaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/**
 * Throttle counts live in the database (`Throttle`), and each decision is one SQLite write
 * transaction (BEGIN IMMEDIATE), so it is atomic between requests of one process and between
 * processes sharing the file. Keys are stored as an HMAC of what they count, so the table holds
 * no e-mail or address.
 */
export interface FailureRule extends ThrottleOptions {
  /** Keeps the keys of different throttles apart. */
  name: string;
}

export interface RateRule extends RateOptions {
  name: string;
}

export interface ThrottleCheck {
  rule: FailureRule;
  key: string;
}

function storedKey(name: string, key: string): string {
  return `${name}:${crypto.createHmac("sha256", env.SESSION_SECRET).update(key, "utf8").digest("base64url")}`;
}

function read(db: Database.Database, key: string): ThrottleEntry | undefined {
  return db.prepare("SELECT count, windowStart, lockedUntil FROM Throttle WHERE key = ?").get(key) as
    ThrottleEntry | undefined;
}

function write(db: Database.Database, key: string, entry: ThrottleEntry, expiresAt: number) {
  db.prepare(
    `INSERT INTO Throttle (key, count, windowStart, lockedUntil, expiresAt) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET count = excluded.count, windowStart = excluded.windowStart,
       lockedUntil = excluded.lockedUntil, expiresAt = excluded.expiresAt`,
  ).run(key, entry.count, entry.windowStart, entry.lockedUntil, expiresAt);
}

/** Forgets a few entries whose window and lock are over, so the table stays small. */
function forgetExpired(db: Database.Database, now: number) {
  db.prepare("DELETE FROM Throttle WHERE key IN (SELECT key FROM Throttle WHERE expiresAt < ? LIMIT 20)").run(now);
}

/**
 * Reserves one attempt against every check, or refuses with the first check that is locked.
 * A refused attempt reserves nothing, unless `countRefused` (unknown links: an address that keeps
 * guessing while locked stays locked longer).
 */
export function reserveAttempt(
  checks: ThrottleCheck[],
  now = Date.now(),
  { countRefused = false } = {},
): Promise<ThrottleVerdict> {
  return writeTransaction((db) => {
    forgetExpired(db, now);
    const rows = checks.map(({ rule, key }) => {
      const id = storedKey(rule.name, key);
      return { rule, id, entry: read(db, id) };
    });
    const refusal = rows.map(({ entry }) => failureVerdict(entry, now)).find((verdict) => !verdict.allowed);
    if (refusal && !countRefused) return refusal;
    for (const { rule, id, entry } of rows) {
      const next = withFailure(entry, rule, now);
      write(db, id, next, failureEntryExpiry(next, rule));
    }
    return refusal ?? { allowed: true };
  });
}

/**
 * Takes back a reserved attempt that was no failure: `clear` checks forget their key altogether
 * (the owner's own count starts again), the others count one fewer.
 */
export function releaseAttempt(checks: (ThrottleCheck & { clear?: boolean })[]): Promise<void> {
  return writeTransaction((db) => {
    for (const { rule, key, clear } of checks) {
      const id = storedKey(rule.name, key);
      const entry = read(db, id);
      if (!entry) continue;
      if (clear) {
        db.prepare("DELETE FROM Throttle WHERE key = ?").run(id);
        continue;
      }
      const next = withoutReservation(entry, rule);
      write(db, id, next, failureEntryExpiry(next, rule));
    }
  });
}

/** Counts one event against a rate limit, or refuses it once the window's allowance is spent. */
export function takeRateLimited(rule: RateRule, key: string, now = Date.now()): Promise<ThrottleVerdict> {
  return writeTransaction((db) => {
    forgetExpired(db, now);
    const id = storedKey(rule.name, key);
    const { verdict, entry } = takeRate(read(db, id), rule, now);
    if (entry) write(db, id, entry, entry.windowStart + rule.windowMs);
    return verdict;
  });
}
