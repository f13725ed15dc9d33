import { Form, useNavigation } from "@remix-run/react";
import { type FieldProblem, TEXT_MAX } from "~/domain/answer-form";
import type { Translate } from "~/i18n/translate";
import { ErrorSummary, type SummaryProblem } from "./error-summary";
import { RatingScale, ScoreScale } from "./score-scale";

export interface DisplayQuestion {
  id: string;
  type: "NPS" | "TEXT" | "RATING";
  text: string;
  /** Set when the text is in another language than the page (an untranslated question). */
  lang?: string;
}

/** The question's words, marked with their language when it is not the page's. */
function QuestionText({ question }: { question: DisplayQuestion }) {
  return question.lang ? <span lang={question.lang}>{question.text}</span> : <>{question.text}</>;
}

export interface GroupOptions {
  departments: { id: string; name: string }[];
  roles: { id: string; name: string }[];
}

export interface SurveyFormProps {
  t: Translate;
  questions: DisplayQuestion[];
  k: number;
  linksDownloaded?: boolean;
  /** Personal links and shared links promise slightly different things. */
  variant: "personal" | "shared";
  problems?: Record<string, FieldProblem>;
  groupProblem?: boolean;
  tooFast?: boolean;
  values?: Record<string, string>;
  groups?: GroupOptions;
  lang: string;
  kiosk?: boolean;
}

const problemText = (t: Translate, problem: FieldProblem) =>
  problem === "score"
    ? t("error.score")
    : problem === "rating"
      ? t("error.rating")
      : t("error.tooLong", { max: TEXT_MAX });

/** The control the error summary leads to for a question: its first option, or its text box. */
function fieldIdOf(question: DisplayQuestion): string {
  if (question.type === "NPS") return "score-0";
  if (question.type === "RATING") return `rating:${question.id}-1`;
  return `text:${question.id}`;
}

export function SurveyForm({
  t,
  questions,
  k,
  linksDownloaded,
  variant,
  problems = {},
  groupProblem,
  tooFast,
  values = {},
  groups,
  lang,
  kiosk,
}: SurveyFormProps) {
  const sending = useNavigation().state === "submitting";
  const summary: SummaryProblem[] = [
    ...(groupProblem ? [{ target: "departmentId", text: t("error.group") }] : []),
    ...questions.flatMap((question) => {
      const problem = problems[question.id];
      return problem ? [{ target: fieldIdOf(question), text: problemText(t, problem) }] : [];
    }),
  ];
  return (
    <Form method="post" className="survey-form" noValidate autoComplete={kiosk ? "off" : undefined}>
      <ErrorSummary title={t("survey.errors")} problems={summary} focusKey={problems} />
      <input type="hidden" name="lang" value={lang} />
      {kiosk ? <input type="hidden" name="kiosk" value="1" /> : null}
      <aside className="promise" aria-labelledby="promise-heading">
        <h2 id="promise-heading">{t("survey.promise.title")}</h2>
        <p>{t(variant === "personal" ? "survey.promise.personal" : "survey.promise.shared", { k })}</p>
        {linksDownloaded ? <p className="promise-caution">{t("survey.linksDownloaded")}</p> : null}
        {/* A kiosk keeps people on the form: the next person should find it, not this page. */}
        {kiosk ? null : (
          <p>
            <a href={`/anonymity?lang=${lang}`}>{t("anonymity.linkText")}</a>
          </p>
        )}
      </aside>
      {tooFast ? (
        <p className="form-error" role="alert">
          {t("shared.tooFast")}
        </p>
      ) : null}
      {groups ? (
        <fieldset className={groupProblem ? "question field-invalid" : "question"} aria-describedby="group-hint">
          <legend>{t("shared.group.legend")}</legend>
          <p className="field-hint" id="group-hint">
            {t("shared.group.hint", { k })}
          </p>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="departmentId">{t("shared.department")}</label>
              <select
                id="departmentId"
                name="departmentId"
                required
                defaultValue={values.departmentId ?? ""}
                aria-invalid={groupProblem || undefined}
              >
                <option value="">{t("shared.choose")}</option>
                {groups.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="roleId">{t("shared.role")}</label>
              <select
                id="roleId"
                name="roleId"
                required
                defaultValue={values.roleId ?? ""}
                aria-invalid={groupProblem || undefined}
              >
                <option value="">{t("shared.choose")}</option>
                {groups.roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {groupProblem ? (
            <p className="field-error" role="alert">
              {t("error.group")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {questions.map((question) => {
        const problem = problems[question.id];
        const error = problem ? problemText(t, problem) : undefined;
        if (question.type === "NPS") {
          return (
            <ScoreScale
              key={question.id}
              name="score"
              legend={<QuestionText question={question} />}
              low={t("survey.scale.low")}
              high={t("survey.scale.high")}
              requiredLabel={t("survey.required")}
              error={error}
              defaultValue={values.score}
            />
          );
        }
        if (question.type === "RATING") {
          return (
            <RatingScale
              key={question.id}
              name={`rating:${question.id}`}
              legend={<QuestionText question={question} />}
              labels={[1, 2, 3, 4, 5].map((n) => t(`survey.rating.${n}` as "survey.rating.1"))}
              optionalLabel={t("survey.optional")}
              error={error}
              defaultValue={values[`rating:${question.id}`]}
            />
          );
        }
        const name = `text:${question.id}`;
        return (
          <div key={question.id} className={error ? "question field field-invalid" : "question field"}>
            <label htmlFor={name}>
              <QuestionText question={question} /> <span className="question-flag">({t("survey.optional")})</span>
            </label>
            <p className="field-hint" id={`${name}-hint`}>
              {t("survey.text.hint", { max: TEXT_MAX })}
            </p>
            <textarea
              id={name}
              name={name}
              rows={4}
              maxLength={TEXT_MAX}
              defaultValue={values[name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${name}-hint`, error ? `${name}-error` : ""].filter(Boolean).join(" ")}
            />
            {error ? (
              <p className="field-error" id={`${name}-error`} role="alert">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="submit-answers" disabled={sending}>
        {sending ? t("survey.sending") : t("survey.submit")}
      </button>
    </Form>
  );
}
