/**
 * Nothing lost under load and faults: thousands of answers from distinct personal links, fifty
 * at a time, against the built server while HR reads its pages; then the same with the server
 * killed (SIGKILL) in the middle and started again.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prepareInvitationKey, spentMarker } from "~/utils/invitation-key.server";
import { runLoad, type LoadRequest } from "../support/load";
import { prepareLoadDatabase } from "../support/load-data";
import { removeDatabaseFile, signInOverHttp, type RunningServer } from "../support/server";

const ADMIN = { email: "hr@load.example", password: "load test password" };
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop("SIGKILL");
  for (const file of new Set(servers.map((server) => server.databaseFile))) removeDatabaseFile(file);
});

/** Reads each HR page in its own loop until told to stop; returns every status seen per page. */
function readHrPagesUntil(baseUrl: string, cookie: string, paths: string[], done: () => boolean) {
  const statuses = new Map<string, number[]>(paths.map((path) => [path, []]));
  const finished = Promise.all(
    paths.map(async (path) => {
      do {
        try {
          const response = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie, Accept: "text/html" } });
          await response.arrayBuffer();
          statuses.get(path)!.push(response.status);
        } catch {
          statuses.get(path)!.push(-1);
        }
      } while (!done());
    }),
  );
  return { statuses, finished };
}

/**
 * The database as it is on disk: sound, and every count agreeing with every other. Which
 * invitations were answered is read as the server reads it, with the invitation key.
 */
function consistency(file: string, roundId: string, acknowledgedTokenHashes: string[] = []) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(roundId) as { n: number }).n;
    const key = prepareInvitationKey(db, file);
    const spent = db.prepare("SELECT 1 FROM SpentInvitation WHERE marker = ?");
    const answered = (invitationId: string) => spent.get(spentMarker(key, roundId, invitationId)) !== undefined;
    const invitationOf = db.prepare("SELECT invitationId FROM InvitationToken WHERE tokenHash = ?");
    const invitations = db.prepare("SELECT id FROM Invitation WHERE roundId = ?").all(roundId) as { id: string }[];
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      responses: count("SELECT COUNT(*) AS n FROM Response WHERE roundId = ?"),
      usedInvitations: invitations.filter((i) => answered(i.id)).length,
      npsTally: count(
        "SELECT COALESCE(SUM(t.count), 0) AS n FROM Tally t JOIN Question q ON q.id = t.questionId WHERE t.roundId = ? AND q.type = 'NPS'",
      ),
      roundCount: count("SELECT responseCount AS n FROM Round WHERE id = ?"),
      acknowledgedButUnused: acknowledgedTokenHashes.filter(
        (hash) => !answered((invitationOf.get(hash) as { invitationId: string }).invitationId),
      ).length,
    };
  } finally {
    db.close();
  }
}

describe("under load", () => {
  it("stores every acknowledged answer, with no 5xx and no SQLITE_BUSY, while HR pages are read", async () => {
    const { db, startServer, surveyFields } = await prepareLoadDatabase("reliability-load");
    const round = db.openRoundWithInvitations(5_000, { departments: 12, roles: 5 });
    const earlier = db.closedRoundWithAnswers(round, 1_200);
    await db.makeAdmin(ADMIN.email, ADMIN.password);
    const server = await startServer();
    servers.push(server);
    const cookie = await signInOverHttp(server.url, ADMIN.email, ADMIN.password);

    let index = 0;
    let finished = false;
    const reader = readHrPagesUntil(
      server.url,
      cookie,
      [
        "/hr",
        `/hr/rounds/${round.id}`,
        `/hr/rounds/${earlier}/results`,
        `/hr/rounds/${earlier}/results.csv`,
        `/hr/rounds/${earlier}/comments.csv`,
        "/hr/people?q=person1",
        "/hr/actions.csv",
        "/hr/audit",
      ],
      () => finished,
    );
    const result = await runLoad(server.url, 50, (): LoadRequest | null => {
      const token = round.tokens[index++];
      return token ? { method: "POST", path: `/a/${token}`, body: surveyFields(round.questions, index) } : null;
    });
    finished = true;
    await reader.finished;

    expect(result.requests).toBe(5_000);
    expect([...result.statuses.keys()]).toEqual([302]);
    for (const [path, seen] of reader.statuses) {
      expect(seen.length, path).toBeGreaterThan(0);
      expect(
        seen.filter((status) => status !== 200),
        path,
      ).toEqual([]);
    }
    const state = consistency(db.file, round.id);
    expect(state).toMatchObject({
      integrity: "ok",
      responses: 5_000,
      usedInvitations: 5_000,
      npsTally: 5_000,
      roundCount: 5_000,
    });
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/i);
    expect(server.output()).not.toMatch(/ 5\d\d /);
    // Every submission was logged, and no log line holds a token (anonymity rule 8).
    expect(server.output().match(/POST \/a\/\[token\] 302/g)).toHaveLength(5_000);
    expect(round.tokens.filter((token) => server.output().includes(token))).toEqual([]);
    db.close();
  });
});

describe("a crash in the middle of the load", () => {
  it("keeps every answer acknowledged before a SIGKILL, and never a used link without its answer", async () => {
    const { db, startServer, surveyFields } = await prepareLoadDatabase("reliability-kill");
    const round = db.openRoundWithInvitations(5_000, { departments: 12, roles: 5 });
    const first = await startServer();
    servers.push(first);

    let index = 0;
    const acknowledged: string[] = [];
    let killed = false;
    const load = runLoad(
      first.url,
      50,
      (): LoadRequest | null => {
        const token = round.tokens[index++];
        return token && !killed
          ? { method: "POST", path: `/a/${token}`, body: surveyFields(round.questions, index) }
          : null;
      },
      (request, status) => {
        if (status === 302) acknowledged.push(request.path.slice(3));
      },
    );
    // Kill the server once a good part of the answers are in.
    while (acknowledged.length < 1_500) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.stop("SIGKILL");
    killed = true;
    await load;

    const second = await startServer();
    servers.push(second);
    const { hashToken } = await import("~/utils/tokens.server");
    const state = consistency(db.file, round.id, acknowledged.map(hashToken));
    expect(state.integrity).toBe("ok");
    expect(acknowledged.length).toBeGreaterThanOrEqual(1_500);
    expect(state.acknowledgedButUnused).toBe(0);
    expect(state.responses).toBeGreaterThanOrEqual(acknowledged.length);
    expect(state.responses).toBe(state.usedInvitations);
    expect(state.npsTally).toBe(state.responses);
    expect(state.roundCount).toBe(state.responses);

    // The restarted server takes the remaining links as if nothing had happened.
    const remaining = round.tokens.slice(index);
    let next = 0;
    const after = await runLoad(second.url, 20, () => {
      const token = remaining[next++];
      return token ? { method: "POST", path: `/a/${token}`, body: surveyFields(round.questions, next) } : null;
    });
    expect([...after.statuses.keys()]).toEqual([302]);
    expect(consistency(db.file, round.id).responses).toBe(state.responses + remaining.length);
    db.close();
  });
});
