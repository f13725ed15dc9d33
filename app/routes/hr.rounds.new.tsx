import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AudienceFields } from "~/components/audience-fields";
import { FormError, TextField } from "~/components/field";
import { textValue, type FieldValues } from "~/components/form-values";
import { NeedsEnpsSurvey } from "~/components/needs-survey";
import { PageHeader } from "~/components/page";
import { LaunchReview } from "~/components/rounds/launch-review";
import { RoundKindField } from "~/components/rounds/round-kind-field";
import { RoundNameFields, suggestedRoundName } from "~/components/rounds/round-name-fields";
import { SharedLinkCaution } from "~/components/shared-link-caution";
import { ThresholdField } from "~/components/threshold-field";
import { HR_LOCALE, plural } from "~/domain/plural";
import {
  audienceOf,
  DEFAULT_K,
  launchFormSchema,
  MIN_K,
  roundRuleProblems,
  thresholdCaution,
} from "~/domain/round-input";
import { toDateTimeInput } from "~/domain/utc-time";
import { listGroups } from "~/models/org-groups.server";
import { launchRound, previewLaunch, type LaunchPreview } from "~/models/round-launch.server";
import { listLaunchableSurveys } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, readForm, refusalOf, withRefusals, type FieldRefusal } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Launch a round · Candor" }];

const DAY_MS = 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    const [surveys, departments, roles] = await Promise.all([
      listLaunchableSurveys("ENPS"),
      listGroups("department", { activeOnly: true }),
      listGroups("role", { activeOnly: true }),
    ]);
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const month = now.toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });
    const chosen = new URL(request.url).searchParams.get("survey");
    const survey = surveys.find((s) => s.id === chosen) ?? surveys[0];
    const defaults: FieldValues = {
      name: survey ? suggestedRoundName(survey.name, month) : "",
      surveyId: survey?.id ?? "",
      kind: "PERIODIC",
      audience: "everyone",
      opensAt: toDateTimeInput(now),
      closesAt: toDateTimeInput(new Date(now.getTime() + 14 * DAY_MS)),
      k: String(DEFAULT_K),
      launchKey: crypto.randomUUID(),
    };
    return { surveys, departments, roles, defaults, month };
  });
}

type Stage =
  | { stage: "edit"; values: FieldValues; errors: FieldErrors }
  | { stage: "review"; values: FieldValues; errors: FieldErrors; preview: LaunchPreview; caution: string | null };

function withoutIntent(formData: FormData): FieldValues {
  const { intent: _intent, ...values } = formValues(formData);
  return values;
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const formData = await readForm(request);
    const intent = formData.get("intent");
    const values = withoutIntent(formData);
    if (intent === "edit") return data<Stage>({ stage: "edit", values, errors: {} });
    if (intent !== "review" && intent !== "launch") throw badRequest("Unknown action.");

    const form = parseForm(formData, launchFormSchema);
    if (!form.ok) return data<Stage>({ stage: "edit", values, errors: form.errors }, { status: 400 });
    const now = new Date();
    const rules = roundRuleProblems(form.data, now);
    if (Object.keys(rules).length > 0) return data<Stage>({ stage: "edit", values, errors: rules }, { status: 400 });

    const { sharedLink, ...fields } = form.data;
    const input = {
      name: fields.name,
      surveyId: fields.surveyId,
      kind: fields.kind,
      opensAt: fields.opensAt,
      closesAt: fields.closesAt,
      k: fields.k,
      audience: audienceOf(fields),
      sharedLink,
      launchKey: fields.launchKey,
    };
    const refused = (refusal: FieldRefusal) =>
      data<Stage>({ stage: "edit", values, errors: { [refusal.field]: refusal.message } }, { status: refusal.status });
    if (intent === "review") {
      const preview = await refusalOf(previewLaunch(input, now));
      if (!preview.ok) return refused(preview);
      const caution = thresholdCaution(preview.value.invited, input.k, sharedLink);
      return data<Stage>({ stage: "review", values, errors: {}, preview: preview.value, caution });
    }
    const launched = await refusalOf(launchRound(actorOf(user), input, now));
    if (!launched.ok) return refused(launched);
    const round = launched.value;
    const invited = plural(HR_LOCALE, round.invitedCount, { one: "# person is", other: "# people are" });
    return redirectWithNotice(
      request,
      `/hr/rounds/${round.id}`,
      `"${round.name}" is launched: ${invited} invited. Hand out the links below.`,
    );
  });
}

export default function LaunchRound() {
  const { surveys, departments, roles, defaults, month } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (surveys.length === 0) return <NeedsEnpsSurvey title="Launch a round" />;
  if (result?.stage === "review") {
    return (
      <>
        <PageHeader title="Launch a round" />
        <LaunchReview values={result.values} preview={result.preview} caution={result.caution} />
      </>
    );
  }
  const values = result?.values ?? defaults;
  const errors: FieldErrors = result?.errors ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <>
      <PageHeader
        title="Launch a round"
        description="Send a survey to everyone or to chosen departments and roles. You will check everything before it is launched."
      />
      <Form method="post" noValidate className="card" key={JSON.stringify(values)}>
        <FormError message={errorCount > 0 ? "Nothing was launched. Fix the fields marked below." : undefined} />
        <input type="hidden" name="launchKey" value={textValue(values.launchKey) ?? ""} />
        <RoundNameFields
          surveys={surveys}
          month={month}
          name={textValue(values.name)}
          surveyId={textValue(values.surveyId)}
          errors={errors}
        />
        <RoundKindField value={textValue(values.kind)} error={errors.kind} />
        <AudienceFields
          departments={departments}
          roles={roles}
          values={values}
          error={errors.audience ?? errors.departmentIds ?? errors.roleIds}
        />
        <div className="form-grid">
          <TextField
            label="Opens (UTC)"
            name="opensAt"
            type="datetime-local"
            defaultValue={textValue(values.opensAt)}
            error={errors.opensAt}
            required
          />
          <TextField
            label="Closes (UTC)"
            name="closesAt"
            type="datetime-local"
            defaultValue={textValue(values.closesAt)}
            error={errors.closesAt}
            required
          />
          <ThresholdField
            value={textValue(values.k)}
            error={errors.k}
            hint={`No figure of a group with fewer than k answers is ever shown. At least ${MIN_K}; fixed at launch.`}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="sharedLink" defaultChecked={values.sharedLink === "on"} />
          <span>
            Also open a shared link, for a kiosk or a poster with a QR code. <SharedLinkCaution />
          </span>
        </label>
        <button type="submit" name="intent" value="review" disabled={busy}>
          {busy ? "Checking…" : "Review"}
        </button>
      </Form>
    </>
  );
}
