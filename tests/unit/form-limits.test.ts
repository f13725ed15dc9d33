/**
 * Forms of millions of tiny fields cost seconds to parse: the limits on fields and their size
 * are checked while the body is read, before any parser sees it, and answered 413.
 */
import { describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import { MAX_FIELD_BYTES, MAX_FORM_FIELDS, TOO_MANY_FIELDS, readUrlEncodedBody } from "~/utils/form-limits.server";
import { readForm } from "~/utils/http.server";
import { readUploadedText } from "~/utils/upload.server";

/** A body served in chunks on demand, recording how many chunks were pulled. */
function lazyBody(chunks: number, chunk: () => string) {
  const pulled = { count: 0 };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(encoder.encode(chunk()));
    },
  });
  return { stream, pulled };
}

const urlEncoded = (body: BodyInit) =>
  new Request("http://candor.test/login", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    duplex: "half",
  } as RequestInit);

async function refusal(work: Promise<unknown>) {
  const thrown = await work.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(thrown instanceof Response)) throw new Error(`expected a Response, got ${String(thrown)}`);
  return { status: thrown.status, type: thrown.headers.get("Content-Type"), text: await thrown.text() };
}

describe("URL-encoded forms", () => {
  it("refuse 2 million empty fields with 413 after reading only the start of the body", async () => {
    // 2,000,000 "&" in 100 chunks of 20,000: the limit falls inside the first chunk.
    const { stream, pulled } = lazyBody(100, () => "&".repeat(20_000));
    const refused = await refusal(readForm(urlEncoded(stream)));
    expect(refused).toEqual({ status: 413, type: "text/plain; charset=utf-8", text: TOO_MANY_FIELDS });
    // The stream reads one chunk ahead of its reader.
    expect(pulled.count).toBeLessThanOrEqual(2);
  });

  it("never hand the parser more than the limit, however the fields are spread over chunks", async () => {
    let field = 0;
    const { stream, pulled } = lazyBody(1_000, () => Array.from({ length: 7 }, () => `f${field++}=x&`).join(""));
    await expect(readUrlEncodedBody(stream)).rejects.toThrow(TOO_MANY_FIELDS);
    expect(pulled.count).toBeLessThanOrEqual(Math.ceil(MAX_FORM_FIELDS / 7) + 1);
  });

  it("take a form of exactly the limit, with repeated names kept", async () => {
    const fields = new URLSearchParams();
    for (let i = 0; i < MAX_FORM_FIELDS; i++) fields.append("departmentIds", `d${i}`);
    const form = await readForm(urlEncoded(fields));
    expect(form.getAll("departmentIds")).toHaveLength(MAX_FORM_FIELDS);
    const extra = new URLSearchParams(fields);
    extra.append("one", "more");
    expect((await refusal(readForm(urlEncoded(extra)))).status).toBe(413);
  });

  it("refuse one field over the size limit, also when it spans chunks", async () => {
    const long = new URLSearchParams({ note: "x".repeat(MAX_FIELD_BYTES) });
    expect(await refusal(readForm(urlEncoded(long)))).toMatchObject({
      status: 413,
      text: "A field of that form is too long.",
    });
    const { stream, pulled } = lazyBody(100, () => "y".repeat(10_000));
    expect((await refusal(readForm(urlEncoded(stream)))).status).toBe(413);
    expect(pulled.count).toBeLessThanOrEqual(Math.ceil(MAX_FIELD_BYTES / 10_000) + 1);
    const fits = new URLSearchParams({ note: "é".repeat(4_000), other: "x" });
    expect((await readForm(urlEncoded(fits))).get("note")).toBe("é".repeat(4_000));
  });

  it("are refused by a route's action with 413", async () => {
    const body = `email=a%40example.test&password=x${"&".repeat(MAX_FORM_FIELDS)}`;
    const thrown = await login.action({ request: urlEncoded(body), params: {}, context: {} }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(413);
  });
});

describe("multipart forms", () => {
  const multipart = (parts: number, boundary = "b0undary") => {
    let sent = 0;
    const pulled = { count: 0 };
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= parts) {
          controller.enqueue(encoder.encode(`--${boundary}--\r\n`));
          return controller.close();
        }
        pulled.count++;
        let text = "";
        for (let i = 0; i < 50 && sent < parts; i++, sent++) {
          text += `--${boundary}\r\nContent-Disposition: form-data; name="f${sent}"\r\n\r\nx\r\n`;
        }
        controller.enqueue(encoder.encode(text));
      },
    });
    const request = new Request("http://candor.test/hr/import", {
      method: "POST",
      body: stream,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    return { request, pulled };
  };

  it("refuse too many parts with 413, stopping the parser at the first part over the limit", async () => {
    const { request, pulled } = multipart(200_000);
    expect(await refusal(readForm(request))).toMatchObject({ status: 413, text: TOO_MANY_FIELDS });
    expect(pulled.count).toBeLessThan(200_000 / 50 / 10);
  });

  it("refuse too many parts on the import page too", async () => {
    const { request } = multipart(MAX_FORM_FIELDS + 1);
    expect((await refusal(readUploadedText(request, "file"))).status).toBe(413);
  });

  it("take a multipart form within the limits", async () => {
    const { request } = multipart(MAX_FORM_FIELDS);
    expect([...(await readForm(request)).keys()]).toHaveLength(MAX_FORM_FIELDS);
  });
});
