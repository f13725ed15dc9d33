import { z } from "zod";
import type { RoundKind } from "./round-status";
import type { SurveyTemplate } from "./survey-templates";

/**
 * When a training's rounds are open, worked out from the training's dates (UTC):
 * - before: opens a few days ahead of the start (or now, when the start is nearer), closes
 *   when the training starts;
 * - after: opens when the training ends and stays open two weeks;
 * - follow-up (added later by HR): opens a chosen number of days after the end (or now, when
 *   that day has passed) and stays open two weeks, to see whether the effect lasts.
 */
export const BEFORE_OPEN_DAYS = 7;
export const AFTER_OPEN_DAYS = 14;
export const FOLLOW_UP_OPEN_DAYS = 14;
export const FOLLOW_UP_DEFAULT_DAYS = 60;
export const FOLLOW_UP_MIN_DAYS = 7;
export const FOLLOW_UP_MAX_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

export type TrainingRoundKind = Extract<RoundKind, "TRAINING_PRE" | "TRAINING_POST" | "TRAINING_FOLLOWUP">;

export const TRAINING_ROUND_KINDS: readonly TrainingRoundKind[] = [
  "TRAINING_PRE",
  "TRAINING_POST",
  "TRAINING_FOLLOWUP",
];

export interface RoundWindow {
  opensAt: Date;
  closesAt: Date;
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export function beforeRoundWindow(startsOn: Date, now: Date): RoundWindow {
  return { opensAt: later(addDays(startsOn, -BEFORE_OPEN_DAYS), now), closesAt: startsOn };
}

export function afterRoundWindow(endsOn: Date): RoundWindow {
  return { opensAt: endsOn, closesAt: addDays(endsOn, AFTER_OPEN_DAYS) };
}

export function followUpRoundWindow(endsOn: Date, daysAfterEnd: number, now: Date): RoundWindow {
  const opensAt = later(addDays(endsOn, daysAfterEnd), now);
  return { opensAt, closesAt: addDays(opensAt, FOLLOW_UP_OPEN_DAYS) };
}

const NAME_SUFFIX: Record<TrainingRoundKind, string> = {
  TRAINING_PRE: "before",
  TRAINING_POST: "after",
  TRAINING_FOLLOWUP: "follow-up",
};

/** "Feedback skills · before" */
export function trainingRoundName(title: string, kind: TrainingRoundKind): string {
  return `${title} · ${NAME_SUFFIX[kind]}`;
}

export function isTrainingRoundKind(kind: string): kind is TrainingRoundKind {
  return (TRAINING_ROUND_KINDS as readonly string[]).includes(kind);
}

const FOLLOW_UP_MESSAGE = `Enter a whole number of days from ${FOLLOW_UP_MIN_DAYS} to ${FOLLOW_UP_MAX_DAYS}.`;

export const followUpFormSchema = z.object({
  daysAfterEnd: z
    .string({ error: FOLLOW_UP_MESSAGE })
    .trim()
    .regex(/^\d{1,4}$/, FOLLOW_UP_MESSAGE)
    .transform(Number)
    .refine((days) => days >= FOLLOW_UP_MIN_DAYS && days <= FOLLOW_UP_MAX_DAYS, FOLLOW_UP_MESSAGE),
});

/**
 * Whether a stored survey is the template as written: the same questions, in the same order,
 * with the same English wording. Trainings reuse such a survey, so their rounds all ask the
 * same questions and compare.
 */
export function matchesTemplate(questions: { type: string; en: string | null }[], template: SurveyTemplate): boolean {
  return (
    questions.length === template.questions.length &&
    questions.every(
      (q, index) => q.type === template.questions[index].type && q.en === template.questions[index].texts.en,
    )
  );
}
