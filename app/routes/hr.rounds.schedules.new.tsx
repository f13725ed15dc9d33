import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AudienceFields } from "~/components/audience-fields";
import { FormError, SelectField, TextField } from "~/components/field";
import { textValue, type FieldValues } from "~/components/form-values";
import { ThresholdField } from "~/components/threshold-field";
import { NeedsEnpsSurvey } from "~/components/needs-survey";
import { PageHeader } from "~/components/page";
import { audienceOf, DEFAULT_K, MIN_K } from "~/domain/round-input";
import { CADENCE_LABELS, CADENCES, MAX_OPEN_DAYS_BY_CADENCE } from "~/domain/schedule";
import { scheduleFormSchema } from "~/domain/schedule-input";
import { formatUtc, formatUtcDate } from "~/domain/utc-time";
import { listGroups } from "~/models/org-groups.server";
import { createSchedule, ScheduleError } from "~/models/schedules.server";
import { listLaunchableSurveys } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/utils/auth.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { redirectWithNotice } from "~/utils/notice.server";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "New recurring eNPS · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [surveys, departments, roles] = await Promise.all([
    listLaunchableSurveys("ENPS"),
    listGroups("department", { activeOnly: true }),
    listGroups("role", { activeOnly: true }),
  ]);
  const now = new Date();
  const firstOfNextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const defaults: FieldValues = {
    name: "Quarterly eNPS",
    surveyId: surveys[0]?.id ?? "",
    cadence: "QUARTERLY",
    openDays: "14",
    startsOn: formatUtcDate(firstOfNextMonth),
    k: String(DEFAULT_K),
    audience: "everyone",
  };
  return { surveys, departments, roles, defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await readForm(request);
  const values: FieldValues = formValues(formData);
  const form = parseForm(formData, scheduleFormSchema);
  if (!form.ok) return data({ values, errors: form.errors }, { status: 400 });
  const input = { ...form.data, audience: audienceOf(form.data) };
  try {
    const schedule = await createSchedule(actorOf(user), input);
    return redirectWithNotice(
      request,
      `/hr/rounds/schedules/${schedule.id}`,
      `"${input.name}" is set up. Its first round opens ${formatUtc(input.startsOn)} at the earliest.`,
    );
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    const errors: FieldErrors = { [error.field]: error.message };
    return data({ values, errors }, { status: 400 });
  }
}

export default function NewSchedule() {
  const { surveys, departments, roles, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (surveys.length === 0) return <NeedsEnpsSurvey title="New recurring eNPS" />;
  const values = result?.values ?? defaults;
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <>
      <PageHeader
        title="New recurring eNPS"
        description="Each period a round opens by itself, on the same day of the month as the first one (the month's last day when it is shorter), and closes after the days you set. Times are UTC."
      />
      <Form method="post" noValidate className="card" key={JSON.stringify(values)}>
        <FormError message={Object.keys(errors).length > 0 ? "Nothing was saved. Fix the fields marked below." : undefined} />
        <div className="form-grid">
          <TextField label="Name" name="name" defaultValue={textValue(values.name)} error={errors.name} required maxLength={100} hint="Each round is named after it and its period, e.g. “Quarterly eNPS 2026-Q1”." />
          <SelectField
            label="Survey"
            name="surveyId"
            defaultValue={textValue(values.surveyId)}
            error={errors.surveyId}
            options={surveys.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <fieldset className={errors.cadence ? "field field-invalid" : "field"}>
          <legend>How often</legend>
          {CADENCES.map((cadence) => (
            <label key={cadence} className="checkbox">
              <input type="radio" name="cadence" value={cadence} defaultChecked={textValue(values.cadence) === cadence} />
              <span>
                {CADENCE_LABELS[cadence]} <span className="muted small">(open at most {MAX_OPEN_DAYS_BY_CADENCE[cadence]} days)</span>
              </span>
            </label>
          ))}
          {errors.cadence ? <p className="field-error" role="alert">{errors.cadence}</p> : null}
        </fieldset>
        <div className="form-grid">
          <TextField label="First round opens on (UTC)" name="startsOn" type="date" defaultValue={textValue(values.startsOn)} error={errors.startsOn} required hint="At 00:00 UTC that day." />
          <TextField label="Days each round stays open" name="openDays" type="number" inputMode="numeric" min={1} defaultValue={textValue(values.openDays)} error={errors.openDays} required />
          <ThresholdField value={textValue(values.k)} error={errors.k} hint={`At least ${MIN_K}. Every round keeps the k it was launched with.`} />
        </div>
        <AudienceFields departments={departments} roles={roles} values={values} error={errors.audience ?? errors.departmentIds ?? errors.roleIds} />
        <p className="muted small">Each round invites the people in the audience on the day it opens.</p>
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Set up recurring eNPS"}
        </button>
      </Form>
    </>
  );
}
