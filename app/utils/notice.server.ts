import { redirect, type Session } from "@remix-run/node";
import { commitSession, getSession } from "./session.server";

/**
 * Redirects after a change, carrying a one-time message for the next page; `update` changes the
 * session in the same cookie (a new session version after one's own password change).
 */
export async function redirectWithNotice(
  request: Request,
  to: string,
  notice: string,
  update?: (session: Session) => void,
) {
  const session = await getSession(request);
  session.flash("notice", notice);
  update?.(session);
  return redirect(to, { headers: { "Set-Cookie": await commitSession(request, session) } });
}

/** Reads (and so clears) the pending message; the cookie must go out with the response. */
export async function takeNotice(request: Request) {
  const session = await getSession(request);
  const notice = session.get("notice") ?? null;
  return { notice, headers: { "Set-Cookie": await commitSession(request, session) } };
}
