/**
 * Two server processes on one database file, and bursts of simultaneous requests split between
 * them: the throttles count in the database, so together the two allow no more than one would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "./support/database";

const databaseFile = useDatabase("throttle-processes");
const { prisma } = await import("~/utils/db.server");
const { makeDepartment, makeRole, makeUser, TEST_PASSWORD } = await import("../support/fixtures");
const { makeRound } = await import("../support/rounds");
const { startServer } = await import("../support/server");
type RunningServer = Awaited<ReturnType<typeof startServer>>;

let servers: RunningServer[] = [];
let email: string;
let sharedKey: string;
let sharedFields: Record<string, string>;

beforeAll(async () => {
  email = (await makeUser("ADMIN")).email;
  const [department, role] = [await makeDepartment(), await makeRole()];
  sharedKey = "two-process-kiosk";
  const round = await makeRound({ state: "open", sharedKey });
  await prisma.round.update({
    where: { id: round.id },
    data: { audience: JSON.stringify({ departmentIds: [department.id], roleIds: [] }) },
  });
  sharedFields = { score: "8", departmentId: department.id, roleId: role.id };
  const env = { LOG_REQUESTS: "false" };
  servers = [await startServer({ databaseFile, env }), await startServer({ databaseFile, env })];
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

/** `count` requests at once, taking turns between the two servers. */
function burst(count: number, send: (baseUrl: string, index: number) => Promise<Response>): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await send(servers[i % servers.length].url, i);
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

const tally = (statuses: number[]) => {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

const form = (baseUrl: string, path: string, fields: Record<string, string>) =>
  fetch(`${baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });

describe("two server processes sharing one database", () => {
  it("check at most 5 of 30 simultaneous sign-ins for one e-mail, and not the right password sent last", async () => {
    const statuses = await burst(30, (url, i) =>
      form(url, "/login", { email, password: i === 29 ? TEST_PASSWORD : `wrong ${i}` }),
    );
    expect(tally(statuses)).toEqual({ 401: 5, 429: 25 });
  });

  it("check at most 50 of 60 simultaneous sign-ins for 60 e-mails from one address", async () => {
    const statuses = await burst(60, (url, i) => form(url, "/login", { email: `x${i}@example.test`, password: "p" }));
    // The five wrong passwords of the test above came from this address too.
    expect(tally(statuses)).toEqual({ 401: 45, 429: 15 });
  });

  it("lock an address out of unknown links after 20, counted across both", async () => {
    const statuses = await burst(40, (url, i) => fetch(`${url}/a/${String(i).padStart(43, "Q")}`));
    expect(tally(statuses)).toEqual({ 404: 20, 429: 20 });
  });

  it("take at most 12 answers a minute through a shared link from one address, counted across both", async () => {
    const statuses = await burst(20, (url) => form(url, `/s/${sharedKey}`, sharedFields));
    expect(tally(statuses)).toEqual({ 302: 12, 429: 8 });
  });
});
