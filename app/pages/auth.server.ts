import { redirect, type Session } from "@remix-run/node";
import { emailAddress } from "~/domain/text";
import { minutesToWait } from "~/domain/throttle";
import type { UserRole } from "~/domain/user-roles";
import { recordAudit } from "~/models/audit.server";
import { releaseAttempt, reserveAttempt, type FailureRule, type ThrottleCheck } from "~/models/throttles.server";
import { endSessions, findLogin, getSessionUser, type SessionUser } from "~/models/users.server";
import { forbidden, tooManyRequests, unauthorized } from "~/utils/http.server";
import { spendPasswordCheck, verifyPassword } from "~/utils/password.server";
import { commitSession, destroySession, getSession, SESSION_LIFETIME_MS } from "~/utils/session.server";

export type { SessionUser };

const CLOCK_SKEW_MS = 60_000;

/**
 * The signed-in user, or null. The cookie alone is not enough: the session must be younger
 * than SESSION_LIFETIME_MS (a copied cookie ignores its max-age), must not claim a sign-in in
 * the future (beyond a minute of clock difference between servers), and must carry the user's
 * current session version (signing out, a new password or deactivation raise it).
 */
export async function getUser(request: Request, now = Date.now()): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  const version = session.get("version");
  const issuedAt = session.get("issuedAt");
  if (typeof userId !== "string" || typeof version !== "number" || typeof issuedAt !== "number") return null;
  if (now - issuedAt > SESSION_LIFETIME_MS) return null;
  // A sign-in time in the future would stretch the lifetime; only another server's clock
  // running a little ahead is allowed for.
  if (issuedAt - now > CLOCK_SKEW_MS) return null;
  return getSessionUser(userId, version);
}

/** A browser asking for a page is sent to sign in; anything else (a form post, a CSV) gets 401. */
function wantsPage(request: Request) {
  return request.method === "GET" && (request.headers.get("Accept") ?? "").includes("text/html");
}

/**
 * The guard every protected loader and action starts with. Without a session: a redirect to
 * the sign-in page (or 401). With a session but not one of `roles`: 403.
 */
export async function requireUser(request: Request, roles?: readonly UserRole[]): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    if (!wantsPage(request)) throw unauthorized();
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (roles && !roles.includes(user.role)) throw forbidden();
  return user;
}

export const requireAdmin = (request: Request) => requireUser(request, ["ADMIN"]);

// Each lock waits 1 minute once reached, doubling with each further failure up to an hour.
const throttle = (name: string, maxFailures: number): FailureRule => ({
  name,
  maxFailures,
  windowMs: 15 * 60_000,
  lockMs: 60_000,
  maxLockMs: 60 * 60_000,
});
// 5 wrong passwords lock an e-mail only at the address they came from, so a stranger cannot lock
// the owner out with a handful of tries.
const BY_EMAIL_AT_ADDRESS = throttle("password:email-at-address", 5);
// Guessing one e-mail's password from many addresses still meets a lock, far higher up.
const BY_EMAIL = throttle("password:email", 50);
// An address gets as much room, since a whole office may sign in from one address.
const BY_ADDRESS = throttle("password:address", 50);

export const WRONG_LOGIN = "That e-mail and password do not match an active account.";

export type LoginResult = { ok: true; user: SessionUser; sessionVersion: number } | { ok: false; message: string };

/** A password check for an e-mail from an address, as the throttles count it. */
export interface PasswordTry {
  checks: ThrottleCheck[];
}

function throttleChecks(email: string, address: string): ThrottleCheck[] {
  const emailKey = email.toLowerCase();
  return [
    { rule: BY_EMAIL_AT_ADDRESS, key: JSON.stringify([emailKey, address]) },
    { rule: BY_EMAIL, key: emailKey },
    { rule: BY_ADDRESS, key: address },
  ];
}

/**
 * Reserves one password check for `email` from `address`, counted as a failure until
 * `passwordWasRight` takes it back, or refuses (429, with `message` and the wait) while a
 * throttle holds either. The reservation comes first, in one database transaction, so
 * simultaneous tries get no more checks than the limits allow, however many server processes
 * share the database. Used by the sign-in page and by the current password asked before a
 * change, so a signed-in browser is no way round the sign-in page's limits on guessing.
 */
export async function reservePasswordTry(
  email: string,
  address: string,
  message: string,
  now = Date.now(),
): Promise<PasswordTry> {
  const checks = throttleChecks(email, address);
  const verdict = await reserveAttempt(checks, now);
  if (!verdict.allowed) {
    const minutes = minutesToWait(verdict.retryAfterMs);
    throw tooManyRequests(`${message} Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
  }
  return { checks };
}

/**
 * Takes back a reserved check whose password was right: it counts against no limit, and the
 * owner's own count at that address starts again (a sign-in must not wipe out others' guesses).
 */
export async function passwordWasRight(passwordTry: PasswordTry): Promise<void> {
  await releaseAttempt(passwordTry.checks.map((check) => ({ ...check, clear: check.rule === BY_EMAIL_AT_ADDRESS })));
}

/** What a failed sign-in records as the e-mail when what was typed is not one. */
export const NOT_AN_EMAIL = "(not an e-mail address)";

export async function attemptLogin(
  email: string,
  password: string,
  address: string,
  now = Date.now(),
): Promise<LoginResult> {
  const emailKey = email.toLowerCase();
  const passwordTry = await reservePasswordTry(emailKey, address, "Too many failed sign-ins.", now);
  const login = await findLogin(emailKey);
  const valid = login
    ? await verifyPassword(password, login.passwordHash)
    : (await spendPasswordCheck(password), false);
  if (!login || !valid) {
    // Kept for HR to spot someone trying passwords; whether the e-mail exists is not recorded.
    // Text that is no e-mail address (a password typed in the wrong field) is never kept.
    const tried = emailAddress.safeParse(emailKey);
    await recordAudit({ id: null, email: tried.success ? tried.data : NOT_AN_EMAIL }, "user.sign-in-failed", address);
    return { ok: false, message: WRONG_LOGIN };
  }
  await passwordWasRight(passwordTry);
  const { passwordHash: _hash, sessionVersion, ...user } = login;
  await recordAudit({ id: user.id, email: user.email }, "user.sign-in");
  return { ok: true, user: user as SessionUser, sessionVersion };
}

export async function startSession(
  request: Request,
  login: { userId: string; sessionVersion: number },
  redirectTo: string,
  now = Date.now(),
) {
  const session = await getSession(request);
  session.set("userId", login.userId);
  session.set("version", login.sessionVersion);
  session.set("issuedAt", now);
  return redirect(redirectTo, { headers: { "Set-Cookie": await commitSession(request, session) } });
}

/**
 * Keeps this browser's session going after its login's session version moved on (its own new
 * password ended every other session): the cookie takes the new version.
 */
export function keepSessionAt(sessionVersion: number) {
  return (session: Session) => session.set("version", sessionVersion);
}

/** Signs out: clears this browser's cookie and ends the session everywhere a copy of it went. */
export async function endSession(request: Request) {
  const user = await getUser(request);
  if (user) await endSessions(user.id);
  const session = await getSession(request);
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(request, session) } });
}

export { actorOf } from "~/models/audit.server";
