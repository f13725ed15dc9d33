import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { SurveyEditor } from "~/components/survey-editor";
import { SURVEY_KINDS, type SurveyDraft, type SurveyKind } from "~/domain/survey";
import { draftFromTemplate, SURVEY_TEMPLATES } from "~/domain/survey-templates";
import { getCompanyName } from "~/models/settings.server";
import { createSurvey, freeSurveyName, getSurvey } from "~/models/surveys.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { handleSurveyEditorPost, withUntranslated } from "~/pages/survey-editor.server";
import { notFound, readForm, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "New survey · Candor" }];

/**
 * `?template=ENPS|TRAINING` starts from a template, `?from=<id>` from a copy of a survey; either
 * under a name no survey has yet ("Employee NPS (2)"), since names must differ.
 */
async function startingDraft(url: URL): Promise<SurveyDraft | null> {
  const from = url.searchParams.get("from");
  if (from !== null) {
    const survey = await getSurvey(requireId({ from }, "from"));
    if (!survey) throw notFound("There is no such survey to duplicate.");
    return { ...survey.draft, name: await freeSurveyName(`${survey.draft.name} (copy)`.slice(0, 110)) };
  }
  const template = url.searchParams.get("template");
  if (template === null) return null;
  if (!(SURVEY_KINDS as readonly string[]).includes(template)) throw notFound("There is no such template.");
  const draft = draftFromTemplate(template as SurveyKind);
  return { ...draft, name: await freeSurveyName(draft.name) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [draft, companyName] = await Promise.all([startingDraft(new URL(request.url)), getCompanyName()]);
  return { draft, companyName, templates: SURVEY_KINDS.map((kind) => SURVEY_TEMPLATES[kind]) };
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    return handleSurveyEditorPost(await readForm(request), async (draft) => {
      const survey = await createSurvey(actorOf(user), draft);
      return redirectWithNotice(
        request,
        `/hr/surveys/${survey.id}`,
        withUntranslated(`The survey "${draft.name}" was created.`, draft),
      );
    });
  });
}

export default function NewSurvey() {
  const { draft, companyName, templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!draft && !result) {
    return (
      <>
        <PageHeader
          title="New survey"
          description="Start from a template. Both come worded in all six languages; change anything before you save."
        />
        <div className="grid">
          {templates.map((template) => (
            <section key={template.kind} className="card" aria-labelledby={`template-${template.kind}`}>
              <h2 id={`template-${template.kind}`}>{template.name}</h2>
              <p className="muted">{template.description}</p>
              <ol className="template-preview">
                {template.questions.map((question, index) => (
                  <li key={index}>{question.texts.en}</li>
                ))}
              </ol>
              {/* The name a screen reader hears starts with the words on the button (WCAG 2.5.3). */}
              <Link className="button" to={`?template=${template.kind}`}>
                Use this template<span className="visually-hidden"> for {template.name}</span>
              </Link>
            </section>
          ))}
        </div>
      </>
    );
  }
  const shown = result?.draft ?? draft!;
  return (
    <>
      <PageHeader
        title="New survey"
        description="Nothing is stored until you save. Each question needs its English wording; translations left empty show the English."
        actions={
          <Link className="button button-secondary" to="/hr/surveys/new">
            Choose another template
          </Link>
        }
      />
      <SurveyEditor
        draft={shown}
        errors={result?.errors}
        revision={result?.revision ?? 0}
        focus={result?.focus ?? null}
        companyName={companyName}
        submitLabel="Save survey"
      />
    </>
  );
}
