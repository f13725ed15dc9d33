import { QUESTION_TYPE_LABELS, type QuestionDraft } from "~/domain/survey";
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, LOCALE_TAGS } from "~/i18n/locales";

/** A survey's questions as read-only text, with every translation (or the English fallback). */
export function SurveyQuestions({ questions }: { questions: QuestionDraft[] }) {
  return (
    <ol className="question-list">
      {questions.map((question, index) => (
        <li key={index} className="card question">
          <p className="muted small">
            Question {index + 1}: {QUESTION_TYPE_LABELS[question.type]}
          </p>
          <p className="question-wording">{question.texts.en}</p>
          <details>
            <summary>Translations</summary>
            <dl className="translations">
              {LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).map((locale) => (
                <div key={locale}>
                  <dt>{LOCALE_NAMES[locale]}</dt>
                  <dd lang={question.texts[locale] ? LOCALE_TAGS[locale] : "en"}>
                    {question.texts[locale] || <span className="muted">Not translated: English is shown.</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
