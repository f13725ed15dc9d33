import { useRef, type ChangeEvent } from "react";
import { SelectField, TextField } from "~/components/field";

/** The name a round gets unless HR writes another: its survey's and the month's. */
export function suggestedRoundName(surveyName: string, month: string): string {
  return `${surveyName} ${month}`;
}

/**
 * The round's name and its survey. Choosing another survey renames the round after it, as long
 * as the name is still the one suggested for the survey before (a name HR wrote stays).
 */
export function RoundNameFields({
  surveys,
  month,
  name,
  surveyId,
  errors,
}: {
  surveys: { id: string; name: string }[];
  month: string;
  name: string | undefined;
  surveyId: string | undefined;
  errors: { name?: string; surveyId?: string };
}) {
  const chosen = useRef(surveyId);
  const suggestionFor = (id: string | undefined) => {
    const survey = surveys.find((s) => s.id === id);
    return survey ? suggestedRoundName(survey.name, month) : undefined;
  };
  const onSurveyChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const input = event.target.form?.elements.namedItem("name");
    if (input instanceof HTMLInputElement && input && input.value === suggestionFor(chosen.current))
      input.value = suggestionFor(event.target.value) ?? "";
    chosen.current = event.target.value;
  };
  return (
    <div className="form-grid">
      <TextField label="Round name" name="name" defaultValue={name} error={errors.name} required maxLength={100} />
      <SelectField
        label="Survey"
        name="surveyId"
        defaultValue={surveyId}
        error={errors.surveyId}
        options={surveys.map((s) => ({ value: s.id, label: s.name }))}
        onChange={onSurveyChange}
      />
    </div>
  );
}
