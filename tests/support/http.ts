import type { SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { commitSession, getSession } from "~/utils/session.server";

export const ORIGIN = "http://candor.test";

/**
 * A session cookie for `user`, signed the way the app signs them, with the user's current
 * session version; `issuedAt` backdates the sign-in.
 */
export async function cookieFor(user: Pick<SessionUser, "id">, { issuedAt = Date.now() } = {}): Promise<string> {
  const stored = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
  const request = new Request(ORIGIN);
  const session = await getSession(request);
  session.set("userId", user.id);
  session.set("version", stored?.sessionVersion ?? 0);
  session.set("issuedAt", issuedAt);
  const setCookie = await commitSession(request, session);
  return setCookie.split(";")[0];
}

interface RequestOptions {
  as?: Pick<SessionUser, "id">;
  method?: string;
  form?: Record<string, string | string[]> | FormData;
  headers?: Record<string, string>;
  page?: boolean;
}

/** A request as a browser would send it: a page GET by default, or a form POST. */
export async function makeRequest(path: string, options: RequestOptions = {}): Promise<Request> {
  const headers = new Headers(options.headers);
  if (options.as) headers.set("Cookie", await cookieFor(options.as));
  if (options.page !== false) headers.set("Accept", "text/html");
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) {
    body = options.form;
  } else if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    body = params;
  }
  const method = options.method ?? (body ? "POST" : "GET");
  return new Request(new URL(path, ORIGIN), { method, headers, body });
}

export interface Outcome<T = unknown> {
  status: number;
  data: T;
  headers: Headers;
  /** Text of a thrown or returned Response (error messages, CSV). */
  text: string;
}

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: Record<string, unknown>;
}) => unknown;

function isDataWithInit(
  value: unknown,
): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/**
 * Calls a loader or action the way Remix would and gives back one shape for every outcome:
 * returned data, `data()` with a status, a returned Response, or a thrown Response.
 */
// Loaders return many shapes; a test names the one it expects, and `unknown` would force a cast at every call.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = { clientAddress: "203.0.113.7" },
): Promise<Outcome<T>> {
  let result: unknown;
  try {
    result = await handler({ request, params, context });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    return { status: result.status, data: text as T, headers: result.headers, text };
  }
  if (isDataWithInit(result)) {
    return {
      status: result.init?.status ?? 200,
      data: result.data as T,
      headers: new Headers(result.init?.headers),
      text: "",
    };
  }
  return { status: 200, data: result as T, headers: new Headers(), text: "" };
}
