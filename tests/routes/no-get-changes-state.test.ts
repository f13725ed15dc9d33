/**
 * No GET changes anything: every page and download, opened by an admin (and the public pages by
 * anyone), leaves every table as it was. Only the audit log may grow, since downloads are
 * recorded there.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAction } from "~/models/actions.server";
import { createSchedule } from "~/models/schedules.server";
import { sqlite } from "~/utils/db.server";
import { inDays } from "../support/actions";
import { makeDepartment, makePerson, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { launchOpenRound, makeTemplateSurvey } from "../support/launch";
import { addResponses, inviteWithTokens, makeRound, scores } from "../support/rounds";
import { makeTrainingWithRounds } from "../support/trainings";

type Handler = Parameters<typeof call>[0];
const modules = import.meta.glob<{ loader?: Handler }>("../../app/routes/*.{ts,tsx}", { eager: true });

/** A digest of every table but the audit log. */
function fingerprint(): string {
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('AuditLog', '_prisma_migrations') ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const hash = crypto.createHash("sha256");
  for (const table of tables)
    hash.update(table + JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
  return hash.digest("hex");
}

async function world() {
  const admin = await makeUser("ADMIN");
  const [department, role] = [await makeDepartment(), await makeRole()];
  const people = await Promise.all(Array.from({ length: 6 }, () => makePerson(department.id, role.id)));
  const survey = await makeTemplateSurvey();
  const open = await launchOpenRound({ surveyId: survey.id, sharedLink: true });
  const closed = await makeRound({ state: "closed", k: 3 });
  await addResponses(closed, scores(department.id, role.id, [9, 9, 7, 3, 10, 6]));
  const [token] = await inviteWithTokens(await makeRound({ state: "open" }), [people[0]]);
  const action = await createAction(admin, {
    title: "Fewer meetings",
    description: "",
    ownerId: admin.id,
    deadline: inDays(20),
    roundId: closed.id,
    departmentId: department.id,
    roleId: null,
    trainingId: null,
  });
  const schedule = await createSchedule(admin, {
    name: "Quarterly",
    surveyId: survey.id,
    cadence: "QUARTERLY",
    openDays: 14,
    k: 5,
    audience: { departmentIds: [], roleIds: [] },
    // Well past the periods of the rounds above: a schedule may not repeat their period.
    startsOn: new Date(Date.now() + 200 * 86_400_000),
  });
  const trainer = await makeUser("TRAINER");
  const training = await makeTrainingWithRounds({
    trainerId: trainer.id,
    participants: { personIds: people.map((p) => p.id), departmentIds: [], roleIds: [] },
  });
  return {
    admin,
    params: {
      trainingId: training.id,
      roundId: closed.id,
      personId: people[0].id,
      actionId: action.id,
      surveyId: survey.id,
      scheduleId: schedule.id,
      token,
      key: open.sharedKey!,
    } as Record<string, string>,
    openRoundId: open.id,
  };
}

describe("GET requests", () => {
  it("change nothing, on any page or download", async () => {
    const { admin, params, openRoundId } = await world();
    const before = fingerprint();
    for (const [path, module] of Object.entries(modules)) {
      if (!module.loader) continue;
      for (const roundId of [params.roundId, openRoundId]) {
        for (const as of [admin, undefined]) {
          await call(module.loader, await makeRequest("/", { as }), { ...params, roundId });
        }
      }
      expect(fingerprint(), path).toBe(before);
    }
  });
});
