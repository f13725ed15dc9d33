import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

/**
 * Limits on a form, checked while its body is read and before anything parses it: a body of
 * millions of empty fields is as small as a photo but costs seconds of parsing, during which the
 * server answers nobody. The largest real forms (the survey editor in six languages, an audience
 * of every department) have a few hundred fields; the longest text field holds 4,000 characters.
 */
export const MAX_FORM_FIELDS = 1000;
/** Per field, as sent (percent-encoded text takes up to nine bytes per character). */
export const MAX_FIELD_BYTES = 64 * 1024;
/** The whole body; the server refuses a longer declared length before reading (413). */
export const MAX_FORM_BYTES = 6 * 1024 * 1024;

export class FormLimitError extends Error {}

export const TOO_MANY_FIELDS = `That form has too many fields (at most ${MAX_FORM_FIELDS}).`;
export const FIELD_TOO_LONG = "A field of that form is too long.";
export const FORM_TOO_LARGE = "That request is too large.";

const AMPERSAND = 0x26;

/**
 * The text of a URL-encoded body, read chunk by chunk: the fields are counted (by their `&`
 * separators) and measured as the bytes arrive, and reading stops at the first field over a
 * limit, so no parser ever sees more than MAX_FORM_FIELDS fields.
 */
export async function readUrlEncodedBody(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let fields = 1;
  let fieldBytes = 0;
  // Reading simply stops: the server discards the rest of the body unparsed once it has
  // answered (cancelling the stream would reset the connection before the client reads the 413).
  const refuse = async (message: string): Promise<never> => {
    reader.releaseLock();
    throw new FormLimitError(message);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_FORM_BYTES) await refuse(FORM_TOO_LARGE);
    let from = 0;
    for (let at = value.indexOf(AMPERSAND); at !== -1; at = value.indexOf(AMPERSAND, from)) {
      if (fieldBytes + (at - from) > MAX_FIELD_BYTES) await refuse(FIELD_TOO_LONG);
      fields++;
      if (fields > MAX_FORM_FIELDS) await refuse(TOO_MANY_FIELDS);
      fieldBytes = 0;
      from = at + 1;
    }
    fieldBytes += value.length - from;
    if (fieldBytes > MAX_FIELD_BYTES) await refuse(FIELD_TOO_LONG);
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A URL-encoded body as FormData, within the limits. */
export async function parseUrlEncodedForm(body: ReadableStream<Uint8Array> | null): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(await readUrlEncodedBody(body))) form.append(name, value);
  return form;
}

/**
 * A multipart body as FormData: text fields up to MAX_FIELD_BYTES, files up to `maxFileBytes`,
 * and parsing stops at the first part over MAX_FORM_FIELDS. A body that never names its
 * declared boundary is no form (the parser would find nothing in it and say nothing): it throws.
 */
export async function parseMultipartForm(request: Request, maxFileBytes = MAX_FIELD_BYTES): Promise<FormData> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get("Content-Type") ?? "");
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ""}`;
  let head = "";
  const decoder = new TextDecoder();
  const watched = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (head.length < 4096) head += decoder.decode(chunk.subarray(0, 4096), { stream: true });
        controller.enqueue(chunk);
      },
    }),
  );
  const copy = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: watched ?? null,
    duplex: "half",
  } as RequestInit);
  const fields = unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });
  const files = unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes });
  let parts = 0;
  const counted: UploadHandler = (part) => {
    parts++;
    if (parts > MAX_FORM_FIELDS) throw new FormLimitError(TOO_MANY_FIELDS);
    return part.filename === undefined ? fields(part) : files(part);
  };
  const form = await unstable_parseMultipartFormData(copy, counted);
  if (parts === 0 && (delimiter === "--" || !head.includes(delimiter))) {
    throw new Error("A multipart body without its boundary.");
  }
  return form;
}
