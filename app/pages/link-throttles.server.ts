import { reserveAttempt, takeRateLimited, type FailureRule, type RateRule } from "~/models/throttles.server";
import { tooManyRequests } from "~/utils/http.server";

/**
 * Unknown personal links per client address. Tokens have 256 random bits, so guessing cannot
 * succeed; this only stops the noise. A locked address gets 429 for unknown links while valid
 * links keep working, so one guesser never locks out the colleagues who share their address.
 * Counted in the database, so every server process sharing it sees one count.
 */
const UNKNOWN_LINKS: FailureRule = {
  name: "unknown-link",
  maxFailures: 20,
  windowMs: 10 * 60_000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

/** Counts an unknown link against the address; 429 once the address is locked. */
export async function countUnknownLink(address: string, now = Date.now()): Promise<void> {
  const verdict = await reserveAttempt([{ rule: UNKNOWN_LINKS, key: address }], now, { countRefused: true });
  if (!verdict.allowed) throw tooManyRequests("Too many unknown links from your network. Please wait a few minutes.");
}

/**
 * A shared link cannot tell people apart, so one address may send only so many answers a minute
 * through it: plenty for a kiosk queue, or for colleagues on one office network answering from a
 * poster together, and tedious for someone stuffing a small group.
 */
export const SHARED_ANSWERS_PER_MINUTE = 12;
const SHARED_ANSWERS: RateRule = { name: "shared-answer", max: SHARED_ANSWERS_PER_MINUTE, windowMs: 60_000 };

/** Whether one more answer through shared link `key` from `address` is allowed now (and counts it). */
export async function takeSharedAnswer(address: string, key: string, now = Date.now()): Promise<boolean> {
  return (await takeRateLimited(SHARED_ANSWERS, JSON.stringify([address, key]), now)).allowed;
}
