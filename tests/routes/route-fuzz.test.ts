/**
 * Every loader and action of every route, called by each role (HR, manager, trainer, signed
 * out) with ids that name nothing and with forms that lack fields, repeat them or carry every
 * intent the app knows: bad input gets a 4xx, never a 500 (nor an error that is not a Response).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "~/domain/user-roles";
import type { SessionUser } from "~/models/users.server";
import * as users from "~/routes/hr.users._index";
import { makeDepartment, makeOrg, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { makeRound } from "../support/rounds";

type Handler = Parameters<typeof call>[0];
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });
const routes = Object.entries(modules).map(([path, module]) => ({ file: path.split("/").pop()!, module }));

/** Every intent a form of the app sends, and one it never does. */
const INTENTS = [
  "archive",
  "close",
  "company-name",
  "create",
  "deactivate",
  "edit",
  "follow-up",
  "invite",
  "links-download",
  "note",
  "open",
  "password",
  "publish",
  "reactivate",
  "remind",
  "rename",
  "resume",
  "review",
  "save",
  "search",
  "send-digests",
  "shared-link",
  "unarchive",
  "unpublish",
  "nothing",
];

/** Field names the app's forms use that carry an id. */
const ID_FIELDS = [
  "id",
  "departmentId",
  "roleId",
  "surveyId",
  "roundId",
  "trainingId",
  "trainerId",
  "ownerId",
  "personIds",
  "departmentIds",
  "roleIds",
];
const OTHER_FIELDS = ["name", "title", "email", "password", "k", "kind", "deadline", "status", "score", "opensAt"];

const UNKNOWN = "nosuchthing";

/** The forms tried for one intent: bare, unknown ids, every field twice, empty and odd values. */
function formsFor(intent: string): Record<string, string | string[]>[] {
  const withAll = (value: (field: string) => string | string[]) =>
    Object.fromEntries([...ID_FIELDS, ...OTHER_FIELDS].map((field) => [field, value(field)]));
  return [
    { intent },
    { intent, ...withAll((field) => (ID_FIELDS.includes(field) ? UNKNOWN : "x")) },
    { intent: [intent, intent], ...withAll((field) => [UNKNOWN, `${UNKNOWN}-2`, field]) },
    { intent, ...withAll(() => "") },
    { intent, ...withAll(() => "-1") },
  ];
}

/** Route parameters that name nothing, or that name a real round (so the id fields go deeper). */
const unknownParams = new Proxy({}, { get: () => UNKNOWN }) as Record<string, string>;
let realParams: Record<string, string>;

const viewers: { label: string; user: SessionUser | null }[] = [];

beforeAll(async () => {
  const department = await makeDepartment();
  const roles: UserRole[] = ["ADMIN", "MANAGER", "TRAINER"];
  for (const role of roles) {
    viewers.push({ label: role, user: await makeUser(role, role === "MANAGER" ? department.id : "") });
  }
  viewers.push({ label: "signed out", user: null });
  await makeOrg({ departments: 1, roles: 1, perCell: 1 });
  const round = await makeRound({ state: "open" });
  realParams = { roundId: round.id, surveyId: round.survey.id };
}, 60_000);

async function outcome(handler: Handler, request: Request, params: Record<string, string>) {
  try {
    return (await call(handler, request, params)).status;
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error)}`;
  }
}

describe("the audit's cases", () => {
  it("answers deactivating or reactivating a login that does not exist with 404", async () => {
    const hr = viewers.find((viewer) => viewer.label === "ADMIN")!.user!;
    for (const intent of ["deactivate", "reactivate"]) {
      const request = await makeRequest("/hr/users?index", { as: hr, form: { id: "nosuchuser", intent } });
      const { status, text } = await call(users.action, request);
      expect(status, intent).toBe(404);
      expect(text).toBe("We could not find that login.");
    }
  });
});

describe("every route, with bad input", () => {
  for (const { file, module } of routes) {
    it(`${file}: never answers 500`, { timeout: 180_000 }, async () => {
      const failures: string[] = [];
      const record = (status: number | string, what: string) => {
        if (typeof status === "string" || status >= 500) failures.push(`${what}: ${status}`);
      };
      for (const { label, user } of viewers) {
        const as = user ?? undefined;
        for (const params of [unknownParams, realParams]) {
          const which = params === unknownParams ? "unknown ids" : "a real round";
          if (module.loader) {
            for (const search of ["", "?id=nosuchthing&page=-1&q=%00", "?page=99999999999999999999&departmentId=x"]) {
              const request = await makeRequest(`/x${search}`, { as });
              record(await outcome(module.loader, request, params), `${label} GET${search} (${which})`);
            }
          }
          if (!module.action) continue;
          for (const intent of INTENTS) {
            for (const [index, form] of formsFor(intent).entries()) {
              const request = await makeRequest("/x?index", { as, form });
              record(await outcome(module.action, request, params), `${label} POST ${intent} #${index} (${which})`);
            }
          }
          const empty = await makeRequest("/x", { as, method: "POST" });
          record(await outcome(module.action, empty, params), `${label} POST without a body (${which})`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
