import { Form, useNavigation } from "@remix-run/react";
import type { FieldErrors } from "~/utils/forms";
import { FormError, SelectField, TextField } from "./field";

interface Option {
  id: string;
  name: string;
  active: boolean;
}

export function PersonForm({
  values,
  errors,
  departments,
  roles,
  submitLabel,
}: {
  values: Partial<Record<"email" | "name" | "departmentId" | "roleId", string>>;
  errors?: FieldErrors;
  departments: Option[];
  roles: Option[];
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  // An inactive group is offered only to the person already in it.
  const options = (groups: Option[], current?: string) =>
    groups
      .filter((g) => g.active || g.id === current)
      .map((g) => ({ value: g.id, label: g.active ? g.name : `${g.name} (inactive)` }));
  return (
    <Form method="post" noValidate className="card">
      <FormError message={errors?.form} />
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={values.name}
          error={errors?.name}
          autoComplete="off"
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          required
          defaultValue={values.email}
          error={errors?.email}
          autoComplete="off"
        />
        <SelectField
          label="Department"
          name="departmentId"
          required
          defaultValue={values.departmentId ?? ""}
          error={errors?.departmentId}
          placeholder="Choose a department"
          options={options(departments, values.departmentId)}
        />
        <SelectField
          label="Role"
          name="roleId"
          required
          defaultValue={values.roleId ?? ""}
          error={errors?.roleId}
          placeholder="Choose a role"
          options={options(roles, values.roleId)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
