import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { TextField } from "~/components/field";
import { EmptyState, PageHeader } from "~/components/page";
import { HR_LOCALE, plural } from "~/domain/plural";
import { SURVEY_KIND_LABELS } from "~/domain/survey";
import { LABEL_MAX, requiredText } from "~/domain/text";
import { getCompanyName, setCompanyName } from "~/models/settings.server";
import { listSurveys } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest, readForm } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Surveys · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [surveys, companyName] = await Promise.all([listSurveys(), getCompanyName()]);
  return { surveys, companyName };
}

const companySchema = z.object({ companyName: requiredText("The company name", LABEL_MAX) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await readForm(request);
  if (formData.get("intent") !== "company-name") throw badRequest("Unknown action.");
  const form = parseForm(formData, companySchema);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  await setCompanyName(actorOf(user), form.data.companyName);
  return redirectWithNotice(request, "/hr/surveys", `Surveys now say "${form.data.companyName}" for {company}.`);
}

function SurveyStatus({ archived, roundCount }: { archived: boolean; roundCount: number }) {
  if (archived) return <span className="badge">Archived</span>;
  if (roundCount > 0)
    return (
      <span className="badge badge-info">
        Locked: used by {plural(HR_LOCALE, roundCount, { one: "# round", other: "# rounds" })}
      </span>
    );
  return <span className="badge badge-ok">Editable</span>;
}

export default function Surveys() {
  const { surveys, companyName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().formData?.get("intent") === "company-name";
  return (
    <>
      <PageHeader
        title="Surveys"
        description="The questions a round asks. A survey that has been launched is locked, so its answers keep meaning what was asked; duplicate it to change the wording."
        actions={
          <Link className="button" to="/hr/surveys/new">
            New survey
          </Link>
        }
      />
      <Form method="post" className="card" noValidate aria-labelledby="company-heading">
        <h2 id="company-heading">Company name</h2>
        <input type="hidden" name="intent" value="company-name" />
        <div className="row row-end">
          <div className="grow">
            <TextField
              label="Name used for {company} in questions"
              name="companyName"
              defaultValue={result?.values.companyName ?? companyName ?? ""}
              error={result?.errors.companyName}
              hint={
                companyName ? undefined : "Not set yet. Surveys that mention {company} cannot be launched until it is."
              }
              required
              maxLength={LABEL_MAX}
            />
          </div>
          <button type="submit" className="secondary" disabled={saving}>
            {saving ? "Saving…" : "Save name"}
          </button>
        </div>
      </Form>
      {surveys.length === 0 ? (
        <EmptyState title="No surveys yet">
          <p>Start from the employee NPS or training NPS template, in six languages.</p>
          <Link className="button" to="/hr/surveys/new">
            New survey
          </Link>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Surveys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Questions
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id} className={survey.archived ? "row-inactive" : undefined}>
                  <td>
                    <Link to={`/hr/surveys/${survey.id}`}>{survey.name}</Link>
                  </td>
                  <td>{SURVEY_KIND_LABELS[survey.kind]}</td>
                  <td className="num">{survey.questionCount}</td>
                  <td>
                    <SurveyStatus archived={survey.archived} roundCount={survey.roundCount} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
