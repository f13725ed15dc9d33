import { describe, expect, it } from "vitest";
import { FailureThrottle, minutesToWait, RateLimit } from "~/domain/throttle";

const options = { maxFailures: 3, windowMs: 60_000, lockMs: 10_000, maxLockMs: 40_000 };

describe("FailureThrottle", () => {
  it("allows a key until it fails maxFailures times", () => {
    const throttle = new FailureThrottle(options);
    throttle.recordFailure("a", 0);
    throttle.recordFailure("a", 1);
    expect(throttle.check("a", 2)).toEqual({ allowed: true });
    throttle.recordFailure("a", 2);
    expect(throttle.check("a", 3)).toEqual({ allowed: false, retryAfterMs: 9_999 });
  });

  it("lets the key in again once the lock has passed", () => {
    const throttle = new FailureThrottle(options);
    for (let i = 0; i < 3; i++) throttle.recordFailure("a", 0);
    expect(throttle.check("a", 10_000)).toEqual({ allowed: true });
  });

  it("doubles the lock with each further failure, up to the maximum", () => {
    const throttle = new FailureThrottle(options);
    for (let i = 0; i < 3; i++) throttle.recordFailure("a", 0);
    throttle.recordFailure("a", 0);
    expect(throttle.check("a", 0)).toEqual({ allowed: false, retryAfterMs: 20_000 });
    for (let i = 0; i < 5; i++) throttle.recordFailure("a", 0);
    expect(throttle.check("a", 0)).toEqual({ allowed: false, retryAfterMs: 40_000 });
  });

  it("forgets failures older than the window", () => {
    const throttle = new FailureThrottle(options);
    throttle.recordFailure("a", 0);
    throttle.recordFailure("a", 1);
    throttle.recordFailure("a", 70_000);
    expect(throttle.check("a", 70_001)).toEqual({ allowed: true });
  });

  it("keeps keys apart and forgets a key on reset", () => {
    const throttle = new FailureThrottle(options);
    for (let i = 0; i < 3; i++) throttle.recordFailure("a", 0);
    expect(throttle.check("b", 0)).toEqual({ allowed: true });
    throttle.reset("a");
    expect(throttle.check("a", 0)).toEqual({ allowed: true });
  });

  it("bounds the number of keys it remembers", () => {
    const throttle = new FailureThrottle({ ...options, maxFailures: 1, maxKeys: 2 });
    throttle.recordFailure("a", 0);
    throttle.recordFailure("b", 0);
    throttle.recordFailure("c", 0);
    expect(throttle.check("a", 0)).toEqual({ allowed: true });
    expect(throttle.check("c", 0).allowed).toBe(false);
  });
});

describe("minutesToWait", () => {
  it("rounds up and never says zero", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60_001)).toBe(2);
  });
});

describe("RateLimit", () => {
  it("allows max events per window and key, then says how long to wait", () => {
    const limit = new RateLimit({ max: 2, windowMs: 60_000 });
    expect(limit.take("kiosk", 0)).toEqual({ allowed: true });
    expect(limit.take("kiosk", 10)).toEqual({ allowed: true });
    expect(limit.take("kiosk", 20)).toEqual({ allowed: false, retryAfterMs: 59_980 });
    expect(limit.take("other", 20)).toEqual({ allowed: true });
    expect(limit.take("kiosk", 60_000)).toEqual({ allowed: true });
  });
});
