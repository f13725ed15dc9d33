import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { PersonForm } from "~/components/person-form";
import { personSchema } from "~/domain/person-input";
import { listGroups } from "~/models/org-groups.server";
import { createPerson } from "~/models/people.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Add person · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    const [departments, roles] = await Promise.all([listGroups("department"), listGroups("role")]);
    return { departments, roles };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const form = parseForm(await readForm(request), personSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const created = await refusalOf(createPerson(actorOf(user), form.data));
    if (!created.ok) {
      return data({ errors: { [created.field]: created.message }, values: form.data }, { status: created.status });
    }
    return redirectWithNotice(request, "/hr/people", `${form.data.name} was added to the directory.`);
  });
}

export default function NewPerson() {
  const { departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Add a person"
        description="They will be invited to rounds whose audience includes their department and role."
      />
      {departments.length === 0 || roles.length === 0 ? (
        <p className="warning">
          Create at least one department and one role first, or import a CSV, which creates them.
        </p>
      ) : null}
      <PersonForm
        values={result?.values ?? {}}
        errors={result?.errors}
        departments={departments}
        roles={roles}
        submitLabel="Add person"
      />
    </>
  );
}
