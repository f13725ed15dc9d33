/**
 * Counts failures per key (an e-mail, an address) and locks the key out for a while once too
 * many happen within the window. The lock doubles with each further failure, up to maxLockMs.
 * Pure apart from the map it keeps; the caller passes the time.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
  /** Keys kept at most, so a flood of distinct keys cannot grow memory without bound. */
  maxKeys?: number;
}

interface Entry {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export class FailureThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ThrottleOptions) {}

  check(key: string, now: number): ThrottleVerdict {
    const entry = this.entries.get(key);
    if (!entry || entry.lockedUntil <= now) return { allowed: true };
    return { allowed: false, retryAfterMs: entry.lockedUntil - now };
  }

  recordFailure(key: string, now: number): void {
    const { maxFailures, windowMs, lockMs, maxLockMs, maxKeys = 100_000 } = this.options;
    let entry = this.entries.get(key);
    if (!entry || (now - entry.firstFailureAt > windowMs && entry.lockedUntil <= now)) {
      entry = { failures: 0, firstFailureAt: now, lockedUntil: 0 };
    }
    entry.failures += 1;
    if (entry.failures >= maxFailures) {
      const doublings = entry.failures - maxFailures;
      entry.lockedUntil = now + Math.min(maxLockMs, lockMs * 2 ** Math.min(doublings, 30));
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/**
 * At most `max` events per key in each window (a fixed window per key): for things that are
 * fine in moderation but not in bulk, like answers through one shared link from one device.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly options: { max: number; windowMs: number; maxKeys?: number }) {}

  take(key: string, now: number): ThrottleVerdict {
    const { max, windowMs, maxKeys = 100_000 } = this.options;
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) window = { start: now, count: 0 };
    if (window.count >= max) return { allowed: false, retryAfterMs: window.start + windowMs - now };
    window.count++;
    this.windows.delete(key);
    this.windows.set(key, window);
    if (this.windows.size > maxKeys) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    return { allowed: true };
  }
}
