import { FailureThrottle } from "~/domain/throttle";

/**
 * Unknown personal links per client address. Tokens have 256 random bits, so guessing cannot
 * succeed; this only stops the noise. A locked address gets 429 for unknown links while valid
 * links keep working, so one guesser never locks out the colleagues who share their address.
 */
export const unknownLinks = new FailureThrottle({
  maxFailures: 20,
  windowMs: 10 * 60_000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
});
