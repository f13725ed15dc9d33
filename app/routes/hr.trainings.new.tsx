import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listValue, textValue, type FieldValues } from "~/components/form-values";
import { PageHeader } from "~/components/page";
import { ReviewActions, ReviewCard } from "~/components/review-actions";
import { TrainingForm, type PeopleSearch, type PickablePerson } from "~/components/trainings/training-form";
import { HR_LOCALE, plural } from "~/domain/plural";
import { DEFAULT_K, idPattern, MIN_K } from "~/domain/round-input";
import {
  PEOPLE_SEARCH_LIMIT,
  trainingFormSchema,
  type TrainingForm as TrainingFormData,
} from "~/domain/training-input";
import { formatUtc, toDateTimeInput } from "~/domain/utc-time";
import { listGroups } from "~/models/org-groups.server";
import { listPeople } from "~/models/people.server";
import { listPickedPeople, listTrainers, listTrainingSurveys } from "~/models/training-pickers.server";
import { createTraining, previewTraining, type TrainingInput, type TrainingPreview } from "~/models/trainings.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "New training · Candor" }];

const DAY_MS = 24 * 60 * 60 * 1000;

async function formOptions() {
  const [trainers, surveys, departments, roles] = await Promise.all([
    listTrainers(),
    listTrainingSurveys(),
    listGroups("department", { activeOnly: true }),
    listGroups("role", { activeOnly: true }),
  ]);
  return { trainers, surveys, departments, roles };
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    // A week from today, 09:00 to 17:00 UTC: a typical one-day training.
    const day = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS);
    const defaults: FieldValues = {
      startsOn: toDateTimeInput(new Date(day.getTime() + 9 * 3600_000)),
      endsOn: toDateTimeInput(new Date(day.getTime() + 17 * 3600_000)),
      k: String(DEFAULT_K),
      surveyId: "",
      createKey: crypto.randomUUID(),
    };
    return { options: await formOptions(), defaults };
  });
}

type Stage =
  | { stage: "edit"; values: FieldValues; errors: FieldErrors; picked: PickablePerson[]; search: PeopleSearch | null }
  | { stage: "review"; values: FieldValues; preview: TrainingPreview };

/** The people picked so far (ticked boxes), shown again above the search. */
function pickedIds(values: FieldValues): string[] {
  return [...new Set(listValue(values.personIds))].filter((id) => idPattern.test(id));
}

async function searchPeople(query: string, exclude: string[]): Promise<PeopleSearch | null> {
  if (query === "") return null;
  const { people } = await listPeople({
    q: query,
    status: "active",
    page: 1,
    pageSize: PEOPLE_SEARCH_LIMIT + exclude.length + 1,
  });
  const found = people.filter((p) => !exclude.includes(p.id));
  return { query, found: found.slice(0, PEOPLE_SEARCH_LIMIT), more: found.length > PEOPLE_SEARCH_LIMIT };
}

function inputOf(form: TrainingFormData): TrainingInput {
  return {
    title: form.title,
    topic: form.topic,
    trainerId: form.trainerId,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    participants: { personIds: form.personIds, departmentIds: form.departmentIds, roleIds: form.roleIds },
    openLink: form.openLink,
    k: form.k,
    surveyId: form.surveyId,
    createKey: form.createKey,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const formData = await readForm(request);
    const { intent, peopleSearch, ...values } = formValues(formData);
    const edit = async (errors: FieldErrors, search: PeopleSearch | null = null, status = 400) => {
      const ids = pickedIds(values);
      return data<Stage>({ stage: "edit", values, errors, picked: await listPickedPeople(ids), search }, { status });
    };
    if (intent === "search") {
      const query = (textValue(peopleSearch) ?? "").trim().slice(0, 100);
      return edit({}, await searchPeople(query, pickedIds(values)), 200);
    }
    if (intent === "edit") return edit({}, null, 200);
    if (intent !== "review" && intent !== "create") throw badRequest("Unknown action.");

    const form = parseForm(formData, trainingFormSchema);
    if (!form.ok) return edit(form.errors);
    const input = inputOf(form.data);
    const now = new Date();
    if (intent === "review") {
      const preview = await refusalOf(previewTraining(input, now));
      if (!preview.ok) return edit({ [preview.field]: preview.message }, null, preview.status);
      return data<Stage>({ stage: "review", values, preview: preview.value });
    }
    const created = await refusalOf(createTraining(actorOf(user), input, now));
    if (!created.ok) return edit({ [created.field]: created.message }, null, created.status);
    const training = created.value;
    const people = plural(HR_LOCALE, training.participants, { one: "# participant is", other: "# participants are" });
    return redirectWithNotice(
      request,
      `/hr/trainings/${training.id}`,
      `"${input.title}" is set up with its before and after rounds: ${people} invited. Hand out the links on each round's page.`,
    );
  });
}

function Review({ values, preview }: { values: FieldValues; preview: TrainingPreview }) {
  const people = plural(HR_LOCALE, preview.participants, { one: "# person", other: "# people" });
  return (
    <ReviewCard title="Check and create" values={values}>
      <dl className="facts">
        <dt>Training</dt>
        <dd>
          {textValue(values.title)} <span className="muted">({textValue(values.topic)})</span>
        </dd>
        <dt>Trainer</dt>
        <dd>{preview.trainerName}</dd>
        <dt>Participants</dt>
        <dd>
          <strong>{people}</strong> will get a personal link to each round
          {values.openLink === "on" ? "; walk-ins answer through the open link" : ""}
        </dd>
        <dt>Survey</dt>
        <dd>{preview.surveyName ?? "Training NPS, made from the template now"}</dd>
        <dt>Before round</dt>
        <dd>
          {formatUtc(preview.before.opensAt)} to {formatUtc(preview.before.closesAt)}
        </dd>
        <dt>After round</dt>
        <dd>
          {formatUtc(preview.after.opensAt)} to {formatUtc(preview.after.closesAt)}
        </dd>
        <dt>Anonymity threshold</dt>
        <dd>k = {textValue(values.k)}: a round with fewer answers shows no score</dd>
      </dl>
      {preview.fewerThanK ? (
        <p className="warning" role="alert">
          <strong>No round of this training can ever show a score.</strong> Only {people} can answer, fewer than k ={" "}
          {textValue(values.k)}, and every figure of fewer than {textValue(values.k)} answers is withheld. Add
          participants, lower k (at least {MIN_K}), or open a link for walk-ins.
        </p>
      ) : null}
      {preview.untranslated ? <p className="warning">{preview.untranslated}</p> : null}
      <p className="warning">
        The participants, survey and k are fixed once the training is created. Creating it sends no e-mail: you hand out
        each round's links on its page. Both rounds can be opened or closed early by hand.
      </p>
      <ReviewActions intent="create" label="Create training" busyLabel="Creating…" />
    </ReviewCard>
  );
}

export default function NewTraining() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="New training"
        description="Creating a training sets up its before and after rounds from one survey, so the two compare. You will check everything first."
      />
      {result?.stage === "review" ? (
        <Review values={result.values} preview={result.preview} />
      ) : (
        <TrainingForm
          values={result?.values ?? defaults}
          errors={result?.errors ?? {}}
          options={options}
          picked={result?.picked ?? []}
          search={result?.search ?? null}
        />
      )}
    </>
  );
}
