import type { Locale } from "~/i18n/locales";
import type { Messages } from "~/i18n/messages/en";
import { useTranslate } from "~/i18n/use-translate";
import type { SurveyView } from "~/pages/survey-page.server";
import { EmployeeMessage, EmployeePage } from "./employee-page";
import { SurveyForm, type GroupOptions } from "./survey-form";

/** Everything an employee sees at a survey link, in their language, whatever state it is in. */
export function SurveyScreen({
  locale,
  messages,
  view,
  variant,
  groups,
  kiosk,
  saved,
  formKey,
}: {
  locale: Locale;
  messages: Messages;
  view: SurveyView;
  variant: "personal" | "shared";
  groups?: GroupOptions;
  kiosk?: boolean;
  saved?: boolean;
  formKey?: string;
}) {
  const t = useTranslate(messages);
  return (
    <EmployeePage locale={locale} t={t}>
      {view.state === "ready" ? (
        <>
          {/* Only a kiosk comes back to the form once saved. No link away from it here: the next
              person should find the form, not the page the last one opened. */}
          {saved ? (
            <p className="notice kiosk-saved" role="status">
              {t("kiosk.thanks")}
            </p>
          ) : null}
          <h1>{t("survey.heading")}</h1>
          <p className="muted">{t("survey.intro")}</p>
          {kiosk ? <p className="muted small">{t("kiosk.note")}</p> : null}
          <SurveyForm
            key={formKey}
            t={t}
            questions={view.questions}
            k={view.k}
            linksDownloaded={view.linksDownloaded}
            variant={variant}
            problems={view.problems}
            groupProblem={view.groupProblem}
            tooFast={view.tooFast}
            values={view.values}
            groups={groups}
            lang={locale}
            kiosk={kiosk}
          />
        </>
      ) : view.state === "used" ? (
        <EmployeeMessage heading={t("used.heading")} body={t("used.body")} />
      ) : view.state === "closed" ? (
        <EmployeeMessage heading={t("closed.heading")} body={t("closed.body", { date: view.date })} />
      ) : view.state === "not-open" ? (
        <EmployeeMessage heading={t("notOpen.heading")} body={t("notOpen.body", { date: view.date })} />
      ) : (
        <EmployeeMessage heading={t("unknown.heading")} body={t("unknown.body")} />
      )}
    </EmployeePage>
  );
}
