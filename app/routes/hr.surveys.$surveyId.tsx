import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { SurveyEditor } from "~/components/survey-editor";
import { SurveyQuestions } from "~/components/survey-questions";
import { HR_LOCALE, plural } from "~/domain/plural";
import { SURVEY_KIND_LABELS } from "~/domain/survey";
import { formatDay } from "~/domain/utc-time";
import { getCompanyName } from "~/models/settings.server";
import { getSurvey, setSurveyArchived, updateSurvey } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { handleSurveyEditorPost, withUntranslated } from "~/pages/survey-editor.server";
import { notFound, readForm, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.survey.name ?? "Survey"} · Candor` }];

async function findSurvey(params: Record<string, string | undefined>) {
  const survey = await getSurvey(requireId(params, "surveyId"));
  if (!survey) throw notFound("There is no such survey.");
  return survey;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [survey, companyName] = await Promise.all([findSurvey(params), getCompanyName()]);
  return { survey, companyName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const survey = await findSurvey(params);
    const here = `/hr/surveys/${survey.id}`;
    const formData = await readForm(request);
    const intent = formData.get("intent");
    if (intent === "archive" || intent === "unarchive") {
      const archived = intent === "archive";
      await setSurveyArchived(actorOf(user), survey.id, archived);
      return redirectWithNotice(
        request,
        here,
        archived
          ? `"${survey.name}" is archived: it is no longer offered for new rounds.`
          : `"${survey.name}" is offered for new rounds again.`,
      );
    }
    return handleSurveyEditorPost(formData, async (draft) => {
      await updateSurvey(actorOf(user), survey.id, draft);
      return redirectWithNotice(request, here, withUntranslated(`Changes to "${draft.name}" were saved.`, draft));
    });
  });
}

export default function SurveyPage() {
  const { survey, companyName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={survey.name}
        description={`${SURVEY_KIND_LABELS[survey.kind]} · ${survey.draft.questions.length} questions · created ${formatDay(survey.createdAt)}`}
        actions={
          <Link className="button button-secondary" to={`/hr/surveys/new?from=${survey.id}`}>
            Duplicate
          </Link>
        }
      />
      {survey.archived ? <p className="warning">Archived: not offered for new rounds or schedules.</p> : null}
      {survey.locked ? (
        <>
          <section className="card" aria-labelledby="locked-heading">
            <h2 id="locked-heading">Locked</h2>
            <p>
              {plural(HR_LOCALE, survey.roundCount, { one: "A round has", other: "# rounds have" })} been launched with
              this survey, so its questions cannot change: earlier answers must keep meaning what was asked. To change
              the wording, <Link to={`/hr/surveys/new?from=${survey.id}`}>duplicate it</Link> and launch the copy.
            </p>
            <ul>
              {survey.rounds.map((round) => (
                <li key={round.id}>
                  <Link to={`/hr/rounds/${round.id}`}>{round.name}</Link>{" "}
                  <span className="muted small">(opened {formatDay(round.opensAt)})</span>
                </li>
              ))}
            </ul>
          </section>
          <SurveyQuestions questions={survey.draft.questions} />
        </>
      ) : (
        <SurveyEditor
          draft={result?.draft ?? survey.draft}
          errors={result?.errors}
          revision={result?.revision ?? 0}
          focus={result?.focus ?? null}
          companyName={companyName}
          submitLabel="Save changes"
        />
      )}
      <Form method="post" className="card">
        <h2>{survey.archived ? "Restore" : "Archive"}</h2>
        <p className="muted">
          {survey.archived
            ? "Offer this survey for new rounds again."
            : "Stop offering this survey for new rounds. Its rounds and their results stay."}
        </p>
        <button type="submit" name="intent" value={survey.archived ? "unarchive" : "archive"} className="secondary">
          {survey.archived ? "Restore survey" : "Archive survey"}
        </button>
      </Form>
    </>
  );
}
