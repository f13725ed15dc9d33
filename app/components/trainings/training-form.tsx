import { Form, Link, useNavigation } from "@remix-run/react";
import { GroupChecklist, type Group } from "~/components/audience-fields";
import { FormError, SelectField, TextField } from "~/components/field";
import { listValue, textValue, type FieldValues } from "~/components/form-values";
import { ThresholdField } from "~/components/threshold-field";
import { MIN_K } from "~/domain/round-input";
import { TITLE_MAX, TOPIC_MAX } from "~/domain/training-input";
import { AFTER_OPEN_DAYS, BEFORE_OPEN_DAYS } from "~/domain/training-rounds";
import type { FieldErrors } from "~/utils/forms";

export interface PickablePerson {
  id: string;
  name: string;
  email: string;
  department: { name: string };
  role: { name: string };
}

export interface TrainingFormOptions {
  trainers: { id: string; name: string; email: string }[];
  surveys: { standard: { id: string; name: string } | null; others: { id: string; name: string }[] };
  departments: Group[];
  roles: Group[];
}

export interface PeopleSearch {
  query: string;
  /** Matching active people not picked yet. */
  found: PickablePerson[];
  /** More matched than are listed. */
  more: boolean;
}

function PersonCheckbox({ person, checked }: { person: PickablePerson; checked: boolean }) {
  return (
    <label className="checkbox">
      <input type="checkbox" name="personIds" value={person.id} defaultChecked={checked} />
      <span>
        {person.name}{" "}
        <span className="muted small">
          {person.email} · {person.department.name}, {person.role.name}
        </span>
      </span>
    </label>
  );
}

/**
 * Who takes part: people picked from a directory search (the search is a button of this
 * form, so what was typed and picked so far stays), everyone of chosen departments and roles,
 * and/or walk-ins through an open link. Works without JavaScript.
 */
function ParticipantsFields({
  values,
  error,
  picked,
  search,
  departments,
  roles,
}: {
  values: FieldValues;
  error?: string;
  picked: PickablePerson[];
  search: PeopleSearch | null;
  departments: Group[];
  roles: Group[];
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <fieldset
      className={error ? "field field-invalid" : "field"}
      aria-describedby={error ? "participants-error" : "participants-hint"}
    >
      <legend>Participants</legend>
      <p className="field-hint" id="participants-hint">
        Pick people from the directory, take everyone of some departments or roles, or both. Each gets a personal link
        to both rounds. Only active people are invited.
      </p>
      {picked.length > 0 ? (
        <fieldset className="checklist">
          <legend>Picked ({picked.length})</legend>
          <p className="muted small">Untick anyone who does not take part.</p>
          {picked.map((person) => (
            <PersonCheckbox key={person.id} person={person} checked />
          ))}
        </fieldset>
      ) : null}
      <div className="row row-end people-search">
        <TextField
          label="Find people by name or e-mail"
          name="peopleSearch"
          type="search"
          defaultValue={search?.query ?? ""}
          maxLength={100}
        />
        <button type="submit" name="intent" value="search" className="secondary" disabled={busy}>
          Search
        </button>
      </div>
      {search ? (
        <div className="search-results" aria-live="polite">
          {search.found.length === 0 ? (
            <p className="muted small">Nobody else active matches “{search.query}”.</p>
          ) : (
            <>
              <p className="muted small">
                Tick the people who take part, then search again or review.
                {search.more ? " Only the first matches are listed: type more of the name to narrow it down." : ""}
              </p>
              {search.found.map((person) => (
                <PersonCheckbox key={person.id} person={person} checked={false} />
              ))}
            </>
          )}
        </div>
      ) : null}
      <div className="audience-groups">
        <GroupChecklist
          legend="Everyone in these departments"
          name="departmentIds"
          groups={departments}
          chosen={listValue(values.departmentIds)}
        />
        <GroupChecklist
          legend="Everyone with these roles"
          name="roleIds"
          groups={roles}
          chosen={listValue(values.roleIds)}
        />
      </div>
      <p className="muted small">
        With departments and roles both ticked, people need to be in one of the departments and have one of the roles.
      </p>
      <label className="checkbox">
        <input type="checkbox" name="openLink" defaultChecked={values.openLink === "on"} />
        <span>
          Open link for walk-in participants.{" "}
          <span className="muted small">
            Each round gets a shared link and a poster with a QR code; walk-ins choose their own department and role. A
            shared link cannot stop someone answering twice.
          </span>
        </span>
      </label>
      {error ? (
        <p className="field-error" id="participants-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function TrainingForm({
  values,
  errors,
  options,
  picked,
  search,
}: {
  values: FieldValues;
  errors: FieldErrors;
  options: TrainingFormOptions;
  picked: PickablePerson[];
  search: PeopleSearch | null;
}) {
  const busy = useNavigation().state === "submitting";
  const errorCount = Object.keys(errors).length;
  const { surveys } = options;
  return (
    <Form method="post" noValidate className="card training-form" key={JSON.stringify(values)}>
      <FormError
        message={errorCount > 0 ? `Nothing was created. ${errors.form ?? "Fix the fields marked below."}` : undefined}
      />
      <input type="hidden" name="createKey" value={textValue(values.createKey) ?? ""} />
      <div className="form-grid">
        <TextField
          label="Title"
          name="title"
          defaultValue={textValue(values.title)}
          error={errors.title}
          required
          maxLength={TITLE_MAX}
        />
        <TextField
          label="Topic"
          name="topic"
          defaultValue={textValue(values.topic)}
          error={errors.topic}
          required
          maxLength={TOPIC_MAX}
          hint="Trainings of one topic are compared together, e.g. “Communication”."
        />
      </div>
      {options.trainers.length === 0 ? (
        <p className="warning">
          There is no active trainer login yet. <Link to="/hr/users/new">Add a login</Link> with the trainer role first.
        </p>
      ) : (
        <SelectField
          label="Trainer"
          name="trainerId"
          defaultValue={textValue(values.trainerId)}
          error={errors.trainerId}
          placeholder="Choose the trainer"
          options={options.trainers.map((t) => ({ value: t.id, label: `${t.name} (${t.email})` }))}
          hint="The trainer sees this training's results, and no other trainer's."
        />
      )}
      <div className="form-grid">
        <TextField
          label="Starts (UTC)"
          name="startsOn"
          type="datetime-local"
          defaultValue={textValue(values.startsOn)}
          error={errors.startsOn}
          hint={`The before round opens up to ${BEFORE_OPEN_DAYS} days ahead and closes at the start.`}
          required
        />
        <TextField
          label="Ends (UTC)"
          name="endsOn"
          type="datetime-local"
          defaultValue={textValue(values.endsOn)}
          error={errors.endsOn}
          hint={`The after round opens at the end and stays open ${AFTER_OPEN_DAYS} days.`}
          required
        />
      </div>
      <ParticipantsFields
        values={values}
        error={errors.participants}
        picked={picked}
        search={search}
        departments={options.departments}
        roles={options.roles}
      />
      <div className="form-grid">
        <SelectField
          label="Survey"
          name="surveyId"
          defaultValue={textValue(values.surveyId) ?? ""}
          error={errors.surveyId}
          options={[
            {
              value: "",
              label: surveys.standard ? surveys.standard.name : "Training NPS (made from the template now)",
            },
            ...surveys.others.map((s) => ({ value: s.id, label: s.name })),
          ]}
          hint="Both rounds ask this survey's questions, so they compare."
        />
        <ThresholdField
          value={textValue(values.k)}
          error={errors.k}
          hint={`A round with fewer than k answers shows no score. At least ${MIN_K}; fixed once created.`}
        />
      </div>
      <button type="submit" name="intent" value="review" disabled={busy}>
        {busy ? "Working…" : "Review"}
      </button>
    </Form>
  );
}
