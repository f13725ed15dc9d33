import { data } from "@remix-run/node";
import { untranslatedNote, type SurveyDraft } from "~/domain/survey";
import {
  applySurveyEdit,
  parseSurveyIntent,
  readSurveyDraft,
  validateSurveyDraft,
  type SurveyErrors,
} from "~/domain/survey-form";
import { formValues } from "~/utils/forms";
import { badRequest, refusalOf } from "~/utils/http.server";

export interface EditorResult {
  draft: SurveyDraft;
  errors: SurveyErrors;
  /** Bumped on every answer, so the form is drawn afresh from the draft. */
  revision: number;
  focus: string | null;
}

/**
 * The post of the survey editor (new survey and edit): a button that adds, removes or moves a
 * question sends the draft back changed, storing nothing; "save" validates and calls `save`,
 * which stores and redirects, or throws a SurveyRefusal (409, shown next to its field). A form
 * that is not ours gets a 400.
 */
export async function handleSurveyEditorPost(
  formData: FormData,
  save: (draft: SurveyDraft) => Promise<Response | ReturnType<typeof data<EditorResult>>>,
) {
  const intent = parseSurveyIntent(formData.get("intent"));
  if (!intent) throw badRequest("Unknown action.");
  // A form that is not ours is an UnreadableSurveyForm (400), for the route's withRefusals.
  const draft = readSurveyDraft(formValues(formData));
  const revision = Number(formData.get("revision")) + 1 || 1;
  if (intent.kind !== "save") {
    const edit = applySurveyEdit(draft, intent);
    const result: EditorResult = {
      draft: edit.draft,
      errors: edit.error ? { questions: edit.error } : {},
      revision,
      focus: edit.focus ?? null,
    };
    return data(result, { status: edit.error ? 400 : 200 });
  }
  const errors = validateSurveyDraft(draft);
  if (Object.keys(errors).length > 0) {
    return data<EditorResult>({ draft, errors, revision, focus: null }, { status: 400 });
  }
  const saved = await refusalOf(save(draft));
  if (saved.ok) return saved.value;
  return data<EditorResult>(
    { draft, errors: { [saved.field]: saved.message }, revision, focus: null },
    { status: saved.status },
  );
}

/** A saved survey's notice, with what respondents of other languages will read in English. */
export function withUntranslated(notice: string, draft: SurveyDraft): string {
  const note = untranslatedNote(draft.questions);
  return note ? `${notice} ${note}` : notice;
}
