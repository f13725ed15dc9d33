/**
 * Recurring rounds: when each round of a schedule opens and closes, and which period it
 * belongs to. All arithmetic is in UTC.
 *
 * Round n of a schedule opens n cadence steps (1, 3 or 6 months) after the first one, on the
 * same day of the month and at the same time of day; where that month is shorter, on its last
 * day (a schedule that starts on 31 January opens on 28 or 29 February, then on 31 March).
 * The period of a round is the calendar month, quarter or half-year it opens in: 2026-01,
 * 2026-Q1, 2026-H1. Since the steps are exactly one period long, each period has one round.
 */

export const CADENCES = ["MONTHLY", "QUARTERLY", "SEMIANNUAL"] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, string> = {
  MONTHLY: "Every month",
  QUARTERLY: "Every quarter",
  SEMIANNUAL: "Twice a year",
};

export const CADENCE_MONTHS: Record<Cadence, number> = { MONTHLY: 1, QUARTERLY: 3, SEMIANNUAL: 6 };

/**
 * The longest a round may stay open: the shortest gap between two openings of the cadence
 * (28 days from 31 January to 28 February; 89 days from 30 November to 28 February), so a
 * round always closes before the next one opens.
 */
export const MAX_OPEN_DAYS_BY_CADENCE: Record<Cadence, number> = { MONTHLY: 28, QUARTERLY: 89, SEMIANNUAL: 181 };

const DAY_MS = 24 * 60 * 60 * 1000;

export function isCadence(value: unknown): value is Cadence {
  return typeof value === "string" && (CADENCES as readonly string[]).includes(value);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `months` months after `date`, same time of day, the day clamped to the month's last day. */
export function addMonthsClamped(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));
  return new Date(
    Date.UTC(
      year,
      monthIndex,
      day,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      date.getUTCMilliseconds(),
    ),
  );
}

/** The period `date` falls in: 2026-01 (monthly), 2026-Q1 (quarterly), 2026-H1 (twice a year). */
export function periodKey(date: Date, cadence: Cadence): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (cadence === "MONTHLY") return `${year}-${String(month + 1).padStart(2, "0")}`;
  if (cadence === "QUARTERLY") return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-H${month < 6 ? 1 : 2}`;
}

export interface ScheduleTiming {
  cadence: Cadence;
  /** When the first round opens. */
  startsOn: Date;
  openDays: number;
  /** When the schedule was made: periods that ended before then get no round. */
  createdAt: Date;
}

export interface Occurrence {
  index: number;
  period: string;
  opensAt: Date;
  closesAt: Date;
  /** When the next round opens: the end of this round's period of the schedule. */
  nextOpensAt: Date;
}

export function occurrence(
  schedule: Pick<ScheduleTiming, "cadence" | "startsOn" | "openDays">,
  index: number,
): Occurrence {
  const step = CADENCE_MONTHS[schedule.cadence];
  const opensAt = addMonthsClamped(schedule.startsOn, index * step);
  return {
    index,
    period: periodKey(opensAt, schedule.cadence),
    opensAt,
    closesAt: new Date(opensAt.getTime() + schedule.openDays * DAY_MS),
    nextOpensAt: addMonthsClamped(schedule.startsOn, (index + 1) * step),
  };
}

/** The last round that has opened by `now` (its index), or null before the first one. */
export function latestOpenedIndex(schedule: Pick<ScheduleTiming, "cadence" | "startsOn">, now: Date): number | null {
  if (now.getTime() < schedule.startsOn.getTime()) return null;
  const step = CADENCE_MONTHS[schedule.cadence];
  const months =
    (now.getUTCFullYear() - schedule.startsOn.getUTCFullYear()) * 12 +
    now.getUTCMonth() -
    schedule.startsOn.getUTCMonth();
  // The month count is at most one step off (day of month, time of day): correct it.
  let index = Math.max(0, Math.floor(months / step));
  while (index > 0 && addMonthsClamped(schedule.startsOn, index * step).getTime() > now.getTime()) index--;
  while (addMonthsClamped(schedule.startsOn, (index + 1) * step).getTime() <= now.getTime()) index++;
  return index;
}

/**
 * The round the schedule should have open at `now` but may not have made yet, or null. None
 * before the first opening; none when that round's time has passed already (the server was
 * down for all of it: a round that is closed on creation helps nobody); none for a period that
 * ended before the schedule was made.
 */
export function dueOccurrence(schedule: ScheduleTiming, now: Date): Occurrence | null {
  const index = latestOpenedIndex(schedule, now);
  if (index === null) return null;
  const due = occurrence(schedule, index);
  if (due.closesAt.getTime() <= now.getTime()) return null;
  if (due.nextOpensAt.getTime() <= schedule.createdAt.getTime()) return null;
  return due;
}

/** The next round to open after `now`, for showing when a schedule acts next. */
export function nextOccurrence(
  schedule: Pick<ScheduleTiming, "cadence" | "startsOn" | "openDays">,
  now: Date,
): Occurrence {
  const latest = latestOpenedIndex(schedule, now);
  return occurrence(schedule, latest === null ? 0 : latest + 1);
}

/** When the period `date` falls in began: the 1st of its month, quarter or half-year (UTC). */
export function periodStart(date: Date, cadence: Cadence): Date {
  const step = CADENCE_MONTHS[cadence];
  const month = Math.floor(date.getUTCMonth() / step) * step;
  return new Date(Date.UTC(date.getUTCFullYear(), month, 1));
}

/** When the period after the one `date` falls in begins: a new schedule's natural first day. */
export function nextPeriodStart(date: Date, cadence: Cadence): Date {
  return addMonthsClamped(periodStart(date, cadence), CADENCE_MONTHS[cadence]);
}

export interface UpcomingRound {
  period: string;
  opensAt: Date;
  closesAt: Date;
  /** Due at once: the scheduler opens it at its next run, within a minute. */
  opensNow: boolean;
}

/**
 * The first `count` rounds a schedule made at `now` would open: the round of the current
 * period first when it is due already (it opens at the scheduler's next run), then the ones
 * to come.
 */
export function upcomingRounds(
  schedule: Pick<ScheduleTiming, "cadence" | "startsOn" | "openDays">,
  now: Date,
  count = 3,
): UpcomingRound[] {
  const due = dueOccurrence({ ...schedule, createdAt: now }, now);
  const first = due ? due.index : nextOccurrence(schedule, now).index;
  return Array.from({ length: count }, (_, ahead) => {
    const next = occurrence(schedule, first + ahead);
    const opensNow = due !== null && ahead === 0;
    return { period: next.period, opensAt: opensNow ? now : next.opensAt, closesAt: next.closesAt, opensNow };
  });
}

/**
 * The time a round of a schedule speaks for: its whole period, and its open days when they
 * run past the period's end. Another periodic round for the same people within it would give
 * them two surveys at once, or the trend two points for one period.
 */
export function periodSpan(round: { opensAt: Date; closesAt: Date }, cadence: Cadence): { start: Date; end: Date } {
  const start = periodStart(round.opensAt, cadence);
  const end = nextPeriodStart(round.opensAt, cadence);
  return { start, end: round.closesAt.getTime() > end.getTime() ? round.closesAt : end };
}
