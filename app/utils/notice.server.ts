import { redirect } from "@remix-run/node";
import { commitSession, getSession } from "./session.server";

/** Redirects after a change, carrying a one-time message for the next page. */
export async function redirectWithNotice(request: Request, to: string, notice: string) {
  const session = await getSession(request);
  session.flash("notice", notice);
  return redirect(to, { headers: { "Set-Cookie": await commitSession(request, session) } });
}

/** Reads (and so clears) the pending message; the cookie must go out with the response. */
export async function takeNotice(request: Request) {
  const session = await getSession(request);
  const notice = session.get("notice") ?? null;
  return { notice, headers: { "Set-Cookie": await commitSession(request, session) } };
}

