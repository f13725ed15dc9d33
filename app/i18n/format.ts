/**
 * Numbers and dates in the reader's language, for the employee pages. Pages format on the
 * server and send text, so the browser shows exactly what the server rendered.
 */
import { roundTo1 } from "~/domain/nps";
import { LOCALE_TAGS, type Locale } from "./locales";

/** An eNPS or a change in points: one decimal, a sign unless zero ("+12.5", "-3,0" in Ukrainian). */
export function formatPoints(locale: Locale, value: number): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(roundTo1(value));
}

/** A count ("1 234" in Ukrainian). */
export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale]).format(value);
}

/** A calendar day, written YYYY-MM-DD or as an instant, in UTC ("30 вересня 2026 р."). */
export function formatDate(locale: Locale, day: string | Date): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00.000Z`) : day;
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}
