import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AudienceFields } from "~/components/audience-fields";
import { FormError, SelectField, TextField } from "~/components/field";
import { textValue, type FieldValues } from "~/components/form-values";
import { NeedsEnpsSurvey } from "~/components/needs-survey";
import { PageHeader } from "~/components/page";
import { CadenceField } from "~/components/rounds/cadence-field";
import { ScheduleReview } from "~/components/rounds/schedule-review";
import { ThresholdField } from "~/components/threshold-field";
import { audienceOf, DEFAULT_K, MIN_K, thresholdCaution } from "~/domain/round-input";
import { CADENCES, nextPeriodStart, type Cadence } from "~/domain/schedule";
import { scheduleFormSchema, type ScheduleForm } from "~/domain/schedule-input";
import { formatDay, formatUtc, formatUtcDate } from "~/domain/utc-time";
import { listGroups } from "~/models/org-groups.server";
import { createSchedule, previewSchedule, type ScheduleInput, type SchedulePreview } from "~/models/schedules.server";
import { listLaunchableSurveys } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, readForm, refusalOf, withRefusals, type FieldRefusal } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "New recurring eNPS · Candor" }];

const DEFAULT_CADENCE: Cadence = "QUARTERLY";
const NEXT_PERIOD: Record<Cadence, string> = {
  MONTHLY: "Next month",
  QUARTERLY: "next quarter",
  SEMIANNUAL: "next half-year",
};

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    const [surveys, departments, roles] = await Promise.all([
      listLaunchableSurveys("ENPS"),
      listGroups("department", { activeOnly: true }),
      listGroups("role", { activeOnly: true }),
    ]);
    const now = new Date();
    // A schedule starts best with a whole period ahead of it, not in the middle of one.
    const nextStarts = CADENCES.map((cadence) => ({ cadence, startsOn: nextPeriodStart(now, cadence) }));
    const defaults: FieldValues = {
      name: "Quarterly eNPS",
      surveyId: surveys[0]?.id ?? "",
      cadence: DEFAULT_CADENCE,
      openDays: "14",
      startsOn: formatUtcDate(nextPeriodStart(now, DEFAULT_CADENCE)),
      k: String(DEFAULT_K),
      audience: "everyone",
    };
    return { surveys, departments, roles, defaults, nextStarts };
  });
}

type Stage =
  | { stage: "edit"; values: FieldValues; errors: FieldErrors }
  | { stage: "review"; values: FieldValues; errors: FieldErrors; preview: SchedulePreview; caution: string | null };

function inputOf(form: ScheduleForm): ScheduleInput {
  return {
    name: form.name,
    surveyId: form.surveyId,
    cadence: form.cadence,
    openDays: form.openDays,
    k: form.k,
    audience: audienceOf(form),
    startsOn: form.startsOn,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const formData = await readForm(request);
    const { intent, ...values } = formValues(formData);
    if (intent === "edit") return data<Stage>({ stage: "edit", values, errors: {} });
    if (intent !== "review" && intent !== "save") throw badRequest("Unknown action.");

    const form = parseForm(formData, scheduleFormSchema);
    if (!form.ok) return data<Stage>({ stage: "edit", values, errors: form.errors }, { status: 400 });
    const input = inputOf(form.data);
    const now = new Date();
    const refused = (refusal: FieldRefusal) =>
      data<Stage>({ stage: "edit", values, errors: { [refusal.field]: refusal.message } }, { status: refusal.status });
    if (intent === "review") {
      const preview = await refusalOf(previewSchedule(input, now));
      if (!preview.ok) return refused(preview);
      const caution = thresholdCaution(preview.value.people, input.k, false, "its rounds");
      return data<Stage>({ stage: "review", values, errors: {}, preview: preview.value, caution });
    }
    const created = await refusalOf(createSchedule(actorOf(user), input, now));
    if (!created.ok) return refused(created);
    const { period, opensNow, opensAt } = created.value.first;
    const when = opensNow ? "opens within a minute" : `opens ${formatUtc(opensAt)}`;
    return redirectWithNotice(
      request,
      `/hr/rounds/schedules/${created.value.id}`,
      `"${input.name}" is set up. Its first round (${period}) ${when}.`,
    );
  });
}

export default function NewSchedule() {
  const { surveys, departments, roles, defaults, nextStarts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (surveys.length === 0) return <NeedsEnpsSurvey title="New recurring eNPS" />;
  if (result?.stage === "review") {
    return (
      <>
        <PageHeader title="New recurring eNPS" />
        <ScheduleReview values={result.values} preview={result.preview} caution={result.caution} />
      </>
    );
  }
  const values = result?.values ?? defaults;
  const errors: FieldErrors = result?.errors ?? {};
  const startsHint = `At 00:00 UTC that day. ${nextStarts
    .map(({ cadence, startsOn }) => `${NEXT_PERIOD[cadence]} starts ${formatDay(startsOn)}`)
    .join(", ")}.`;
  return (
    <>
      <PageHeader
        title="New recurring eNPS"
        description="Each period a round opens by itself, on the same day of the month as the first one (the month's last day when it is shorter), and closes after the days you set. Times are UTC. You will check everything before it is saved."
      />
      <Form method="post" noValidate className="card" key={JSON.stringify(values)}>
        <FormError
          message={Object.keys(errors).length > 0 ? "Nothing was saved. Fix the fields marked below." : undefined}
        />
        <div className="form-grid">
          <TextField
            label="Name"
            name="name"
            defaultValue={textValue(values.name)}
            error={errors.name}
            required
            maxLength={100}
            hint="Each round is named after it and its period, e.g. “Quarterly eNPS 2026-Q1”."
          />
          <SelectField
            label="Survey"
            name="surveyId"
            defaultValue={textValue(values.surveyId)}
            error={errors.surveyId}
            options={surveys.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <CadenceField value={textValue(values.cadence)} error={errors.cadence} />
        <div className="form-grid">
          <TextField
            label="First round opens on (UTC)"
            name="startsOn"
            type="date"
            defaultValue={textValue(values.startsOn)}
            error={errors.startsOn}
            required
            hint={startsHint}
          />
          <TextField
            label="Days each round stays open"
            name="openDays"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue={textValue(values.openDays)}
            error={errors.openDays}
            required
          />
          <ThresholdField
            value={textValue(values.k)}
            error={errors.k}
            hint={`At least ${MIN_K}. Every round keeps the k it was launched with.`}
          />
        </div>
        <AudienceFields
          departments={departments}
          roles={roles}
          values={values}
          error={errors.audience ?? errors.departmentIds ?? errors.roleIds}
        />
        <p className="muted small">Each round invites the people in the audience on the day it opens.</p>
        <button type="submit" name="intent" value="review" disabled={busy}>
          {busy ? "Checking…" : "Review"}
        </button>
      </Form>
    </>
  );
}
