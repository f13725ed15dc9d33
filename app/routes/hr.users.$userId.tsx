import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActiveBadge } from "~/components/active-status";
import { FormError, SelectField, TextField } from "~/components/field";
import { PageHeader } from "~/components/page";
import { NewPasswordFields } from "~/components/password-fields";
import { editUserSchema, setPasswordSchema } from "~/domain/user-input";
import { USER_ROLE_LABELS, USER_ROLES } from "~/domain/user-roles";
import { listGroups } from "~/models/org-groups.server";
import { changePassword, getUser, updateUser } from "~/models/users.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound, readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "Login"} · Logins · Candor` },
];

async function findUser(params: Record<string, string | undefined>) {
  const user = await getUser(requireId(params, "userId"));
  if (!user) throw notFound("There is no such login.");
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const admin = await requireAdmin(request);
    const user = await findUser(params);
    const departments = await listGroups("department");
    // A manager may stay in a department that was deactivated; new choices are active ones.
    const choices = departments.filter((d) => d.active || d.id === user.departmentId);
    return { user, departments: choices, isMe: user.id === admin.id };
  });
}

type Result = { form: "details" | "password"; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const admin = await requireAdmin(request);
    const user = await findUser(params);
    const formData = await readForm(request);
    const intent = formData.get("intent");

    if (intent === "save") {
      const form = parseForm(formData, editUserSchema);
      if (!form.ok) return data<Result>({ form: "details", errors: form.errors, values: form.values }, { status: 400 });
      const saved = await refusalOf(updateUser(actorOf(admin), user.id, form.data));
      if (!saved.ok) {
        return data<Result>(
          { form: "details", errors: { [saved.field]: saved.message }, values: form.data },
          { status: saved.status },
        );
      }
      return redirectWithNotice(request, "/hr/users", `Changes to ${form.data.name}'s login were saved.`);
    }
    if (intent === "password") {
      // Your own password needs your current one: that is on the "change my password" page.
      if (user.id === admin.id) throw badRequest("Change your own password on the “Change my password” page.");
      const form = parseForm(formData, setPasswordSchema);
      if (!form.ok) return data<Result>({ form: "password", errors: form.errors, values: {} }, { status: 400 });
      await changePassword(actorOf(admin), user.id, form.data.newPassword);
      return redirectWithNotice(
        request,
        `/hr/users/${user.id}`,
        `${user.name} has a new password. Give it to them in person; they sign in with it from now on.`,
      );
    }
    throw badRequest("Unknown action.");
  });
}

export default function EditUser() {
  const { user, departments, isMe } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const details = result?.form === "details" ? result : null;
  const password = result?.form === "password" ? result : null;
  const values: Record<string, string> = details?.values ?? {
    name: user.name,
    role: user.role,
    departmentId: user.departmentId ?? "",
  };
  const errors: FieldErrors = details?.errors ?? {};
  return (
    <>
      <PageHeader
        title={user.name}
        description={
          <>
            {user.email} · <ActiveBadge active={user.active} />
          </>
        }
        actions={
          <Link className="button button-secondary" to="/hr/users">
            All logins
          </Link>
        }
      />
      <Form method="post" className="card" noValidate aria-labelledby="details-heading" key={JSON.stringify(values)}>
        <h2 id="details-heading">Name and role</h2>
        <FormError
          message={Object.keys(errors).length > 0 ? "Nothing was saved. Fix the fields marked below." : undefined}
        />
        <div className="form-grid">
          <TextField label="Name" name="name" required defaultValue={values.name} error={errors.name} />
          <SelectField
            label="Role"
            name="role"
            required
            defaultValue={values.role}
            error={errors.role}
            options={USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABELS[role] }))}
          />
          <SelectField
            label="Department (managers only)"
            name="departmentId"
            defaultValue={values.departmentId}
            error={errors.departmentId}
            placeholder="None"
            options={departments.map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name} (inactive)` }))}
          />
        </div>
        <p className="muted small">
          HR admins see everything, trainers their trainings, managers their department.
          {isMe ? " You cannot take the HR admin role from yourself." : ""} The e-mail address is the sign-in name and
          does not change: add a new login instead.
        </p>
        <button type="submit" name="intent" value="save" disabled={busy}>
          Save changes
        </button>
      </Form>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {isMe ? (
          <p>
            To change your own password, use <Link to="/hr/password">Change my password</Link>: it asks for your current
            one.
          </p>
        ) : (
          <Form method="post" noValidate key={password ? "retry" : "first"}>
            <p className="muted">
              For someone who forgot theirs: set a new one and give it to them in person. Their old password stops
              working.
            </p>
            <FormError message={password ? "The password was not changed. Fix the fields marked below." : undefined} />
            <div className="form-grid">
              <NewPasswordFields errors={password?.errors ?? {}} />
            </div>
            <button type="submit" name="intent" value="password" className="secondary" disabled={busy}>
              Set new password
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
