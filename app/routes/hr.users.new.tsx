import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/field";
import { PageHeader } from "~/components/page";
import { newUserSchema, PASSWORD_MIN } from "~/domain/user-input";
import { USER_ROLE_LABELS, USER_ROLES } from "~/domain/user-roles";
import { listGroups } from "~/models/org-groups.server";
import { createUser } from "~/models/users.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Add login · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    return { departments: await listGroups("department", { activeOnly: true }) };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const admin = await requireAdmin(request);
    const form = parseForm(await readForm(request), newUserSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const { password: _password, ...values } = form.data;
    const created = await refusalOf(createUser(actorOf(admin), form.data));
    if (!created.ok) return data({ errors: { [created.field]: created.message }, values }, { status: created.status });
    return redirectWithNotice(request, "/hr/users", `${form.data.name} can now sign in.`);
  });
}

export default function NewUser() {
  const { departments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values: Record<string, string> = result?.values ?? {};
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <>
      <PageHeader title="Add a login" description="Give them the password in person; they sign in at /login." />
      <Form method="post" className="card" noValidate>
        <FormError message={errors.form} />
        <div className="form-grid">
          <TextField label="Name" name="name" required defaultValue={values.name} error={errors.name} />
          <TextField
            label="E-mail"
            name="email"
            type="email"
            required
            defaultValue={values.email}
            error={errors.email}
          />
          <SelectField
            label="Role"
            name="role"
            required
            defaultValue={values.role ?? ""}
            error={errors.role}
            placeholder="Choose a role"
            options={USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABELS[role] }))}
          />
          <SelectField
            label="Department (managers only)"
            name="departmentId"
            defaultValue={values.departmentId ?? ""}
            error={errors.departmentId}
            placeholder="None"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            hint={`At least ${PASSWORD_MIN} characters.`}
            error={errors.password}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Adding…" : "Add login"}
        </button>
      </Form>
    </>
  );
}
