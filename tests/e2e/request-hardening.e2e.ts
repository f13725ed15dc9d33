/**
 * Requests no browser would send, against the built server: mangled spellings of a personal
 * link (no token may reach anything the server prints), methods and Host headers it cannot
 * serve (4xx, never 500), and the caching of survey pages.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "./support/database";

const databaseFile = useDatabase("request-hardening");
const { makeDepartment, makePerson, makeRole } = await import("../support/fixtures");
const { inviteWithTokens, makeRound } = await import("../support/rounds");
const { startServer } = await import("../support/server");
type RunningServer = Awaited<ReturnType<typeof startServer>>;

let token: string;
let production: RunningServer;
let development: RunningServer;

beforeAll(async () => {
  const [d, r] = [await makeDepartment("Warehouse"), await makeRole("Picker")];
  const person = await makePerson(d.id, r.id);
  const round = await makeRound({ state: "open" });
  [token] = await inviteWithTokens(round, [person]);
  production = await startServer({ databaseFile });
  // Without NODE_ENV the router prints warnings a production build keeps quiet about.
  development = await startServer({ databaseFile, env: { NODE_ENV: "" } });
});

afterAll(async () => {
  await production?.stop();
  await development?.stop();
});

/**
 * A raw request on a connection of its own: the path and headers go out exactly as given, unlike
 * with fetch, and no kept-alive connection the server may be closing is reused.
 */
function send(
  server: RunningServer,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

const raw = async (...args: Parameters<typeof send>) => (await send(...args)).status;

/** Every character of `text` percent-encoded, or only some, in upper or lower case. */
function percentEncode(text: string, pick: (index: number) => boolean, lower = false): string {
  return [...text]
    .map((char, index) => {
      if (!pick(index)) return char;
      const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
      return `%${lower ? hex : hex.toUpperCase()}`;
    })
    .join("");
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
}

/** Spellings of a personal link a client could send, broken or not. */
function linkSpellings(t: string): string[] {
  const prefixes = ["/a/", "/A/", "/%61/", "/%41/", "//a/", "///a/", "/a//", "/./a/", "/x/../a/", "\\a\\", "/%2561/"];
  const tokens = [
    t,
    swapCase(t),
    t.toLowerCase(),
    percentEncode(t, () => true),
    percentEncode(t, () => true, true),
    percentEncode(t, (i) => i % 3 === 0),
    percentEncode(
      percentEncode(t, (i) => i % 5 === 0),
      () => false,
    ).replace(/%/g, "%25"),
  ];
  const suffixes = [
    "",
    "/",
    "/extra",
    "//x",
    "/extra/more",
    "%ED%A0%80",
    "%C0%AF",
    "%FF",
    "%",
    "%zz",
    "%00",
    "/%E2%80%AE",
    "?lang=pl",
    "/x?lang=%FF",
    ";x",
    "/..",
    ".json",
    ".data",
    ".data?index",
    "/_.data",
    "?_data=routes%2Fa.%24token",
    "?index",
  ];
  const paths: string[] = [];
  for (const prefix of prefixes)
    for (const spelled of tokens)
      for (const suffix of suffixes) {
        paths.push(`${prefix}${spelled}${suffix}`);
      }
  // The token elsewhere: in a query, in another route's path, as a whole path.
  paths.push(`/login?redirectTo=/a/${t}`, `/hr/people/${t}`, `/s/${t}`, `/${t}`, `/thanks/${t}%FF`);
  return paths;
}

/** What the server printed, in every form that could hold the token: as is, decoded, in any case. */
function leaks(output: string, t: string): boolean {
  let decoded = output;
  for (let i = 0; i < 3; i++) {
    decoded = decoded.replace(/(%[0-9a-f]{2})+/gi, (sequence) => {
      try {
        return decodeURIComponent(sequence);
      } catch {
        return sequence;
      }
    });
  }
  const haystack = `${output}\n${decoded}`.toLowerCase();
  return haystack.includes(t.toLowerCase());
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

describe("mangled personal links", () => {
  for (const mode of ["production", "development"] as const) {
    it(`print no token, whatever the path, encoding, case or method (${mode})`, async () => {
      const server = mode === "production" ? production : development;
      const paths = linkSpellings(token);
      const serverErrors: string[] = [];
      for (const [index, path] of paths.entries()) {
        // Every path with GET; the other methods take turns, with a form body where one fits.
        for (const method of ["GET", METHODS[1 + (index % (METHODS.length - 1))]]) {
          const body = ["POST", "PUT", "PATCH"].includes(method) ? "score=9&why=x" : undefined;
          const headers: Record<string, string> = { Accept: "text/html" };
          if (body) {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            headers["Content-Length"] = String(body.length);
          }
          const status = await raw(server, method, path, headers, body);
          if (status >= 500) serverErrors.push(`${method} ${path}: ${status}`);
        }
      }
      // The request log prints each request once it is answered; one more marks the end.
      await raw(server, "GET", `/fuzz-done-${mode}`);
      await expect.poll(() => server.output(), { timeout: 15_000 }).toContain(`GET /fuzz-done-${mode} 404`);
      expect(leaks(server.output(), token), server.output().slice(-3_000)).toBe(false);
      expect(serverErrors).toEqual([]);
    });
  }
});

describe("requests the app cannot serve", () => {
  it("answers TRACE, CONNECT-like and unknown methods with 405, never 500", async () => {
    for (const method of ["TRACE", "PROPFIND", "M-SEARCH"]) {
      expect(await raw(production, method, "/"), method).toBe(405);
    }
  });

  it("answers a Host header that is no host name with 400, never 500", async () => {
    for (const host of ["a b<>", "<script>", "a/b", "a@b", "[::1"]) {
      expect(await raw(production, "GET", "/", { Host: host }), host).toBe(400);
    }
    expect(await raw(production, "GET", "/login", { Host: "candor.example:8080" })).toBe(200);
  });
});

describe("forms of very many fields", () => {
  it("are refused with 413 and a plain message before they are parsed", async () => {
    const body = "&".repeat(2_000_000);
    const headers = { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) };
    const response = await send(production, "POST", "/login", headers, body);
    expect(response.status).toBe(413);
    // The error page, in plain words.
    expect(response.text).toContain("That form has too many fields (at most 1000).");
    expect(await raw(production, "GET", "/login")).toBe(200);
  });
});

describe("personal survey pages", () => {
  it("are never cached, nor are their sub-paths and unknown links", async () => {
    for (const path of [`/a/${token}`, `/a/${token}/extra`, `/A/${token}`, `/a/${"B".repeat(43)}`]) {
      const response = await send(production, "GET", path, { Accept: "text/html" });
      expect(response.headers["cache-control"], path).toBe("no-store");
    }
    expect(await raw(production, "GET", `/a/${token}`)).toBe(200);
  });
});
