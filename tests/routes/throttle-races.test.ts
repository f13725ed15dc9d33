/**
 * Bursts of simultaneous password tries: every try is counted before its password is checked,
 * so a burst gets no more checks than the limits allow one after another (5 per e-mail and
 * address, 50 per address), on the sign-in page and on "change my password".
 */
import { describe, expect, it } from "vitest";
import * as password from "~/routes/hr.password";
import * as login from "~/routes/login";
import { makeUser, TEST_PASSWORD } from "../support/fixtures";
import { call, makeRequest } from "../support/http";

const signIn = async (email: string, pass: string, address: string) =>
  call(login.action, await makeRequest("/login", { form: { email, password: pass } }), {}, { clientAddress: address });

const statuses = (outcomes: { status: number }[]) => {
  const counts: Record<number, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

describe("simultaneous sign-ins", () => {
  it("check at most 5 passwords of 30 sent at once for one e-mail from one address, the right one last", async () => {
    const admin = await makeUser("ADMIN");
    const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? TEST_PASSWORD : `wrong ${i}`));
    const outcomes = await Promise.all(tries.map((pass) => signIn(admin.email, pass, "192.0.2.30")));
    expect(statuses(outcomes)).toEqual({ 401: 5, 429: 25 });
    expect(outcomes[29].status).toBe(429);
    expect(outcomes.some((o) => o.headers.get("Set-Cookie") !== null)).toBe(false);
  });

  it("check at most 50 of 60 sign-ins sent at once for 60 e-mails from one address", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(`someone-${i}@example.test`, "guess", "192.0.2.60")),
    );
    expect(statuses(outcomes)).toEqual({ 401: 50, 429: 10 });
  });

  it("still let the owner in from another address, and a right password gives its reservation back", async () => {
    const admin = await makeUser("ADMIN");
    await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(admin.email, `wrong ${i}`, "192.0.2.31")));
    expect((await signIn(admin.email, TEST_PASSWORD, "198.51.100.31")).status).toBe(302);
    // Four wrong and one right, all at once: the right one takes its count back, so the owner
    // may still make four mistakes from there before the lock.
    const owner = await makeUser("ADMIN");
    const burst = ["a", "b", "c", "d", TEST_PASSWORD].map((pass) => signIn(owner.email, pass, "192.0.2.32"));
    expect(statuses(await Promise.all(burst))).toEqual({ 302: 1, 401: 4 });
    expect((await signIn(owner.email, TEST_PASSWORD, "192.0.2.32")).status).toBe(302);
  });
});

describe("simultaneous tries at the current password", () => {
  it("check at most 5 of 30 sent at once, the right one last", async () => {
    const user = await makeUser("TRAINER");
    const change = async (current: string) =>
      call(
        password.action,
        await makeRequest("/hr/password", {
          as: user,
          form: {
            currentPassword: current,
            newPassword: "a brand new passphrase",
            confirmPassword: "a brand new passphrase",
          },
        }),
        {},
        { clientAddress: "192.0.2.40" },
      );
    const tries = Array.from({ length: 30 }, (_, i) => (i === 29 ? TEST_PASSWORD : `wrong ${i}`));
    const outcomes = await Promise.all(tries.map(change));
    expect(statuses(outcomes)).toEqual({ 400: 5, 429: 25 });
  });
});
