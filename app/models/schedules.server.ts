import { MIN_K } from "~/domain/anonymity";
import { parseAudience, type Audience } from "~/domain/audience";
import {
  dueOccurrence,
  MAX_OPEN_DAYS_BY_CADENCE,
  nextOccurrence,
  type Cadence,
} from "~/domain/schedule";
import { roundStatus } from "~/domain/round-status";
import { usesPlaceholder } from "~/domain/survey";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { recordAudit, type Actor } from "./audit.server";
import { closeDueRounds, launchRound, LaunchError } from "./rounds.server";
import { getCompanyName } from "./settings.server";

/** The scheduler acts as itself in the audit log. */
export const SCHEDULER: Actor = { id: null, email: "scheduler" };

export class ScheduleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ScheduleInput {
  name: string;
  surveyId: string;
  cadence: Cadence;
  openDays: number;
  k: number;
  audience: Audience;
  /** When the first round opens (UTC). */
  startsOn: Date;
}

/** Checks what the scheduler will need at every run, so a schedule never fails for these. */
async function checkSchedule(input: ScheduleInput) {
  if (!Number.isInteger(input.k) || input.k < MIN_K) throw new ScheduleError("k", `k must be at least ${MIN_K}.`);
  const max = MAX_OPEN_DAYS_BY_CADENCE[input.cadence];
  if (!Number.isInteger(input.openDays) || input.openDays < 1 || input.openDays > max) {
    throw new ScheduleError("openDays", `With this cadence a round can stay open from 1 to ${max} days.`);
  }
  const survey = await prisma.survey.findUnique({
    where: { id: input.surveyId },
    select: { kind: true, archived: true, questions: { select: { texts: { select: { locale: true, text: true } } } } },
  });
  if (!survey || survey.kind !== "ENPS" || survey.archived) {
    throw new ScheduleError("surveyId", "Choose an employee survey from the list.");
  }
  const questions = survey.questions.map((q) => ({ texts: Object.fromEntries(q.texts.map((t) => [t.locale, t.text])) }));
  if (usesPlaceholder(questions, "company") && (await getCompanyName()) === null) {
    throw new ScheduleError("surveyId", "Set the company name on the Surveys page first: this survey's questions use {company}.");
  }
  const [departments, roles] = await Promise.all([
    prisma.department.count({ where: { id: { in: input.audience.departmentIds } } }),
    prisma.role.count({ where: { id: { in: input.audience.roleIds } } }),
  ]);
  if (departments !== input.audience.departmentIds.length || roles !== input.audience.roleIds.length) {
    throw new ScheduleError("audience", "Choose departments and roles from the list.");
  }
}

export async function createSchedule(actor: Actor, input: ScheduleInput): Promise<{ id: string }> {
  await checkSchedule(input);
  const schedule = await prisma.schedule.create({
    data: {
      name: input.name,
      surveyId: input.surveyId,
      cadence: input.cadence,
      openDays: input.openDays,
      k: input.k,
      audience: JSON.stringify(input.audience),
      startsOn: input.startsOn,
    },
    select: { id: true },
  });
  await recordAudit(actor, "schedule.create", input.name, `${input.cadence}, ${input.openDays} days, k = ${input.k}`);
  return schedule;
}

export async function setScheduleActive(actor: Actor, id: string, active: boolean): Promise<void> {
  const schedule = await prisma.schedule.update({ where: { id }, data: { active }, select: { name: true } });
  await recordAudit(actor, active ? "schedule.resume" : "schedule.pause", schedule.name);
}

const scheduleSelect = {
  id: true,
  name: true,
  cadence: true,
  openDays: true,
  k: true,
  audience: true,
  startsOn: true,
  active: true,
  createdAt: true,
  survey: { select: { id: true, name: true } },
} as const;

function withNext<T extends { cadence: string; startsOn: Date; openDays: number; audience: string }>(schedule: T, now: Date) {
  const cadence = schedule.cadence as Cadence;
  return {
    ...schedule,
    cadence,
    audience: parseAudience(schedule.audience),
    next: nextOccurrence({ cadence, startsOn: schedule.startsOn, openDays: schedule.openDays }, now),
  };
}

export async function listSchedules(now: Date = new Date()) {
  const schedules = await prisma.schedule.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    select: { ...scheduleSelect, _count: { select: { rounds: true } } },
  });
  return schedules.map(({ _count, ...schedule }) => ({ ...withNext(schedule, now), roundCount: _count.rounds }));
}

export async function getSchedule(id: string, now: Date = new Date()) {
  const schedule = await prisma.schedule.findUnique({
    where: { id },
    select: {
      ...scheduleSelect,
      rounds: {
        orderBy: { opensAt: "desc" },
        select: { id: true, name: true, period: true, opensAt: true, closesAt: true, closedAt: true, invitedCount: true },
      },
    },
  });
  if (!schedule) return null;
  const { rounds, ...rest } = schedule;
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({ where: { id: { in: parseAudience(rest.audience).departmentIds } }, select: { name: true } }),
    prisma.role.findMany({ where: { id: { in: parseAudience(rest.audience).roleIds } }, select: { name: true } }),
  ]);
  return {
    ...withNext(rest, now),
    audienceNames: { departments: departments.map((d) => d.name).sort(), roles: roles.map((r) => r.name).sort() },
    rounds: rounds.map((round) => ({ ...round, status: roundStatus(round, now) })),
  };
}

export interface SchedulerRun {
  /** Rounds opened in this run, as "schedule name period". */
  opened: string[];
  /** Rounds whose closing was recorded. */
  closed: number;
  failed: { schedule: string; period: string; message: string }[];
}

/** Failures already logged, so a schedule that cannot launch is reported once, not every minute. */
const reported = new Set<string>();

/**
 * Opens the round each active schedule is due, and records the closing of rounds whose time
 * is up. Idempotent: it looks at the dates and at what exists, never at what an earlier run
 * did, so running it twice, at once, or after a restart makes the same rounds; the unique
 * (schedule, period) index makes a second round for one period impossible, and losing that
 * race counts as "already done".
 */
export async function runScheduler(now: Date = new Date()): Promise<SchedulerRun> {
  const run: SchedulerRun = { opened: [], closed: await closeDueRounds(now), failed: [] };
  const schedules = await prisma.schedule.findMany({
    where: { active: true },
    select: { id: true, name: true, surveyId: true, cadence: true, openDays: true, k: true, audience: true, startsOn: true, createdAt: true },
  });
  for (const schedule of schedules) {
    const due = dueOccurrence({ ...schedule, cadence: schedule.cadence as Cadence }, now);
    if (!due) continue;
    const existing = await prisma.round.findUnique({
      where: { scheduleId_period: { scheduleId: schedule.id, period: due.period } },
      select: { id: true },
    });
    if (existing) continue;
    const name = `${schedule.name} ${due.period}`;
    try {
      await launchRound(
        SCHEDULER,
        {
          name,
          surveyId: schedule.surveyId,
          kind: "PERIODIC",
          // A round made late (the server was down when it was due) opens when it is made.
          opensAt: due.opensAt.getTime() < now.getTime() ? now : due.opensAt,
          closesAt: due.closesAt,
          k: schedule.k,
          audience: parseAudience(schedule.audience),
          sharedLink: false,
          schedule: { id: schedule.id, period: due.period },
        },
        now,
      );
      run.opened.push(name);
    } catch (error) {
      if (isUniqueViolation(error)) continue;
      if (!(error instanceof LaunchError)) throw error;
      run.failed.push({ schedule: schedule.name, period: due.period, message: error.message });
      const key = `${schedule.id} ${due.period} ${error.message}`;
      if (!reported.has(key)) {
        reported.add(key);
        console.error(`Scheduler: the round "${name}" could not open: ${error.message}`);
      }
    }
  }
  return run;
}

/** Runs the scheduler now and then every `intervalMs`, one run at a time. Returns a stop. */
export function startScheduler(intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduler(new Date());
    } catch (error) {
      console.error("Scheduler: a run failed; the next one tries again.", error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
