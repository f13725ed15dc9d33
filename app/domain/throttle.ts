/**
 * The rules of Candor's throttles, as pure functions over one key's entry; the database keeps
 * the entries (models/throttles.server.ts), so every server process sharing it applies one
 * count. The caller passes the time.
 *
 * A failure throttle counts failures per key (an e-mail, an address) and locks the key out for
 * a while once too many happen within the window; the lock doubles with each further failure,
 * up to maxLockMs. Attempts are counted before they are judged (a reservation), so a burst of
 * simultaneous attempts gets no more tries than a patient guesser; a success takes its
 * reservation back.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  maxLockMs: number;
}

export interface ThrottleEntry {
  count: number;
  windowStart: number;
  lockedUntil: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Whether a key may try now. */
export function failureVerdict(entry: ThrottleEntry | undefined, now: number): ThrottleVerdict {
  if (!entry || entry.lockedUntil <= now) return { allowed: true };
  return { allowed: false, retryAfterMs: entry.lockedUntil - now };
}

/** The entry once one more failure (or reserved attempt) is counted. */
export function withFailure(entry: ThrottleEntry | undefined, options: ThrottleOptions, now: number): ThrottleEntry {
  const { maxFailures, windowMs, lockMs, maxLockMs } = options;
  const fresh = !entry || (now - entry.windowStart > windowMs && entry.lockedUntil <= now);
  const count = (fresh ? 0 : entry.count) + 1;
  let lockedUntil = fresh ? 0 : entry.lockedUntil;
  if (count >= maxFailures) {
    const doublings = count - maxFailures;
    lockedUntil = now + Math.min(maxLockMs, lockMs * 2 ** Math.min(doublings, 30));
  }
  return { count, windowStart: fresh ? now : entry.windowStart, lockedUntil };
}

/**
 * The entry once a reserved attempt turned out not to be a failure: one fewer counted, and no
 * lock if the rest do not reach one (the lock can only have come from this reservation, since a
 * locked key reserves nothing).
 */
export function withoutReservation(entry: ThrottleEntry, options: ThrottleOptions): ThrottleEntry {
  const count = Math.max(0, entry.count - 1);
  return { ...entry, count, lockedUntil: count < options.maxFailures ? 0 : entry.lockedUntil };
}

/** When an entry can be forgotten: its window is over and so is its lock. */
export function failureEntryExpiry(entry: ThrottleEntry, options: ThrottleOptions): number {
  return Math.max(entry.windowStart + options.windowMs, entry.lockedUntil);
}

export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/**
 * At most `max` events per key in each window (a fixed window per key): for things that are
 * fine in moderation but not in bulk, like answers through one shared link from one device.
 * Returns the verdict and, when allowed, the entry with the event counted.
 */
export interface RateOptions {
  max: number;
  windowMs: number;
}

export function takeRate(
  entry: ThrottleEntry | undefined,
  options: RateOptions,
  now: number,
): { verdict: ThrottleVerdict; entry: ThrottleEntry | null } {
  const current = !entry || now - entry.windowStart >= options.windowMs ? { count: 0, windowStart: now } : entry;
  if (current.count >= options.max) {
    return { verdict: { allowed: false, retryAfterMs: current.windowStart + options.windowMs - now }, entry: null };
  }
  return {
    verdict: { allowed: true },
    entry: { count: current.count + 1, windowStart: current.windowStart, lockedUntil: 0 },
  };
}
