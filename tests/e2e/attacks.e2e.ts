/**
 * What a hostile browser or script can try over HTTP against the built server: forged
 * cross-site posts, state changes by GET, oversized and malformed bodies, markup in names.
 */
import http from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { removeDatabaseFile, signInOverHttp, startServer } from "../support/server";

const baseUrl = inject("baseUrl");
let cookie: string;

beforeAll(async () => {
  const output = inject("serverOutput");
  const email = /e-mail:\s+(\S+)/.exec(output)![1];
  const password = /password:\s+(\S+)/.exec(output)![1];
  cookie = await signInOverHttp(baseUrl, email, password);
});

const page = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie, Accept: "text/html", ...headers }, redirect: "manual" });
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}${path}`, { method: "POST", body, headers: { Cookie: cookie, ...headers }, redirect: "manual" });
const departmentsPage = async () => (await page("/hr/departments")).text();

describe("the server's defences", () => {
  it("sends headers that keep pages out of frames, tokens out of referrers and scripts to our own", async () => {
    const response = await fetch(`${baseUrl}/login`);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses a form posted from another site, even with the victim's session cookie", async () => {
    const form = () => new URLSearchParams({ intent: "create", name: "Forged department" });
    const forged: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null" },
    ];
    for (const headers of forged) {
      const response = await post("/hr/departments", form(), headers);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("only be sent from Candor's own pages");
    }
    expect(await departmentsPage()).not.toContain("Forged department");
    const forgedLogin = await fetch(`${baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "x@y.z", password: "x" }),
      headers: { Origin: "https://evil.example" },
    });
    expect(forgedLogin.status).toBe(403);
  });

  it("does not sign out on a GET", async () => {
    await page("/logout");
    expect((await page("/hr")).status).toBe(200);
  });

  it("refuses an oversized body without reading it, storing nothing", async () => {
    const huge = `intent=create&name=${"x".repeat(7 * 1024 * 1024)}`;
    const response = await post("/hr/departments", huge, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(413);
    expect(await departmentsPage()).not.toContain("xxxxxxxxxx");
  });

  it("refuses a body sent without a length (chunked), which could not be limited, storing nothing", async () => {
    const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${baseUrl}/hr/departments`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Content-Type": "application/x-www-form-urlencoded",
          "Transfer-Encoding": "chunked",
        },
      });
      request.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      request.on("error", reject);
      request.write("intent=create&name=");
      request.end("Chunked department");
    });
    expect(response.status).toBe(411);
    expect(response.text).toContain("Length required");
    expect(await departmentsPage()).not.toContain("Chunked department");
  });

  it("answers a malformed form with 400 in plain words, storing nothing", async () => {
    const json = await post("/hr/departments", JSON.stringify({ intent: "create", name: "From JSON" }), {
      "Content-Type": "application/json",
    });
    expect(json.status).toBe(400);
    expect(await json.text()).toContain("could not be read");
    const broken = await post("/hr/import", '--nope\r\nContent-Disposition: form-data; name="file"\r\n\r\nx', {
      "Content-Type": "multipart/form-data; boundary=something-else",
    });
    expect(broken.status).toBe(400);
    expect(await departmentsPage()).not.toContain("From JSON");
  });

  it("shows markup in names as text", async () => {
    const name = '<img src=x onerror="alert(1)"> <script>alert(2)</script>';
    const created = await post("/hr/departments", new URLSearchParams({ intent: "create", name }));
    expect(created.status).toBe(302);
    const html = await departmentsPage();
    expect(html).not.toContain("<script>alert(2)</script>");
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("prints no survey token, however the link is spelled or mangled", async () => {
    const server = await startServer();
    try {
      const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MDEyMzQ1Ng";
      const paths = [
        `/a/${token}`,
        `/A/${token}`,
        `/%61/${token}`,
        `/a/${token}/extra`,
        `/A/${token}/extra/more`,
        `//a/${token}`,
        `/a/${token}?lang=pl`,
      ];
      for (const path of paths) {
        const response = await fetch(`${server.url}${path}`, { headers: { Accept: "text/html" } });
        expect(response.status, path).toBe(404);
        await response.arrayBuffer();
      }
      const posted = await fetch(`${server.url}/A/${token}/extra`, {
        method: "POST",
        body: new URLSearchParams({ score: "9" }),
      });
      expect(posted.status).toBeGreaterThanOrEqual(400);
      // The server prints each request as it finishes; wait until the last one is in the output.
      const redactedLines = () =>
        server
          .output()
          .split("\n")
          .filter((line) => line.includes("/a/[token]")).length;
      await expect.poll(redactedLines, { timeout: 10_000 }).toBe(paths.length + 1);
      expect(server.output().toLowerCase()).not.toContain(token.toLowerCase());
      expect(server.output()).not.toContain("No route matches");
    } finally {
      await server.stop();
      removeDatabaseFile(server.databaseFile);
    }
  });

  it("answers unknown pages and unknown personal links with 404, not an error", async () => {
    expect((await page("/hr/people/does-not-exist")).status).toBe(404);
    expect((await fetch(`${baseUrl}/a/${"A".repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/no/such/page`)).status).toBe(404);
  });
});
