import { DEFAULT_LOCALE, LOCALES, type Locale } from "~/i18n/locales";
import { HR_LOCALE, plural } from "./plural";

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

/**
 * What HR should hear when questions lack a translation: respondents who read that language see
 * the English wording. Null when every question is worded in every language.
 */
const languageNames = new Intl.DisplayNames(HR_LOCALE, { type: "language" });

export function untranslatedNote(questions: readonly { texts: Partial<Wording> }[]): string | null {
  const missing = new Set<Locale>();
  let untranslated = 0;
  for (const question of questions) {
    const lacking = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE && !question.texts[locale]?.trim());
    if (lacking.length === 0) continue;
    untranslated++;
    for (const locale of lacking) missing.add(locale);
  }
  if (untranslated === 0) return null;
  const languages = new Intl.ListFormat(HR_LOCALE, { type: "conjunction" }).format(
    LOCALES.filter((locale) => missing.has(locale)).map((locale) => languageNames.of(locale) ?? locale),
  );
  const questionsLacking = plural(HR_LOCALE, untranslated, {
    one: "1 question has no wording",
    other: "# questions have no wording",
  });
  const them = untranslated === 1 ? "it" : "them";
  return `${questionsLacking} in ${languages}: people who answer in ${missing.size === 1 ? "that language" : "those languages"} will see ${them} in English.`;
}
