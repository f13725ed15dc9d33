import { MaxPartSizeExceededError } from "@remix-run/node";
import { HttpError } from "~/domain/http-error";
import { FIELD_TOO_LONG, FormLimitError, parseMultipartForm, parseUrlEncodedForm } from "./form-limits.server";
import { isRecordMissing } from "./prisma-errors";

/**
 * Expected failures are thrown as Responses with a message in plain words; the route error
 * boundary shows the message, never a stack trace.
 */
function fail(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export const badRequest = (message: string) => fail(400, message);
export const unauthorized = (message = "Please sign in first.") => fail(401, message);
export const forbidden = (message = "You do not have access to this page.") => fail(403, message);
export const notFound = (message = "We could not find that page.") => fail(404, message);
export const conflict = (message: string) => fail(409, message);
export const gone = (message: string) => fail(410, message);
export const tooManyRequests = (message: string) => fail(429, message);
export const payloadTooLarge = (message: string) => fail(413, message);

/**
 * Runs a loader's or action's work, answering an expected refusal with its Response: the
 * refusal's status and message. The one place a model's `HttpError` becomes a Response. Call it
 * inside `export async function loader` / `action`, never as `export const loader = ...`: the
 * browser build drops unused functions, but would keep (and run) a top-level call.
 */
export async function withRefusals<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpError) throw fail(error.status, error.message);
    // A record the request named is not there (an id from an old page, or made up).
    if (isRecordMissing(error)) throw notFound("We could not find that.");
    throw error;
  }
}

export type FieldRefusal = { field: string; message: string; status: number };

/**
 * A model call behind a form: its value, or the refusal that names a form field, to be shown
 * next to that field. Any other refusal is thrown on, for `withRefusals`.
 */
export async function refusalOf<T>(work: Promise<T>): Promise<{ ok: true; value: T } | ({ ok: false } & FieldRefusal)> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof HttpError && error.field !== undefined) {
      return { ok: false, field: error.field, message: error.message, status: error.status };
    }
    throw error;
  }
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * The request's form fields. A form over the limits on fields and their size (see
 * form-limits.server.ts) is a 413, refused before it is parsed; a body that is not a readable
 * form is a 400, never a crash.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  try {
    if (type.startsWith("application/x-www-form-urlencoded")) return await parseUrlEncodedForm(request.body);
    if (type.startsWith("multipart/form-data")) return await parseMultipartForm(request);
  } catch (error) {
    throw formRefusal(error);
  }
  throw formRefusal(null);
}

/** The Response for a form that could not be read: 413 over a limit, else 400. */
export function formRefusal(error: unknown): Response {
  if (error instanceof FormLimitError) return payloadTooLarge(error.message);
  if (error instanceof MaxPartSizeExceededError) return payloadTooLarge(FIELD_TOO_LONG);
  return badRequest("The form could not be read. Please reload the page and send it again.");
}
