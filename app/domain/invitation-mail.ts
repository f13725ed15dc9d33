import { LOCALES, LOCALE_NAMES } from "~/i18n/locales";
import { formatUtc } from "./utc-time";

/**
 * The invitation and reminder e-mails. Each is written once with the real link (what the
 * person gets) and once with KEPT_LINK in its place (what Candor keeps), so no personal link
 * is ever stored. Reminders name nobody: the kept copy must not tell who has not answered.
 */
export interface MailFacts {
  companyName: string | null;
  roundName: string;
  closesAt: Date;
  k: number;
}

export interface MailText {
  subject: string;
  text: string;
}

const languages = LOCALES.map((locale) => LOCALE_NAMES[locale]).join(", ");

function promise(k: number) {
  return [
    "Your answers are anonymous: nobody, HR included, can see who answered what. Results are only",
    `shown for groups of at least ${k} people.`,
  ].join("\n");
}

export function invitationMail(facts: MailFacts & { personName: string }, link: string): MailText {
  const asker = facts.companyName ?? "Your employer";
  return {
    subject: `Your anonymous survey: ${facts.roundName}`,
    text: [
      `Hello ${facts.personName},`,
      "",
      `${asker} asks for your opinion in a short anonymous survey (about two minutes).`,
      "",
      "Your personal link (please do not forward it; it works once):",
      link,
      "",
      `The survey is open until ${formatUtc(facts.closesAt)}. You can answer in ${languages}.`,
      "",
      promise(facts.k),
    ].join("\n"),
  };
}

export function reminderMail(facts: MailFacts, link: string): MailText {
  return {
    subject: `Reminder: ${facts.roundName}`,
    text: [
      "Hello,",
      "",
      `There is still time to answer the anonymous survey "${facts.roundName}": it is open until ${formatUtc(facts.closesAt)}.`,
      "If you answered in the meantime, thank you, and please ignore this message.",
      "",
      "Your personal link (please do not forward it; it works once):",
      link,
      "",
      promise(facts.k),
    ].join("\n"),
  };
}

/** Reminders sent again within this time ask HR to confirm once more: nobody likes a flood. */
export const REMIND_AGAIN_AFTER_MS = 24 * 60 * 60 * 1000;

/** Whether reminders went out less than a day before `now`. */
export function remindedRecently(lastReminderAt: Date | string | null, now: Date): boolean {
  if (lastReminderAt === null) return false;
  return now.getTime() - new Date(lastReminderAt).getTime() < REMIND_AGAIN_AFTER_MS;
}
