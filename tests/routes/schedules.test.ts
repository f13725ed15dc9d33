import { describe, expect, it } from "vitest";
import { nextPeriodStart } from "~/domain/schedule";
import { formatUtcDate } from "~/domain/utc-time";
import { closeRoundEarly } from "~/models/rounds.server";
import * as schedulePage from "~/routes/hr.rounds.schedules.$scheduleId";
import * as scheduleList from "~/routes/hr.rounds.schedules._index";
import * as newSchedule from "~/routes/hr.rounds.schedules.new";
import { prisma } from "~/utils/db.server";
import { makeOrg, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { DAY, launchOpenRound, makeTemplateSurvey } from "../support/launch";

// Far enough ahead that no round of these tests, open for two weeks from now, reaches it.
const year = new Date().getUTCFullYear() + 2;
const today = () => formatUtcDate(new Date());

async function setting() {
  const org = await makeOrg({ departments: 3, roles: 1, perCell: 3 });
  const survey = await makeTemplateSurvey();
  const form = {
    name: "Monthly eNPS",
    surveyId: survey.id,
    cadence: "MONTHLY",
    openDays: "14",
    startsOn: `${year}-01-01`,
    k: "5",
    audience: "chosen",
    departmentIds: org.departments[0].id,
  };
  return { org, survey, form };
}

async function post(as: { id: string }, form: Record<string, string | string[]>) {
  return call(newSchedule.action, await makeRequest("/hr/rounds/schedules/new", { as, form }));
}

describe("setting up a recurring eNPS", () => {
  it("starts the form at the next period, not in the middle of the current one", async () => {
    const admin = await makeUser("ADMIN");
    await makeTemplateSurvey();
    const page = await call(newSchedule.loader, await makeRequest("/hr/rounds/schedules/new", { as: admin }));
    const now = new Date();
    expect(page.data.defaults).toMatchObject({
      cadence: "QUARTERLY",
      startsOn: formatUtcDate(nextPeriodStart(now, "QUARTERLY")),
    });
    expect(page.data.nextStarts.map((n: { cadence: string }) => n.cadence)).toEqual([
      "MONTHLY",
      "QUARTERLY",
      "SEMIANNUAL",
    ]);
  });

  it("reviews first (who, how many, which rounds open when), storing nothing, then saves", async () => {
    const admin = await makeUser("ADMIN");
    const { org, survey, form } = await setting();
    const before = await prisma.schedule.count();
    const review = await post(admin, { ...form, intent: "review" });
    expect(review.status).toBe(200);
    expect(review.data).toMatchObject({
      stage: "review",
      preview: {
        surveyName: survey.name,
        untranslated: null,
        departments: [org.departments[0].name],
        roles: [],
        people: 3,
      },
      // 3 people and k = 5: none of the schedule's rounds could ever show a result.
      caution:
        "Only 3 people are invited, fewer than k = 5: even if everyone answers, no result of its rounds can be shown. Invite more people or lower k.",
    });
    expect((await post(admin, { ...form, k: "3", intent: "review" })).data.caution).toBeNull();
    expect(
      review.data.preview.rounds.map((r: { period: string; opensNow: boolean }) => [r.period, r.opensNow]),
    ).toEqual([
      [`${year}-01`, false],
      [`${year}-02`, false],
      [`${year}-03`, false],
    ]);
    expect(await prisma.schedule.count()).toBe(before);

    const edit = await post(admin, { ...review.data.values, intent: "edit" });
    expect(edit.data).toMatchObject({ stage: "edit", values: { name: "Monthly eNPS", startsOn: `${year}-01-01` } });

    const saved = await post(admin, { ...review.data.values, intent: "save" });
    expect(saved.status).toBe(302);
    const id = saved.headers.get("Location")!.split("/").pop()!;
    const page = await call(schedulePage.loader, await makeRequest(`/hr/rounds/schedules/${id}`, { as: admin }), {
      scheduleId: id,
    });
    expect(page.data.upcoming.map((o: { period: string }) => o.period)).toEqual([
      `${year}-01`,
      `${year}-02`,
      `${year}-03`,
    ]);
    const paused = await call(
      schedulePage.action,
      await makeRequest(`/hr/rounds/schedules/${id}`, { as: admin, form: { intent: "pause" } }),
      { scheduleId: id },
    );
    expect(paused.status).toBe(302);
    expect((await prisma.schedule.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    const list = await call(scheduleList.loader, await makeRequest("/hr/rounds/schedules", { as: admin }));
    expect(list.data.schedules.map((s: { id: string }) => s.id)).toContain(id);
  });

  it("says plainly when the first round opens at once", async () => {
    const admin = await makeUser("ADMIN");
    const { form } = await setting();
    const review = await post(admin, { ...form, startsOn: today(), intent: "review" });
    expect(review.status).toBe(200);
    expect(review.data.preview.rounds[0]).toMatchObject({ opensNow: true });
    expect(review.data.preview.rounds[1]).toMatchObject({ opensNow: false });
  });

  it("refuses bad input with messages, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const { form } = await setting();
    const before = await prisma.schedule.count();
    const send = (changes: Record<string, string>) => post(admin, { ...form, intent: "review", ...changes });
    const tooLong = await send({ openDays: "40" });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors.openDays).toBe(
      "With this cadence a round can stay open from 1 to 28 days, so it closes before the next one opens.",
    );
    expect((await send({ k: "1" })).data.errors.k).toBe("k must be a whole number from 3 to 100.");
    expect((await send({ startsOn: `${year}-02-30` })).data.errors.startsOn).toBe(
      "Enter the day the first round opens, as a date.",
    );
    expect((await send({ cadence: "WEEKLY" })).data.errors.cadence).toBe("Choose how often a round opens.");
    expect((await send({ intent: "save", k: "1" })).status).toBe(400);
    expect((await send({ intent: "launch" })).status).toBe(400);
    expect(await prisma.schedule.count()).toBe(before);
  });

  it("refuses a first round that repeats a periodic round the same people have in that period", async () => {
    const admin = await makeUser("ADMIN");
    const { org, form } = await setting();
    const [mine, other, third] = org.departments;
    await launchOpenRound({ name: "Hand-launched eNPS", audience: { departmentIds: [mine.id], roleIds: [] } });
    const before = await prisma.schedule.count();

    for (const intent of ["review", "save"]) {
      const refused = await post(admin, { ...form, startsOn: today(), intent });
      expect(refused.status, intent).toBe(409);
      expect(refused.data.stage).toBe("edit");
      expect(refused.data.errors.startsOn).toMatch(
        /^The periodic round "Hand-launched eNPS" \(.+\) already asks people of this audience in \d{4}-\d{2}: a second round would give them two surveys and the trend two points for one period\. Start with the next period instead: \d{1,2} [A-Z][a-z]{2} \d{4}\.$/,
      );
    }
    // Everyone includes that department; the quarter that holds the round is taken as well.
    expect((await post(admin, { ...form, audience: "everyone", startsOn: today(), intent: "review" })).status).toBe(
      409,
    );
    expect((await post(admin, { ...form, cadence: "QUARTERLY", startsOn: today(), intent: "review" })).status).toBe(
      409,
    );
    expect(await prisma.schedule.count()).toBe(before);

    // Other people, or the next period, are fine.
    expect((await post(admin, { ...form, departmentIds: other.id, startsOn: today(), intent: "review" })).status).toBe(
      200,
    );
    // A round that already ran in the period counts as well: the trend would get two points.
    const ran = await launchOpenRound({ name: "Already closed", audience: { departmentIds: [other.id], roleIds: [] } });
    await closeRoundEarly(admin, ran.id);
    expect(
      (await post(admin, { ...form, departmentIds: other.id, startsOn: today(), intent: "review" })).data.errors
        .startsOn,
    ).toMatch(/^The periodic round "Already closed"/);
    expect((await post(admin, { ...form, departmentIds: third.id, startsOn: today(), intent: "review" })).status).toBe(
      200,
    );
    const nextQuarter = formatUtcDate(nextPeriodStart(new Date(Date.now() + 14 * DAY), "QUARTERLY"));
    expect((await post(admin, { ...form, cadence: "QUARTERLY", startsOn: nextQuarter, intent: "review" })).status).toBe(
      200,
    );
  });

  it("is for admins only, and answers 404 for an unknown schedule", async () => {
    const admin = await makeUser("ADMIN");
    const manager = await makeUser(
      "MANAGER",
      (await makeOrg({ departments: 1, roles: 1, perCell: 0 })).departments[0].id,
    );
    expect((await call(scheduleList.loader, await makeRequest("/hr/rounds/schedules", { as: manager }))).status).toBe(
      403,
    );
    expect(
      (await call(newSchedule.action, await makeRequest("/hr/rounds/schedules/new", { as: manager, form: {} }))).status,
    ).toBe(403);
    expect(
      (
        await call(schedulePage.loader, await makeRequest("/hr/rounds/schedules/x", { as: admin }), {
          scheduleId: "missing",
        })
      ).status,
    ).toBe(404);
  });
});
