import { describe, expect, it } from "vitest";
import {
  failureEntryExpiry,
  failureVerdict,
  minutesToWait,
  takeRate,
  withFailure,
  withoutReservation,
  type ThrottleEntry,
} from "~/domain/throttle";

const options = { maxFailures: 3, windowMs: 60_000, lockMs: 10_000, maxLockMs: 40_000 };

/** The entry after failures at the given times. */
function failures(...times: number[]): ThrottleEntry | undefined {
  let entry: ThrottleEntry | undefined;
  for (const time of times) entry = withFailure(entry, options, time);
  return entry;
}

describe("failure throttle", () => {
  it("allows a key until it fails maxFailures times", () => {
    expect(failureVerdict(undefined, 0)).toEqual({ allowed: true });
    expect(failureVerdict(failures(0, 1), 2)).toEqual({ allowed: true });
    expect(failureVerdict(failures(0, 1, 2), 3)).toEqual({ allowed: false, retryAfterMs: 9_999 });
  });

  it("lets the key in again once the lock has passed", () => {
    expect(failureVerdict(failures(0, 0, 0), 10_000)).toEqual({ allowed: true });
  });

  it("doubles the lock with each further failure, up to the maximum", () => {
    expect(failureVerdict(failures(0, 0, 0, 0), 0)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    expect(failureVerdict(failures(0, 0, 0, 0, 0, 0, 0, 0, 0), 0)).toEqual({ allowed: false, retryAfterMs: 40_000 });
  });

  it("forgets failures older than the window", () => {
    expect(failureVerdict(failures(0, 1, 70_000), 70_001)).toEqual({ allowed: true });
    expect(failures(0, 1, 70_000)).toEqual({ count: 1, windowStart: 70_000, lockedUntil: 0 });
  });

  it("takes a reservation back, and the lock it set with it", () => {
    const locked = failures(0, 0, 0)!;
    expect(failureVerdict(locked, 1).allowed).toBe(false);
    const released = withoutReservation(locked, options);
    expect(released.count).toBe(2);
    expect(failureVerdict(released, 1)).toEqual({ allowed: true });
    // A lock that the other failures reach on their own stays.
    expect(failureVerdict(withoutReservation(failures(0, 0, 0, 0)!, options), 1).allowed).toBe(false);
  });

  it("says when an entry can be forgotten: after its window and its lock", () => {
    expect(failureEntryExpiry(failures(5)!, options)).toBe(60_005);
    expect(failureEntryExpiry(failures(0, 0, 0, 0, 0, 0, 0, 0, 59_000)!, options)).toBe(99_000);
  });
});

describe("minutesToWait", () => {
  it("rounds up and never says zero", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60_001)).toBe(2);
  });
});

describe("rate limit", () => {
  it("allows max events per window, then says how long to wait", () => {
    const rule = { max: 2, windowMs: 60_000 };
    const first = takeRate(undefined, rule, 0);
    const second = takeRate(first.entry!, rule, 10);
    const third = takeRate(second.entry!, rule, 20);
    expect([first.verdict, second.verdict]).toEqual([{ allowed: true }, { allowed: true }]);
    expect(third).toEqual({ verdict: { allowed: false, retryAfterMs: 59_980 }, entry: null });
    expect(takeRate(second.entry!, rule, 60_000).verdict).toEqual({ allowed: true });
  });
});
