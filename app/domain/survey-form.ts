import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, type Locale } from "~/i18n/locales";
import { BadRequestError, ConflictError } from "./http-error";
import {
  emptyWording,
  FOLLOW_UP_TYPES,
  MAX_QUESTIONS,
  PLACEHOLDERS,
  placeholdersIn,
  SURVEY_KINDS,
  SURVEY_NAME_MAX,
  WORDING_MAX,
  type FollowUpType,
  type QuestionDraft,
  type SurveyDraft,
  type SurveyKind,
} from "./survey";

/**
 * The survey editor as a plain form (it works without JavaScript): every question is a group
 * of fields named q-<index>-type and q-<index>-<locale>, and the buttons that add, remove or
 * move a question send the whole draft back to be shown again, changed, without storing it.
 */
export type FormValues = Record<string, string | string[]>;
export type SurveyErrors = Partial<Record<string, string>>;

export const questionField = (index: number, part: Locale | "type") => `q-${index}-${part}`;

/** Anything beyond this is not a form our page produced. */
const MAX_READ = 100;

/**
 * A save refused for a reason the editor shows next to `field` ("form" for the whole survey),
 * answered 409: the draft is valid, but it clashes with what is stored.
 */
export class SurveyRefusal extends ConflictError {
  declare readonly field: "form" | "name";
  constructor(field: "form" | "name", message: string) {
    super(message, field);
  }
}

export class UnreadableSurveyForm extends BadRequestError {
  constructor() {
    super("The survey form could not be read. Please reload the page and try again.");
  }
}

function text(values: FormValues, name: string): string {
  const value = values[name];
  const raw = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  // A wording is one line; line breaks typed into the box become spaces.
  return raw.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/**
 * The draft exactly as typed (trimmed), for validating and for showing again. Throws
 * UnreadableSurveyForm when the form's structure was tampered with: the 0-10 question missing
 * or not first, a second one, an unknown question type or kind.
 */
export function readSurveyDraft(values: FormValues): SurveyDraft {
  const kind = text(values, "kind");
  if (!(SURVEY_KINDS as readonly string[]).includes(kind)) throw new UnreadableSurveyForm();
  const questions: QuestionDraft[] = [];
  for (let index = 0; values[questionField(index, "type")] !== undefined; index++) {
    if (index >= MAX_READ) throw new UnreadableSurveyForm();
    const type = text(values, questionField(index, "type"));
    const allowed = index === 0 ? type === "NPS" : (FOLLOW_UP_TYPES as readonly string[]).includes(type);
    if (!allowed) throw new UnreadableSurveyForm();
    const texts = emptyWording();
    for (const locale of LOCALES) texts[locale] = text(values, questionField(index, locale));
    questions.push({ type: type as QuestionDraft["type"], texts });
  }
  if (questions.length === 0) throw new UnreadableSurveyForm();
  return { name: text(values, "name"), kind: kind as SurveyKind, questions };
}

/** Plain-words problems of a draft, keyed by field; empty when it can be saved. */
export function validateSurveyDraft(draft: SurveyDraft): SurveyErrors {
  const errors: SurveyErrors = {};
  if (draft.name === "") errors.name = "The survey name is required.";
  else if (draft.name.length > SURVEY_NAME_MAX)
    errors.name = `The survey name must be at most ${SURVEY_NAME_MAX} characters.`;
  if (draft.questions.length > MAX_QUESTIONS) {
    errors.questions = `A survey has at most ${MAX_QUESTIONS} questions; this one has ${draft.questions.length}.`;
  }
  draft.questions.forEach((question, index) => {
    for (const locale of LOCALES) {
      const message = wordingProblem(question.texts[locale], locale, draft.kind);
      if (message) errors[questionField(index, locale)] = message;
    }
  });
  return errors;
}

function wordingProblem(wording: string, locale: Locale, kind: SurveyKind): string | null {
  if (wording === "") return locale === DEFAULT_LOCALE ? "The English wording is required." : null;
  if (wording.length > WORDING_MAX) {
    return `The ${LOCALE_NAMES[locale]} wording must be at most ${WORDING_MAX} characters (it has ${wording.length}).`;
  }
  for (const name of placeholdersIn(wording)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      return `{${name}} is not a placeholder Candor knows; use {company} or {training}, or remove the braces.`;
    }
    if (name === "training" && kind !== "TRAINING") {
      return "{training} is only filled in on training surveys; an employee survey has no training to name.";
    }
  }
  return null;
}

export type SurveyIntent =
  { kind: "save" } | { kind: "add"; type: FollowUpType } | { kind: "remove" | "up" | "down"; index: number };

export function parseSurveyIntent(value: unknown): SurveyIntent | null {
  if (value === "save") return { kind: "save" };
  if (value === "add-TEXT") return { kind: "add", type: "TEXT" };
  if (value === "add-RATING") return { kind: "add", type: "RATING" };
  const match = typeof value === "string" ? /^(remove|up|down)-(\d{1,3})$/.exec(value) : null;
  if (!match) return null;
  return { kind: match[1] as "remove" | "up" | "down", index: Number(match[2]) };
}

export interface EditOutcome {
  draft: SurveyDraft;
  /** A message when the change could not be made. */
  error?: string;
  /** The field to put the cursor in next. */
  focus?: string;
}

/**
 * Adds, removes or moves a follow-up question. The 0-10 question stays first and cannot be
 * removed; nothing moves past it.
 */
export function applySurveyEdit(draft: SurveyDraft, intent: Exclude<SurveyIntent, { kind: "save" }>): EditOutcome {
  const questions = [...draft.questions];
  if (intent.kind === "add") {
    if (questions.length >= MAX_QUESTIONS) {
      return { draft, error: `A survey has at most ${MAX_QUESTIONS} questions.` };
    }
    questions.push({ type: intent.type, texts: emptyWording() });
    return { draft: { ...draft, questions }, focus: questionField(questions.length - 1, DEFAULT_LOCALE) };
  }
  const { index } = intent;
  if (index < 1 || index >= questions.length) return { draft };
  if (intent.kind === "remove") {
    questions.splice(index, 1);
    return { draft: { ...draft, questions } };
  }
  const target = intent.kind === "up" ? index - 1 : index + 1;
  if (target < 1 || target >= questions.length) return { draft };
  [questions[index], questions[target]] = [questions[target], questions[index]];
  return { draft: { ...draft, questions }, focus: questionField(target, DEFAULT_LOCALE) };
}
