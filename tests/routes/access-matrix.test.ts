/**
 * Every HR route, called without a session or by a role it is not for, is refused before it
 * does anything: a page sends the visitor to sign in, anything else gets 401, and a signed-in
 * user of the wrong role gets 403. A new HR route must be added to ACCESS, or this test fails.
 */
import { describe, expect, it } from "vitest";
import type { UserRole } from "~/domain/user-roles";
import { makeDepartment, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";

type Handler = Parameters<typeof call>[0];
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const ALL: UserRole[] = ["ADMIN", "TRAINER", "MANAGER"];
const ADMIN: UserRole[] = ["ADMIN"];

/** Who may open each HR route: one list for loader and action, or one for each. */
const ACCESS: Record<string, UserRole[] | { loader: UserRole[]; action: UserRole[] }> = {
  "hr.tsx": ALL,
  "hr._index.tsx": ALL,
  // Everyone sees their actions; only HR sends the owners' digests.
  "hr.actions._index.tsx": { loader: ALL, action: ADMIN },
  "hr.actions.new.tsx": ALL,
  "hr.actions.$actionId.tsx": ALL,
  "hr.actions[.csv].tsx": ALL,
  "hr.audit.tsx": ADMIN,
  "hr.departments.tsx": ADMIN,
  "hr.roles.tsx": ADMIN,
  "hr.import.tsx": ADMIN,
  "hr.people._index.tsx": ADMIN,
  "hr.people.new.tsx": ADMIN,
  "hr.people.$personId.tsx": ADMIN,
  "hr.users._index.tsx": ADMIN,
  "hr.users.new.tsx": ADMIN,
  "hr.users.$userId.tsx": ADMIN,
  // Everyone signed in changes their own password, and nobody else's there.
  "hr.password.tsx": ALL,
  "hr.outbox.tsx": ADMIN,
  "hr.surveys._index.tsx": ADMIN,
  "hr.surveys.new.tsx": ADMIN,
  "hr.surveys.$surveyId.tsx": ADMIN,
  // Managers follow the rounds that include their department; only HR changes anything.
  "hr.rounds._index.tsx": { loader: ["ADMIN", "MANAGER"], action: ADMIN },
  "hr.rounds.$roundId._index.tsx": { loader: ["ADMIN", "MANAGER"], action: ADMIN },
  "hr.rounds.new.tsx": ADMIN,
  "hr.rounds.$roundId.links[.]csv.tsx": ADMIN,
  "hr.rounds.$roundId.poster.tsx": ADMIN,
  "hr.rounds.schedules._index.tsx": ADMIN,
  "hr.rounds.schedules.new.tsx": ADMIN,
  "hr.rounds.schedules.$scheduleId.tsx": ADMIN,
  // Every viewer gets only their own scope of the results (checked inside the results module).
  "hr.rounds.$roundId.results.tsx": ALL,
  "hr.trends.tsx": ["ADMIN", "MANAGER"],
  "hr.rounds.$roundId.results[.]csv.ts": ADMIN,
  "hr.rounds.$roundId.comments[.]csv.ts": ADMIN,
  // Trainers see the trainings they run (another trainer's is a 403 inside); only HR changes anything.
  "hr.trainings._index.tsx": ["ADMIN", "TRAINER"],
  "hr.trainings.new.tsx": ADMIN,
  "hr.trainings.$trainingId.tsx": { loader: ["ADMIN", "TRAINER"], action: ADMIN },
  "hr.trainings.overview.tsx": ["ADMIN", "TRAINER"],
};

const modules = import.meta.glob<RouteModule>("../../app/routes/hr*.{ts,tsx}", { eager: true });
const routes = Object.entries(modules).map(([path, module]) => ({ file: path.split("/").pop()!, module }));

/** Every route parameter filled with an id that names nothing: the guard must answer first. */
const params = new Proxy({}, { get: () => "nothing-here" }) as Record<string, string>;

describe("HR route access", () => {
  it("lists every HR route", () => {
    expect(routes.map((r) => r.file).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  for (const { file, module } of routes) {
    describe(file, () => {
      it("sends a visitor without a session to sign in, and answers 401 to anything but a page", async () => {
        if (module.loader) {
          const page = await call(module.loader, await makeRequest("/hr/x"), params);
          expect(page.status).toBe(302);
          expect(page.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
          expect((await call(module.loader, await makeRequest("/hr/x", { page: false }), params)).status).toBe(401);
        }
        if (module.action) {
          expect(
            (await call(module.action, await makeRequest("/hr/x", { form: { intent: "save" } }), params)).status,
          ).toBe(401);
        }
      });

      it("refuses roles it is not for with 403, and lets the others past the guard", async () => {
        const department = await makeDepartment();
        for (const role of ALL) {
          const user = await makeUser(role, role === "MANAGER" ? department.id : "");
          for (const handler of [module.loader, module.action]) {
            if (!handler) continue;
            const access = ACCESS[file];
            const roles = Array.isArray(access) ? access : handler === module.loader ? access.loader : access.action;
            const allowed = roles.includes(role);
            const request = await makeRequest(
              "/hr/x",
              handler === module.action ? { as: user, form: { intent: "nothing" } } : { as: user },
            );
            const { status } = await call(handler, request, params);
            if (allowed) expect([401, 403], `${role} on ${file}`).not.toContain(status);
            else expect(status, `${role} on ${file}`).toBe(403);
          }
        }
      });
    });
  }
});
