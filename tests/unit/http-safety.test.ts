import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "~/utils/database-url";
import { redactPath, redactTokenIn, scrubTokens } from "~/utils/log-redaction";
import { isDecodablePath, isServedMethod, isValidHost, personalLinkPath } from "~/utils/request-guards";
import { safeRedirect } from "~/utils/safe-redirect";
import { isCrossSiteRequest } from "~/utils/same-origin";

describe("redactPath", () => {
  it("cuts the token out of a personal survey link", () => {
    expect(redactPath("/a/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng")).toBe("/a/[token]");
    expect(redactPath("/a/abc/thanks?lang=uk")).toBe("/a/[token]/thanks");
  });

  it("drops query strings, which may carry anything", () => {
    expect(redactPath("/hr/people?q=someone")).toBe("/hr/people");
  });

  it("cuts the token out of every spelling the router serves as a personal link", () => {
    const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng";
    const spellings = [
      `/A/${token}`,
      `/%61/${token}`,
      `/%41/${token}`,
      `/a/${token.slice(0, 5)}%${token.charCodeAt(5).toString(16)}${token.slice(6)}`,
      `//a/${token}`,
      `/a//${token}`,
      `/./a/${token}`,
      `/x/../a/${token}`,
      `/%2e/a/${token}`,
      `/a\\${token}`,
      `/a%2F${token}`,
      `/%2561/${token}`,
    ];
    for (const path of spellings) {
      const logged = redactPath(path);
      expect(logged, path).toBe("/a/[token]");
      expect(logged.toLowerCase()).not.toContain(token.toLowerCase());
    }
    expect(redactPath(`/A/${token}/Extra?x=1`)).toBe("/a/[token]/extra");
  });

  it("leaves other paths alone", () => {
    expect(redactPath("/hr/rounds/abc")).toBe("/hr/rounds/abc");
    expect(redactPath("/about/a/x")).toBe("/about/a/x");
    expect(redactPath("/hr/People/%41bc")).toBe("/hr/People/%41bc");
    expect(redactPath("/a")).toBe("/a");
    expect(redactPath("/s/kiosk-key?kiosk=1")).toBe("/s/kiosk-key");
  });
});

describe("redactTokenIn", () => {
  const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng";

  it("cuts the request's token out of an error's text, in whatever spelling it is quoted", () => {
    const url = `http://candor.test/%41/${token}/extra?lang=uk`;
    const text = [
      `Error: You made a POST request to "/%41/${token}/extra" but did not provide an action`,
      `while reading /a/${token.toLowerCase()}/extra`,
      `token ${token.toUpperCase()} in a message`,
    ].join("\n");
    const redacted = redactTokenIn(text, url);
    expect(redacted.toLowerCase()).not.toContain(token.toLowerCase());
    expect(redacted).toContain('"/a/[token]/extra"');
    expect(redacted).toContain("token [token] in a message");
  });

  it("leaves the text of other requests alone", () => {
    const text = `Error: something broke at /hr/rounds/${token}`;
    expect(redactTokenIn(text, `http://candor.test/hr/rounds/${token}`)).toBe(text);
  });
});

describe("safeRedirect", () => {
  it("keeps paths of Candor itself, with their query and fragment", () => {
    for (const path of ["/hr", "/hr/people?q=ana&page=2", "/hr/rounds/abc#results", "/login?redirectTo=%2Fhr", "/"]) {
      expect(safeRedirect(path)).toBe(path);
    }
  });

  it("refuses every known way to name another site", () => {
    const bypasses = [
      "//evil.example",
      "//evil.example/hr",
      "///evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "/\t\\evil.example",
      "/\u0000/evil.example",
      "/\u001f/evil.example",
      "/\u007f/evil.example",
      "/ /evil.example",
      "/\u00a0/evil.example",
      "/\u2028/evil.example",
      "/\u200b/evil.example",
      "/\ufeff/evil.example",
      "\t//evil.example",
      " //evil.example",
      "https://evil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      "evil.example",
      "",
    ];
    for (const to of bypasses) expect(safeRedirect(to), JSON.stringify(to)).toBe("/hr");
  });

  it("falls back for anything but a string", () => {
    for (const to of [null, undefined, 42, ["/hr/people"], { href: "/hr/people" }])
      expect(safeRedirect(to, "/x")).toBe("/x");
  });
});

describe("isCrossSiteRequest", () => {
  it("accepts a same-origin form post", () => {
    expect(isCrossSiteRequest({ origin: "https://candor.example", host: "candor.example" })).toBe(false);
    expect(isCrossSiteRequest({ origin: "null", host: "candor.example", secFetchSite: "same-origin" })).toBe(false);
  });

  it("refuses a post from another origin", () => {
    expect(isCrossSiteRequest({ origin: "https://evil.example", host: "candor.example" })).toBe(true);
    expect(isCrossSiteRequest({ origin: "http://candor.example:8080", host: "candor.example" })).toBe(true);
  });

  it("trusts Sec-Fetch-Site over Origin, and refuses sibling subdomains too", () => {
    expect(
      isCrossSiteRequest({ origin: "https://candor.example", host: "candor.example", secFetchSite: "cross-site" }),
    ).toBe(true);
    expect(isCrossSiteRequest({ host: "candor.example", secFetchSite: "same-site" })).toBe(true);
  });

  it("refuses an opaque origin from a browser that does not say where it came from", () => {
    expect(isCrossSiteRequest({ origin: "null", host: "candor.example" })).toBe(true);
  });

  it("lets requests without browser headers through to the normal checks", () => {
    expect(isCrossSiteRequest({ host: "candor.example" })).toBe(false);
    expect(isCrossSiteRequest({ host: "candor.example", secFetchSite: "none" })).toBe(false);
  });
});

describe("resolveDatabaseUrl", () => {
  it("defaults to data/candor.db in the working folder", () => {
    expect(resolveDatabaseUrl("")).toBe(`file:${path.resolve("data/candor.db")}`);
  });

  it("resolves relative paths against the working folder", () => {
    expect(resolveDatabaseUrl("file:./x/y.db")).toBe(`file:${path.resolve("x/y.db")}`);
  });

  it("refuses anything but a SQLite file URL", () => {
    expect(() => resolveDatabaseUrl("postgres://x")).toThrow(/SQLite/);
  });
});

describe("scrubTokens", () => {
  const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng_-A1b";

  it("cuts out anything shaped like a token, as is, in another case or percent-encoded", () => {
    const encoded = [...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    const text = `No routes matched location "/${token}" ${token.toLowerCase()} /x/${encoded}/y`;
    const scrubbed = scrubTokens(text);
    expect(scrubbed).toBe('No routes matched location "/[token]" [token] /x/[token]/y');
  });

  it("leaves shorter and longer runs alone (ids, hashes)", () => {
    const text = "user clx1y2z3a0000abcd hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    expect(scrubTokens(text)).toBe(text);
  });
});

describe("request guards", () => {
  it("serves the usual methods and refuses TRACE and made-up ones", () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(isServedMethod(method)).toBe(true);
    }
    for (const method of ["TRACE", "CONNECT", "PROPFIND", "M-SEARCH"]) expect(isServedMethod(method)).toBe(false);
  });

  it("accepts host names and addresses with a port, and nothing else", () => {
    for (const host of [
      "candor.example",
      "localhost:3000",
      "127.0.0.1:8080",
      "[::1]:3000",
      "a-b.example.",
      undefined,
    ]) {
      expect(isValidHost(host), String(host)).toBe(true);
    }
    for (const host of ["a b<>", "", "a/b", "a@b", "[::1", "a:b", "x:99999999", "-a.example"]) {
      expect(isValidHost(host), host).toBe(false);
    }
  });

  it("tells paths with broken percent-encoding", () => {
    expect(isDecodablePath("/a/x%20y")).toBe(true);
    for (const path of ["/a/x%ED%A0%80", "/%FF", "/x%", "/%zz"]) expect(isDecodablePath(path), path).toBe(false);
  });

  it("lets only the plain spelling of a personal link through to the app", () => {
    const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng_-A1b";
    expect(personalLinkPath(`/a/${token}`)).toBe("link");
    expect(personalLinkPath(`/A/${token}/`)).toBe("link");
    expect(personalLinkPath(`/a/${token}.data`)).toBe("link");
    for (const path of [
      `/a/${token}/extra`,
      `//a/${token}`,
      `/%61/${token}`,
      `/a/%5A${token.slice(1)}`,
      `/a\\${token}`,
    ]) {
      expect(personalLinkPath(path), path).toBe("not-found");
    }
    expect(personalLinkPath("/hr/people")).toBeNull();
    expect(personalLinkPath("/about/a/x")).toBeNull();
  });
});
