import { data, redirect } from "@remix-run/node";
import { type FieldProblem, type ParsedAnswer, parseAnswerForm } from "~/domain/answer-form";
import { fillWording } from "~/domain/survey";
import { languagePack } from "~/i18n/locale.server";
import { DEFAULT_LOCALE, LOCALE_TAGS, type Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import type { Availability, RoundForAnswering } from "~/models/answering.server";
import { getCompanyName } from "~/models/settings.server";
import { badRequest } from "~/utils/http.server";

/** What an employee survey page shows: the form, or why there is no form. */
export type SurveyView =
  | {
      state: "ready";
      k: number;
      /** HR downloaded the round's personal links as a file: the page says what that means. */
      linksDownloaded: boolean;
      /** `lang` is set where the question is shown in English inside a page in another language. */
      questions: { id: string; type: "NPS" | "TEXT" | "RATING"; text: string; lang?: string }[];
      problems?: Record<string, FieldProblem>;
      groupProblem?: boolean;
      /** The device sent too many answers through a shared link just now. */
      tooFast?: boolean;
      values?: Record<string, string>;
    }
  | { state: "used" }
  | { state: "closed"; date: string }
  | { state: "not-open"; date: string }
  | { state: "unknown" };

const STATUS: Record<SurveyView["state"], number> = {
  ready: 200,
  used: 409,
  closed: 410,
  "not-open": 403,
  unknown: 404,
};

function formatDate(date: Date, locale: Locale) {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export async function readyView(
  round: RoundForAnswering,
  locale: Locale,
): Promise<Extract<SurveyView, { state: "ready" }>> {
  const company = (await getCompanyName()) ?? translator(locale)("company.fallback");
  return {
    state: "ready",
    k: round.k,
    linksDownloaded: round.linksDownloaded,
    questions: round.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: fillWording(q.texts[locale], { company, training: round.training }),
      ...(q.wordedIn.includes(locale) ? {} : { lang: LOCALE_TAGS[DEFAULT_LOCALE] }),
    })),
  };
}

export function unavailableView(availability: Exclude<Availability, { state: "ready" }>, locale: Locale): SurveyView {
  switch (availability.state) {
    case "used":
      return { state: "used" };
    case "closed":
      return { state: "closed", date: formatDate(availability.closedOn, locale) };
    case "not-open":
      return { state: "not-open", date: formatDate(availability.opensAt, locale) };
  }
}

/** The page's data with the HTTP status that fits its state (404, 409, 410, 403 or 200). */
export function surveyPage<Extra extends object = object>(
  locale: Locale,
  view: SurveyView,
  extra: Extra = {} as Extra,
  status = STATUS[view.state],
) {
  return data({ ...languagePack(locale), ...extra, view }, { status });
}

/** Form fields as name/value pairs; a file where text belongs is a malformed form. */
export function textFields(formData: FormData): [string, string][] {
  const fields: [string, string][] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") throw badRequest("This form only takes text.");
    fields.push([name, value]);
  }
  return fields;
}

export type AnswerCheck =
  | { ok: true; answers: ParsedAnswer[] }
  | { ok: false; problems: Record<string, FieldProblem>; values: Record<string, string> };

/** Checks the answers against the round's questions; a crafted form is a 400 with nothing stored. */
export function checkAnswers(fields: [string, string][], round: RoundForAnswering): AnswerCheck {
  const parsed = parseAnswerForm(fields, round.questions);
  if (parsed.ok) return parsed;
  if ("fault" in parsed) {
    throw badRequest("This form does not match the survey. Please reload the page and answer again.");
  }
  return { ok: false, problems: parsed.problems, values: Object.fromEntries(fields) };
}

export function thanksRedirect(locale: Locale) {
  return redirect(`/thanks?lang=${locale}`);
}
