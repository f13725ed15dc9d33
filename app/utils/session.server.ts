import { createCookieSessionStorage, type Session } from "@remix-run/node";
import { env } from "./env.server";

const EIGHT_HOURS = 60 * 60 * 8;

/** How long a sign-in lasts, checked on the server: a copied cookie does not outlive it. */
export const SESSION_LIFETIME_MS = EIGHT_HOURS * 1000;

interface SessionData {
  userId: string;
  /** The user's session version at sign-in; a raised version ends the session. */
  version: number;
  /** When the user signed in (ms since the epoch). */
  issuedAt: number;
}

interface FlashData {
  /** A one-time success message for the next page ("Person added."). */
  notice: string;
}

export type CandorSession = Session<SessionData, FlashData>;

function storage(secure: boolean) {
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: "__candor_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      secrets: [env.SESSION_SECRET],
      maxAge: EIGHT_HOURS,
    },
  });
}

const plain = storage(false);
const secure = storage(true);

/** Secure cookies whenever the request came over HTTPS (directly or through a proxy). */
function storageFor(request: Request) {
  const forwarded = request.headers.get("x-forwarded-proto");
  const https = new URL(request.url).protocol === "https:" || forwarded === "https";
  return https ? secure : plain;
}

export function getSession(request: Request) {
  return storageFor(request).getSession(request.headers.get("Cookie"));
}

export function commitSession(request: Request, session: CandorSession) {
  return storageFor(request).commitSession(session);
}

export function destroySession(request: Request, session: CandorSession) {
  return storageFor(request).destroySession(session);
}
