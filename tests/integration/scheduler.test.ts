import { describe, expect, it, vi } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { launchRound } from "~/models/round-launch.server";
import {
  createSchedule,
  runScheduler,
  SCHEDULER,
  ScheduleError,
  setScheduleActive,
  type ScheduleInput,
} from "~/models/schedules.server";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { makeOrg } from "../support/fixtures";
import { DAY, makeTemplateSurvey } from "../support/launch";

const at = (iso: string) => new Date(iso);

let counter = 0;

/** A schedule over a fresh department of `people`; it is created now (the real time). */
async function makeSchedule(overrides: Partial<ScheduleInput> = {}, people = 3) {
  const org = await makeOrg({ departments: 1, roles: 1, perCell: people });
  const survey = await makeTemplateSurvey();
  const schedule = await createSchedule(COMMAND_LINE, {
    name: `Monthly eNPS ${++counter}`,
    surveyId: survey.id,
    cadence: "MONTHLY",
    openDays: 14,
    k: 5,
    audience: { departmentIds: [org.departments[0].id], roleIds: [] },
    startsOn: at("2026-01-01T00:00:00Z"),
    ...overrides,
  });
  return { ...schedule, name: `Monthly eNPS ${counter}`, ...overrides, org };
}

const roundsOf = (scheduleId: string) =>
  prisma.round.findMany({
    where: { scheduleId },
    orderBy: { opensAt: "asc" },
    select: {
      name: true,
      period: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      invitedCount: true,
      k: true,
      kind: true,
      createdById: true,
    },
  });

// The schedules are created now; runs look at times after that (as a server that was down would).
const year = new Date().getUTCFullYear() + 1;
const inMarch = at(`${year}-03-05T10:00:00Z`);

describe("the scheduler", () => {
  it("opens the current period's round with its invitations, and only that one after a long pause", async () => {
    const schedule = await makeSchedule();
    const run = await runScheduler(inMarch);
    expect(run.opened).toEqual([`${schedule.name} ${year}-03`]);
    const rounds = await roundsOf(schedule.id);
    // Every month since January 2026 passed while nothing ran: only the current one gets a round.
    expect(rounds).toEqual([
      {
        name: `${schedule.name} ${year}-03`,
        period: `${year}-03`,
        opensAt: inMarch,
        closesAt: at(`${year}-03-15T00:00:00Z`),
        closedAt: null,
        invitedCount: 3,
        k: 5,
        kind: "PERIODIC",
        createdById: null,
      },
    ]);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "round.launch", target: `${schedule.name} ${year}-03` },
    });
    expect(audit?.actorEmail).toBe("scheduler");
  });

  it("is idempotent: a second run, and runs at the same time, make no second round for a period", async () => {
    const schedule = await makeSchedule();
    await runScheduler(inMarch);
    await runScheduler(inMarch);
    await runScheduler(new Date(inMarch.getTime() + 3 * DAY));
    expect(await roundsOf(schedule.id)).toHaveLength(1);

    const april = at(`${year}-04-02T00:00:00Z`);
    const runs = await Promise.all([
      runScheduler(april),
      runScheduler(april),
      runScheduler(april),
      runScheduler(april),
    ]);
    expect(runs.flatMap((r) => r.opened).filter((name) => name === `${schedule.name} ${year}-04`)).toHaveLength(1);
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    const rounds = await roundsOf(schedule.id);
    expect(rounds.map((r) => r.period)).toEqual([`${year}-03`, `${year}-04`]);
    expect(await prisma.invitation.count({ where: { round: { scheduleId: schedule.id } } })).toBe(6);
  });

  it("cannot make a second round for a period even when asked to: the database refuses it", async () => {
    const schedule = await makeSchedule();
    const survey = await prisma.schedule.findUniqueOrThrow({
      where: { id: schedule.id },
      select: { surveyId: true, audience: true },
    });
    const launch = () =>
      launchRound(
        SCHEDULER,
        {
          name: "Twice",
          surveyId: survey.surveyId,
          kind: "PERIODIC",
          opensAt: inMarch,
          closesAt: new Date(inMarch.getTime() + DAY),
          k: 5,
          audience: JSON.parse(survey.audience),
          sharedLink: false,
          schedule: { id: schedule.id, period: `${year}-03` },
        },
        inMarch,
      );
    await launch();
    const second = await launch().catch((error: unknown) => error);
    expect(isUniqueViolation(second)).toBe(true);
    expect(await roundsOf(schedule.id)).toHaveLength(1);
    expect(await prisma.invitation.count({ where: { round: { scheduleId: schedule.id } } })).toBe(3);
  });

  it("closes rounds at their closing time, also when it runs long after", async () => {
    const schedule = await makeSchedule();
    await runScheduler(inMarch);
    const [march] = await roundsOf(schedule.id);
    await runScheduler(at(`${year}-03-14T23:59:00Z`));
    expect((await roundsOf(schedule.id))[0].closedAt).toBeNull();
    await runScheduler(at(`${year}-03-29T00:00:00Z`));
    expect((await roundsOf(schedule.id))[0].closedAt).toEqual(march.closesAt);
  });

  it("leaves out the time between a period's round closing and the next opening", async () => {
    const schedule = await makeSchedule();
    expect((await runScheduler(at(`${year}-03-20T00:00:00Z`))).opened).not.toContain(`${schedule.name} ${year}-03`);
    expect(await roundsOf(schedule.id)).toEqual([]);
  });

  it("does nothing for a paused schedule, and picks up again when resumed", async () => {
    const schedule = await makeSchedule();
    await setScheduleActive(COMMAND_LINE, schedule.id, false);
    await runScheduler(inMarch);
    expect(await roundsOf(schedule.id)).toEqual([]);
    await setScheduleActive(COMMAND_LINE, schedule.id, true);
    await runScheduler(inMarch);
    expect(await roundsOf(schedule.id)).toHaveLength(1);
  });

  it("reports a round it cannot open once, and goes on with the others", async () => {
    const broken = await makeSchedule({ name: "Broken" });
    const healthy = await makeSchedule({ name: "Healthy" });
    // Everyone left the department after the schedule was made.
    await prisma.person.updateMany({ where: { departmentId: broken.org.departments[0].id }, data: { active: false } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const first = await runScheduler(inMarch);
      const second = await runScheduler(inMarch);
      expect(first.failed).toEqual([
        {
          schedule: "Broken",
          period: `${year}-03`,
          message: expect.stringContaining("Nobody active is in this audience"),
        },
      ]);
      expect(second.failed).toHaveLength(1);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
    }
    expect(await roundsOf(broken.id)).toEqual([]);
    expect(await roundsOf(healthy.id)).toHaveLength(1);
  });
});

describe("creating a schedule", () => {
  it("checks what every later run needs, storing nothing when it is wrong", async () => {
    const before = await prisma.schedule.count();
    await expect(makeSchedule({ k: 2 })).rejects.toMatchObject({ field: "k" });
    await expect(makeSchedule({ openDays: 29 })).rejects.toMatchObject({
      field: "openDays",
      message: "With this cadence a round can stay open from 1 to 28 days.",
    });
    await expect(makeSchedule({ cadence: "QUARTERLY", openDays: 90 })).rejects.toBeInstanceOf(ScheduleError);
    await expect(makeSchedule({ surveyId: "missing" })).rejects.toMatchObject({ field: "surveyId" });
    await expect(makeSchedule({ audience: { departmentIds: ["nope"], roleIds: [] } })).rejects.toMatchObject({
      field: "audience",
    });
    const training = await makeTemplateSurvey("TRAINING");
    await expect(makeSchedule({ surveyId: training.id })).rejects.toThrow("Choose an employee survey from the list.");
    expect(await prisma.schedule.count()).toBe(before);
  });
});
