import { Form, useNavigation } from "@remix-run/react";
import { DESCRIPTION_MAX, TITLE_MAX } from "~/domain/action-items";
import type { UserRole } from "~/domain/user-roles";
import type { FieldErrors } from "~/utils/forms";
import { FormError, SelectField, TextAreaField, TextField } from "./field";

export type ActionFormField =
  "title" | "description" | "ownerId" | "deadline" | "roundId" | "departmentId" | "roleId" | "trainingId";

export interface ActionFormOptions {
  owners: { id: string; name: string; email: string }[];
  rounds: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  roles: { id: string; name: string }[];
  trainings: { id: string; title: string }[];
}

/**
 * The fields of an action item, for creating and editing. A manager's department and a
 * trainer's training cannot be left empty: their items always sit in their own scope.
 */
/** Each owner by name; two logins of the same name also by e-mail, so they can be told apart. */
export function ownerOptions(owners: readonly { id: string; name: string; email: string }[]) {
  const named = new Map<string, number>();
  for (const owner of owners) named.set(owner.name, (named.get(owner.name) ?? 0) + 1);
  return owners.map((owner) => ({
    value: owner.id,
    label: named.get(owner.name)! > 1 ? `${owner.name} (${owner.email})` : owner.name,
  }));
}

export function ActionForm({
  values,
  errors,
  options,
  viewerRole,
  minDeadline,
  submitLabel,
}: {
  values: Partial<Record<ActionFormField, string | null>>;
  errors?: FieldErrors;
  options: ActionFormOptions;
  viewerRole: UserRole;
  /** The earliest day the date picker offers; the server checks the same rule. */
  minDeadline?: string;
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  const value = (field: ActionFormField) => values[field] ?? "";
  return (
    <Form method="post" noValidate>
      <FormError message={errors?.form} />
      <input type="hidden" name="intent" value="save" />
      <TextField
        label="Title"
        name="title"
        required
        maxLength={TITLE_MAX}
        defaultValue={value("title")}
        error={errors?.title}
        hint={`What will be done, in a sentence (at most ${TITLE_MAX} characters).`}
        autoComplete="off"
      />
      <TextAreaField
        label="Description (optional)"
        name="description"
        maxLength={DESCRIPTION_MAX}
        defaultValue={value("description")}
        error={errors?.description}
        hint="Why, and how you will know it worked."
      />
      {/* The whole width, and names alone where they are unique: a name with its e-mail was cut off. */}
      <SelectField
        label="Owner"
        name="ownerId"
        required
        defaultValue={value("ownerId")}
        error={errors?.ownerId}
        placeholder="Choose an owner"
        options={ownerOptions(options.owners)}
      />
      <div className="form-grid">
        <TextField
          label="Deadline"
          name="deadline"
          type="date"
          required
          min={minDeadline}
          defaultValue={value("deadline")}
          error={errors?.deadline}
        />
        <SelectField
          label="From round (optional)"
          name="roundId"
          defaultValue={value("roundId")}
          error={errors?.roundId}
          placeholder="No round"
          options={options.rounds.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={viewerRole === "MANAGER" ? "Department" : "Department (optional)"}
          name="departmentId"
          required={viewerRole === "MANAGER"}
          defaultValue={value("departmentId")}
          error={errors?.departmentId}
          placeholder={viewerRole === "MANAGER" ? undefined : "No department"}
          options={options.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <SelectField
          label="Role (optional)"
          name="roleId"
          defaultValue={value("roleId")}
          error={errors?.roleId}
          placeholder="Any role"
          options={options.roles.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={viewerRole === "TRAINER" ? "Training" : "Training (optional)"}
          name="trainingId"
          required={viewerRole === "TRAINER"}
          defaultValue={value("trainingId")}
          error={errors?.trainingId}
          placeholder={viewerRole === "TRAINER" ? undefined : "No training"}
          options={options.trainings.map((t) => ({ value: t.id, label: t.title }))}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
