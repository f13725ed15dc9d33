import { HR_LOCALE, plural } from "./plural";

/**
 * Candor shows and takes every date and time in UTC, and says so, so that HR in any time zone
 * and the server agree on when a round opens and closes. Pages show one style, the same on the
 * server and in every browser whatever their locale: "17 Nov 2026" for a day, "17 Nov 2026,
 * 18:38 UTC" where the time matters. Inputs and file names use the ISO form (2026-11-17).
 */
const pad = (value: number) => String(value).padStart(2, "0");

export const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** "2026-11-17": the value of an `<input type="date">`, and dates in file names. */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** "17 Nov 2026": a day, as pages show it. Accepts what a loader's JSON turns a Date into. */
export function formatDay(value: Date | string): string {
  const date = new Date(value);
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "17 Nov 2026, 18:38 UTC": a moment, as pages and e-mails show it. */
export function formatUtc(value: Date | string): string {
  const date = new Date(value);
  return `${formatDay(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** The value of an `<input type="datetime-local">` showing `date` in UTC. */
export function toDateTimeInput(date: Date): string {
  return `${formatUtcDate(date)}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** "2026-03-01T08:00" (seconds allowed) read as UTC; null unless it is a real date and time. */
export function parseDateTimeInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  return realDate(year, month, day, hour, minute, second);
}

/** "2026-03-01" read as midnight UTC; null unless it is a real date. */
export function parseDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return realDate(Number(match[1]), Number(match[2]), Number(match[3]), 0, 0, 0);
}

function realDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
  if (year < 2000 || year > 2999 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May; a date that rolled over was not a real one.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** "5 minutes ago", "3 hours ago", "2 days ago": how long before `now` something happened. */
export function formatTimeAgo(value: Date | string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(value).getTime()) / 60_000);
  const count = (n: number, unit: string) => `${plural(HR_LOCALE, n, { one: `# ${unit}`, other: `# ${unit}s` })} ago`;
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 60) return count(minutes, "minute");
  if (minutes < 48 * 60) return count(Math.floor(minutes / 60), "hour");
  return count(Math.floor(minutes / (24 * 60)), "day");
}
