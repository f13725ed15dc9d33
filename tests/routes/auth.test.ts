import { describe, expect, it } from "vitest";
import { changePassword } from "~/models/users.server";
import { WRONG_LOGIN } from "~/pages/auth.server";
import * as hr from "~/routes/hr";
import * as audit from "~/routes/hr.audit";
import * as people from "~/routes/hr.people._index";
import * as users from "~/routes/hr.users._index";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { call, cookieFor, makeRequest } from "../support/http";

const signIn = async (email: string, password: string, address = "198.51.100.1") =>
  call(
    login.action,
    await makeRequest("/login", { form: { email, password, redirectTo: "/hr/people" } }),
    {},
    { clientAddress: address },
  );

describe("signing in", () => {
  it("starts a session in an HttpOnly, SameSite=Lax cookie and goes where the user was heading", async () => {
    const admin = await makeUser("ADMIN");
    const result = await signIn(admin.email, TEST_PASSWORD);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/hr/people");
    const cookie = result.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__candor_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("marks the cookie Secure when served over HTTPS", async () => {
    const admin = await makeUser("ADMIN");
    const request = new Request("https://candor.test/login", {
      method: "POST",
      body: new URLSearchParams({ email: admin.email, password: TEST_PASSWORD }),
    });
    const result = await call(login.action, request);
    expect(result.headers.get("Set-Cookie")).toContain("Secure");
  });

  it("gives an unknown e-mail and a wrong password the same answer", async () => {
    const admin = await makeUser("ADMIN");
    const wrongPassword = await signIn(admin.email, "not the password");
    const unknownEmail = await signIn("nobody@example.test", "not the password");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.data).toEqual({ message: WRONG_LOGIN, email: admin.email });
    expect(unknownEmail.data).toEqual({ message: WRONG_LOGIN, email: "nobody@example.test" });
    expect(wrongPassword.headers.get("Set-Cookie")).toBeNull();
  });

  it("asks for both fields when one is empty", async () => {
    const result = await signIn("", "");
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ message: "Enter your e-mail and password." });
  });

  it("throttles repeated wrong passwords for an e-mail from one address, even with the right one after", async () => {
    const admin = await makeUser("ADMIN");
    for (let i = 0; i < 5; i++) expect((await signIn(admin.email, `wrong ${i}`, "192.0.2.1")).status).toBe(401);
    const locked = await signIn(admin.email, TEST_PASSWORD, "192.0.2.1");
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/Too many failed sign-ins\. Please wait 1 minute/);
  });

  it("does not let a stranger's wrong passwords lock the owner out", async () => {
    const admin = await makeUser("ADMIN");
    for (let i = 0; i < 5; i++) expect((await signIn(admin.email, `wrong ${i}`, "192.0.2.66")).status).toBe(401);
    expect((await signIn(admin.email, `wrong again`, "192.0.2.66")).status).toBe(429);
    const owner = await signIn(admin.email, TEST_PASSWORD, "198.51.100.20");
    expect(owner.status).toBe(302);
  });

  it("still locks an e-mail guessed at from many addresses", async () => {
    const admin = await makeUser("ADMIN");
    for (let i = 0; i < 50; i++)
      expect((await signIn(admin.email, `wrong ${i}`, `203.0.113.${i % 25}`)).status).toBe(401);
    const locked = await signIn(admin.email, TEST_PASSWORD, "198.51.100.21");
    expect(locked.status).toBe(429);
  });

  it("refuses a deactivated login", async () => {
    const admin = await makeUser("ADMIN");
    await prisma.user.update({ where: { id: admin.id }, data: { active: false } });
    expect((await signIn(admin.email, TEST_PASSWORD)).status).toBe(401);
  });

  it("records failed sign-ins in the audit log, without telling whether the e-mail exists", async () => {
    const admin = await makeUser("ADMIN");
    await signIn(admin.email, "not the password", "198.51.100.44");
    await signIn("nobody-here@example.test", "whatever", "198.51.100.44");
    // A password typed into the e-mail field by mistake never reaches the log.
    await signIn("Correct Horse 42!", "whatever", "198.51.100.44");
    const failed = await prisma.auditLog.findMany({
      where: { action: "user.sign-in-failed", target: "198.51.100.44" },
      orderBy: { id: "asc" },
    });
    expect(failed.map((entry) => [entry.actorId, entry.actorEmail])).toEqual([
      [null, admin.email],
      [null, "nobody-here@example.test"],
      [null, "(not an e-mail address)"],
    ]);
    expect(JSON.stringify(await prisma.auditLog.findMany())).not.toMatch(/horse/i);
  });

  it("records sign-ins in the audit log", async () => {
    const admin = await makeUser("ADMIN");
    await signIn(admin.email, TEST_PASSWORD);
    expect(await prisma.auditLog.count({ where: { actorId: admin.id, action: "user.sign-in" } })).toBe(1);
  });

  it("never redirects to another site after sign-in", async () => {
    const admin = await makeUser("ADMIN");
    for (const redirectTo of ["//evil.example/x", "/\t/evil.example", "/\\evil.example"]) {
      const request = await makeRequest("/login", {
        form: { email: admin.email, password: TEST_PASSWORD, redirectTo },
      });
      const result = await call(login.action, request);
      expect(result.headers.get("Location")).toBe("/hr");
    }
  });

  it("never sends someone already signed in to another site", async () => {
    const admin = await makeUser("ADMIN");
    const request = await makeRequest(`/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`, { as: admin });
    const result = await call(login.loader, request);
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/hr");
  });
});

describe("signing out", () => {
  it("clears the session on POST", async () => {
    const admin = await makeUser("ADMIN");
    const result = await call(logout.action, await makeRequest("/logout", { as: admin, method: "POST" }));
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toMatch(/__candor_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it("does nothing on GET, since no GET changes state", async () => {
    const result = await call(logout.loader, await makeRequest("/logout"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("sessions", () => {
  const hoursAgo = (hours: number) => Date.now() - hours * 3600_000;
  const peoplePage = (cookie: string) =>
    call(
      people.loader,
      new Request("http://candor.test/hr/people", { headers: { Accept: "text/html", Cookie: cookie } }),
    );

  it("end everywhere on sign-out: a copied cookie stops working", async () => {
    const admin = await makeUser("ADMIN");
    const signedIn = await signIn(admin.email, TEST_PASSWORD);
    const cookie = signedIn.headers.get("Set-Cookie")!.split(";")[0];
    const copy = cookie;
    expect((await peoplePage(copy)).status).toBe(200);
    const signedOut = await call(
      logout.action,
      new Request("http://candor.test/logout", { method: "POST", headers: { Cookie: cookie } }),
    );
    expect(signedOut.status).toBe(302);
    const afterwards = await peoplePage(copy);
    expect(afterwards.status).toBe(302);
    expect(afterwards.headers.get("Location")).toMatch(/^\/login/);
    // Signing in again starts a new session that works.
    const again = (await signIn(admin.email, TEST_PASSWORD)).headers.get("Set-Cookie")!.split(";")[0];
    expect((await peoplePage(again)).status).toBe(200);
  });

  it("are refused once they are older than 8 hours, whatever the cookie says", async () => {
    const admin = await makeUser("ADMIN");
    expect((await peoplePage(await cookieFor(admin, { issuedAt: hoursAgo(7.9) }))).status).toBe(200);
    const old = await peoplePage(await cookieFor(admin, { issuedAt: hoursAgo(8.1) }));
    expect(old.status).toBe(302);
    expect(old.headers.get("Location")).toMatch(/^\/login/);
  });

  it("are refused when their sign-in time lies in the future", async () => {
    const admin = await makeUser("ADMIN");
    for (const issuedAt of [Date.now() + 5 * 60_000, hoursAgo(-7.9), Date.now() + 10 * 365 * 24 * 3_600_000]) {
      const future = await peoplePage(await cookieFor(admin, { issuedAt }));
      expect(future.status).toBe(302);
      expect(future.headers.get("Location")).toMatch(/^\/login/);
    }
    // A clock a few seconds ahead on another server is no future.
    expect((await peoplePage(await cookieFor(admin, { issuedAt: Date.now() + 5_000 }))).status).toBe(200);
  });

  it("end when the password changes", async () => {
    const admin = await makeUser("ADMIN");
    const cookie = await cookieFor(admin);
    await changePassword({ id: admin.id, email: admin.email }, admin.id, "a brand new password 123");
    expect((await peoplePage(cookie)).status).toBe(302);
  });

  it("end when the login is deactivated, and stay ended after it is reactivated", async () => {
    const [admin, other] = [await makeUser("ADMIN"), await makeUser("ADMIN")];
    const cookie = await cookieFor(other);
    for (const intent of ["deactivate", "reactivate"]) {
      const toggled = await call(
        users.action,
        await makeRequest("/hr/users", { as: admin, form: { id: other.id, intent } }),
      );
      expect(toggled.status).toBe(302);
    }
    expect((await peoplePage(cookie)).status).toBe(302);
    expect((await peoplePage(await cookieFor(other))).status).toBe(200);
  });
});

describe("guards", () => {
  it("sends a visitor without a session to sign in, remembering the page", async () => {
    const result = await call(people.loader, await makeRequest("/hr/people?q=x"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/login?redirectTo=%2Fhr%2Fpeople%3Fq%3Dx");
  });

  it("answers 401 to a form post or download without a session", async () => {
    const result = await call(people.loader, await makeRequest("/hr/people", { page: false }));
    expect(result.status).toBe(401);
  });

  it("gives trainers and managers 403 on admin pages", async () => {
    const trainer = await makeUser("TRAINER");
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    for (const user of [trainer, manager]) {
      expect((await call(people.loader, await makeRequest("/hr/people", { as: user }))).status).toBe(403);
      expect((await call(audit.loader, await makeRequest("/hr/audit", { as: user }))).status).toBe(403);
    }
  });

  it("lets every signed-in role into the HR area itself", async () => {
    const trainer = await makeUser("TRAINER");
    const result = await call(hr.loader, await makeRequest("/hr", { as: trainer }));
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ user: { role: "TRAINER" } });
  });

  it("refuses a tampered session cookie", async () => {
    const admin = await makeUser("ADMIN");
    const request = await makeRequest("/hr/people", { as: admin });
    const cookie = request.headers.get("Cookie")!;
    // Change one character of the signed value: the session data or its signature.
    for (const at of [cookie.indexOf("=") + 3, cookie.length - 3]) {
      const changed = cookie.slice(0, at) + (cookie[at] === "A" ? "B" : "A") + cookie.slice(at + 1);
      const tampered = new Request(request.url, { headers: { Accept: "text/html", Cookie: changed } });
      expect((await call(people.loader, tampered)).status).toBe(302);
    }
  });
});
