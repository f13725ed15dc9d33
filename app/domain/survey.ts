import { DEFAULT_LOCALE, LOCALES, type Locale } from "~/i18n/locales";

/**
 * What a survey is made of: one 0-10 question (always first), then optional open questions and
 * 1-5 rating items, each worded in every locale. A wording may hold the placeholders
 * {company} (the company name, a setting) and {training} (the round's training).
 */
export const QUESTION_TYPES = ["NPS", "TEXT", "RATING"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const FOLLOW_UP_TYPES = ["TEXT", "RATING"] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

export const SURVEY_KINDS = ["ENPS", "TRAINING"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  ENPS: "Employee NPS",
  TRAINING: "Training NPS",
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  NPS: "0-10 recommendation question",
  TEXT: "Open question",
  RATING: "Rating item (1-5)",
};

export const MAX_QUESTIONS = 20;
export const WORDING_MAX = 500;
export const SURVEY_NAME_MAX = 120;

export type Wording = Record<Locale, string>;

export interface QuestionDraft {
  type: QuestionType;
  texts: Wording;
}

export interface SurveyDraft {
  name: string;
  kind: SurveyKind;
  questions: QuestionDraft[];
}

export const PLACEHOLDERS = ["company", "training"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{(\w*)\}/g;

/** The placeholder names a wording uses, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1]))];
}

/** Whether any wording of the survey, in any locale, uses the placeholder. */
export function usesPlaceholder(questions: readonly { texts: Partial<Wording> }[], name: Placeholder): boolean {
  return questions.some((q) =>
    Object.values(q.texts).some((text) => text !== undefined && placeholdersIn(text).includes(name)),
  );
}

/** Fills {company} and {training}; a placeholder without a value is left as it is. */
export function fillWording(text: string, values: Partial<Record<Placeholder, string | null>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (match, name: string) => {
    const value = values[name as Placeholder];
    return typeof value === "string" && value !== "" ? value : match;
  });
}

/** A wording in every locale; an empty translation falls back to the English wording. */
export function withFallback(texts: Partial<Record<string, string>>): Wording {
  const english = texts[DEFAULT_LOCALE] ?? "";
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const text = texts[locale]?.trim() ?? "";
      return [locale, text === "" ? english : text];
    }),
  ) as Wording;
}

export function emptyWording(): Wording {
  return Object.fromEntries(LOCALES.map((locale) => [locale, ""])) as Wording;
}
