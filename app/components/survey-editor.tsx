import { Form, useNavigation } from "@remix-run/react";
import { HR_LOCALE, plural } from "~/domain/plural";
import {
  MAX_QUESTIONS,
  QUESTION_TYPE_LABELS,
  SURVEY_KIND_LABELS,
  WORDING_MAX,
  type SurveyDraft,
} from "~/domain/survey";
import { questionField, type SurveyErrors } from "~/domain/survey-form";
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, LOCALE_TAGS } from "~/i18n/locales";
import { FormError, TextAreaField, TextField } from "./field";

const TRANSLATIONS = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

export function PlaceholderHint({ companyName, kind }: { companyName: string | null; kind: SurveyDraft["kind"] }) {
  return (
    <p className="field-hint">
      <code>{"{company}"}</code> is replaced by the company name (
      {companyName ? <strong>{companyName}</strong> : "not set yet: set it on the Surveys page"})
      {kind === "TRAINING" ? (
        <>
          ; <code>{"{training}"}</code> by the name of the training the round belongs to
        </>
      ) : null}
      .
    </p>
  );
}

/**
 * The survey editor. A plain form: the add, move and remove buttons send the draft to the
 * server, which sends it back changed (nothing is stored until "save"), so it works without
 * JavaScript. The 0-10 question is always first.
 */
export function SurveyEditor({
  draft,
  errors = {},
  revision,
  focus,
  companyName,
  submitLabel,
}: {
  draft: SurveyDraft;
  errors?: SurveyErrors;
  revision: number;
  focus: string | null;
  companyName: string | null;
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  const last = draft.questions.length - 1;
  const fieldErrors = Object.keys(errors).filter((key) => key !== "questions" && key !== "form").length;
  return (
    <Form method="post" noValidate className="survey-editor" key={revision}>
      {/* Enter in a text field presses the first submit button of a form: make that "save". */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <input type="hidden" name="kind" value={draft.kind} />
      <input type="hidden" name="revision" value={revision} />
      <FormError
        message={
          errors.form ??
          (fieldErrors > 0
            ? `The survey was not saved: ${plural(HR_LOCALE, fieldErrors, { one: "one field needs", other: "# fields need" })} fixing (marked below).`
            : undefined)
        }
      />
      <div className="card">
        <TextField
          label="Survey name"
          name="name"
          defaultValue={draft.name}
          error={errors.name}
          required
          maxLength={120}
        />
        <p className="muted small">
          Kind: {SURVEY_KIND_LABELS[draft.kind]}
          {draft.kind === "ENPS" ? " (for rounds and recurring schedules)" : " (for trainings)"}.
        </p>
        <PlaceholderHint companyName={companyName} kind={draft.kind} />
      </div>
      <ol className="question-list">
        {draft.questions.map((question, index) => {
          const translationErrors = TRANSLATIONS.some((locale) => errors[questionField(index, locale)]);
          const filled = TRANSLATIONS.filter((locale) => question.texts[locale] !== "").length;
          const number = index + 1;
          return (
            <li key={index} className="card question">
              <fieldset>
                <legend>
                  Question {number}: {QUESTION_TYPE_LABELS[question.type]}
                  {index === 0 ? <span className="muted small"> (always first)</span> : null}
                </legend>
                <input type="hidden" name={questionField(index, "type")} value={question.type} />
                <TextAreaField
                  label="English wording"
                  name={questionField(index, DEFAULT_LOCALE)}
                  defaultValue={question.texts.en}
                  error={errors[questionField(index, DEFAULT_LOCALE)]}
                  required
                  rows={2}
                  maxLength={WORDING_MAX}
                  // Only the question just added takes focus, so a keyboard user goes on typing there.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus={focus === questionField(index, DEFAULT_LOCALE)}
                />
                <details open={translationErrors || undefined}>
                  <summary>
                    Translations ({filled} of {TRANSLATIONS.length} filled in)
                  </summary>
                  <p className="field-hint">Left empty, people reading in that language see the English wording.</p>
                  <div className="form-grid">
                    {TRANSLATIONS.map((locale) => (
                      <TextAreaField
                        key={locale}
                        label={LOCALE_NAMES[locale]}
                        name={questionField(index, locale)}
                        lang={LOCALE_TAGS[locale]}
                        defaultValue={question.texts[locale]}
                        error={errors[questionField(index, locale)]}
                        rows={2}
                        maxLength={WORDING_MAX}
                      />
                    ))}
                  </div>
                </details>
                {index > 0 ? (
                  <div className="row question-actions">
                    <button
                      type="submit"
                      name="intent"
                      value={`up-${index}`}
                      className="secondary small"
                      disabled={index === 1}
                      aria-label={`Move question ${number} up`}
                    >
                      Move up
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`down-${index}`}
                      className="secondary small"
                      disabled={index === last}
                      aria-label={`Move question ${number} down`}
                    >
                      Move down
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value={`remove-${index}`}
                      className="secondary small"
                      aria-label={`Remove question ${number}`}
                    >
                      Remove
                    </button>
                  </div>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="card">
        <FormError message={errors.questions} />
        <div className="row">
          <button
            type="submit"
            name="intent"
            value="add-TEXT"
            className="secondary"
            disabled={draft.questions.length >= MAX_QUESTIONS}
          >
            Add an open question
          </button>
          <button
            type="submit"
            name="intent"
            value="add-RATING"
            className="secondary"
            disabled={draft.questions.length >= MAX_QUESTIONS}
          >
            Add a rating item (1-5)
          </button>
        </div>
        <p className="muted small">
          {draft.questions.length} of at most {MAX_QUESTIONS} questions. Rating items are statements people rate from 1
          (strongly disagree) to 5 (strongly agree).
        </p>
      </div>
      <button type="submit" name="intent" value="save" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
