import { MIN_K } from "~/domain/anonymity";
import { audiencesOverlap, parseAudience, type Audience } from "~/domain/audience";
import { HttpError } from "~/domain/http-error";
import { closingTime, roundStatus } from "~/domain/round-status";
import {
  dueOccurrence,
  MAX_OPEN_DAYS_BY_CADENCE,
  nextOccurrence,
  nextPeriodStart,
  periodSpan,
  upcomingRounds,
  type Cadence,
  type UpcomingRound,
} from "~/domain/schedule";
import { untranslatedNote, usesPlaceholder } from "~/domain/survey";
import { formatDay } from "~/domain/utc-time";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { recordAudit, type Actor } from "./audit.server";
import { runReminderJobs } from "./reminders.server";
import { refreshOpenRoundCounts } from "./results/index.server";
import { launchRound, LaunchError } from "./round-launch.server";
import { closeDueRounds, rebuildStorageOfClosedRounds } from "./rounds.server";
import { getCompanyName } from "./settings.server";

/** The scheduler acts as itself in the audit log. */
export const SCHEDULER: Actor = { id: null, email: "scheduler" };

export class ScheduleError extends HttpError {
  declare readonly field: string;
  constructor(field: string, message: string, status: 400 | 409 = 400) {
    super(status, message, field);
  }
}

/**
 * The schedule's first round would repeat a periodic round the same people already have in
 * that period: they would get two surveys, and the trend two points for one period.
 */
export class ScheduleConflictError extends ScheduleError {
  constructor(field: string, message: string) {
    super(field, message, 409);
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

/**
 * The periodic round (launched by hand or by another schedule; open, to come or over) that
 * already asks people of this audience within the period of the schedule's first round.
 */
async function findOverlappingRound(input: ScheduleInput, first: UpcomingRound) {
  const span = periodSpan(first, input.cadence);
  const rounds = await prisma.round.findMany({
    where: { kind: "PERIODIC", opensAt: { lt: span.end }, closesAt: { gt: span.start } },
    orderBy: { opensAt: "asc" },
    select: { name: true, audience: true, opensAt: true, closesAt: true, closedAt: true },
  });
  for (const round of rounds) {
    const end = closingTime(round);
    if (end > span.start && end > round.opensAt && audiencesOverlap(parseAudience(round.audience), input.audience)) {
      return { name: round.name, opensAt: round.opensAt, end };
    }
  }
  return null;
}

function overlapMessage(round: { name: string; opensAt: Date; end: Date }, first: UpcomingRound, cadence: Cadence) {
  const after = new Date(Math.max(round.end.getTime() - 1, first.opensAt.getTime()));
  return (
    `The periodic round "${round.name}" (${formatDay(round.opensAt)} to ${formatDay(round.end)}) already asks people of this ` +
    `audience in ${first.period}: a second round would give them two surveys and the trend two points for one period. ` +
    `Start with the next period instead: ${formatDay(nextPeriodStart(after, cadence))}.`
  );
}

/**
 * Checks what the scheduler will need at every run, so a schedule never fails for these, and
 * that its first round does not repeat a periodic round of the same period. Returns the
 * survey's name and the first rounds.
 */
async function checkSchedule(input: ScheduleInput, now: Date) {
  if (!Number.isInteger(input.k) || input.k < MIN_K) throw new ScheduleError("k", `k must be at least ${MIN_K}.`);
  const max = MAX_OPEN_DAYS_BY_CADENCE[input.cadence];
  if (!Number.isInteger(input.openDays) || input.openDays < 1 || input.openDays > max) {
    throw new ScheduleError("openDays", `With this cadence a round can stay open from 1 to ${max} days.`);
  }
  const survey = await prisma.survey.findUnique({
    where: { id: input.surveyId },
    select: {
      name: true,
      kind: true,
      archived: true,
      questions: { select: { texts: { select: { locale: true, text: true } } } },
    },
  });
  if (!survey || survey.kind !== "ENPS" || survey.archived) {
    throw new ScheduleError("surveyId", "Choose an employee survey from the list.");
  }
  const questions = survey.questions.map((q) => ({
    texts: Object.fromEntries(q.texts.map((t) => [t.locale, t.text])),
  }));
  if (usesPlaceholder(questions, "company") && (await getCompanyName()) === null) {
    throw new ScheduleError(
      "surveyId",
      "Set the company name on the Surveys page first: this survey's questions use {company}.",
    );
  }
  const [departments, roles] = await Promise.all([
    prisma.department.count({ where: { id: { in: input.audience.departmentIds } } }),
    prisma.role.count({ where: { id: { in: input.audience.roleIds } } }),
  ]);
  if (departments !== input.audience.departmentIds.length || roles !== input.audience.roleIds.length) {
    throw new ScheduleError("audience", "Choose departments and roles from the list.");
  }
  const rounds = upcomingRounds(input, now);
  const overlapping = await findOverlappingRound(input, rounds[0]);
  if (overlapping) throw new ScheduleConflictError("startsOn", overlapMessage(overlapping, rounds[0], input.cadence));
  return { surveyName: survey.name, untranslated: untranslatedNote(questions), rounds };
}

export interface SchedulePreview {
  surveyName: string;
  /** Which questions respondents of some language will read in English; null when none. */
  untranslated: string | null;
  /** The audience's departments and roles by name (none of either: everyone). */
  departments: string[];
  roles: string[];
  /** Active people in the audience today; each round invites those of the day it opens. */
  people: number;
  rounds: UpcomingRound[];
}

/** What saving the schedule would do, checked as saving checks it, storing nothing. */
export async function previewSchedule(input: ScheduleInput, now: Date = new Date()): Promise<SchedulePreview> {
  const { surveyName, untranslated, rounds } = await checkSchedule(input, now);
  const { departmentIds, roleIds } = input.audience;
  const [departments, roles, people] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: departmentIds } },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
    prisma.role.findMany({ where: { id: { in: roleIds } }, select: { name: true }, orderBy: { name: "asc" } }),
    prisma.person.count({
      where: {
        active: true,
        ...(departmentIds.length > 0 ? { departmentId: { in: departmentIds } } : {}),
        ...(roleIds.length > 0 ? { roleId: { in: roleIds } } : {}),
      },
    }),
  ]);
  return {
    surveyName,
    untranslated,
    departments: departments.map((d) => d.name),
    roles: roles.map((r) => r.name),
    people,
    rounds,
  };
}

/** Saves a schedule; returns it with its first round, as the scheduler will open it. */
export async function createSchedule(
  actor: Actor,
  input: ScheduleInput,
  now: Date = new Date(),
): Promise<{ id: string; first: UpcomingRound }> {
  const { rounds } = await checkSchedule(input, now);
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
  return { id: schedule.id, first: rounds[0] };
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

function withNext<T extends { cadence: string; startsOn: Date; openDays: number; audience: string }>(
  schedule: T,
  now: Date,
) {
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
        select: {
          id: true,
          name: true,
          period: true,
          opensAt: true,
          closesAt: true,
          closedAt: true,
          invitedCount: true,
        },
      },
    },
  });
  if (!schedule) return null;
  const { rounds, ...rest } = schedule;
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: parseAudience(rest.audience).departmentIds } },
      select: { name: true },
    }),
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
 * is up (rebuilding the database file after them), takes the hourly counts of open rounds, and
 * sends the reminders waiting. Idempotent: it looks at the dates and at what exists, never at what an earlier run
 * did, so running it twice, at once, or after a restart makes the same rounds; the unique
 * (schedule, period) index makes a second round for one period impossible, and losing that
 * race counts as "already done".
 */
export async function runScheduler(now: Date = new Date()): Promise<SchedulerRun> {
  const run: SchedulerRun = { opened: [], closed: await closeDueRounds(now), failed: [] };
  await rebuildStorageOfClosedRounds(now);
  await refreshOpenRoundCounts(now);
  const schedules = await prisma.schedule.findMany({
    where: { active: true },
    select: {
      id: true,
      name: true,
      surveyId: true,
      cadence: true,
      openDays: true,
      k: true,
      audience: true,
      startsOn: true,
      createdAt: true,
    },
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
  await runReminderJobs({ now });
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
