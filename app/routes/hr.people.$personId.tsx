import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { PersonForm } from "~/components/person-form";
import { personSchema } from "~/domain/person-input";
import { listGroups } from "~/models/org-groups.server";
import { getPerson, setPersonActive, updatePerson } from "~/models/people.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound, readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Candor` }];

async function findPerson(params: Record<string, string | undefined>) {
  const person = await getPerson(requireId(params, "personId"));
  if (!person) throw notFound("There is no such person in the directory.");
  return person;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    const person = await findPerson(params);
    const [departments, roles] = await Promise.all([listGroups("department"), listGroups("role")]);
    return { person, departments, roles };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const person = await findPerson(params);
    const formData = await readForm(request);
    const intent = formData.get("intent");
    const here = `/hr/people/${person.id}`;

    if (intent === "deactivate" || intent === "reactivate") {
      const active = intent === "reactivate";
      await setPersonActive(actorOf(user), person.id, active);
      return redirectWithNotice(
        request,
        here,
        active
          ? `${person.name} is active again.`
          : `${person.name} is inactive and will not be invited to new rounds.`,
      );
    }
    if (intent !== "save") throw badRequest("Unknown action.");

    const form = parseForm(formData, personSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const saved = await refusalOf(updatePerson(actorOf(user), person.id, form.data));
    if (!saved.ok) {
      return data({ errors: { [saved.field]: saved.message }, values: form.data }, { status: saved.status });
    }
    return redirectWithNotice(request, "/hr/people", `Changes to ${form.data.name} were saved.`);
  });
}

export default function EditPerson() {
  const { person, departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={person.name}
        description={
          person.active ? "Active: invited to new rounds that include them." : "Inactive: not invited to new rounds."
        }
      />
      <PersonForm
        key={person.id}
        values={result?.values ?? person}
        errors={result?.errors}
        departments={departments}
        roles={roles}
        submitLabel="Save changes"
      />
      <Form method="post" className="card">
        <h2>{person.active ? "Deactivate" : "Reactivate"}</h2>
        <p className="muted">
          {person.active
            ? "For someone who left. Past answers stay in the results; they are anonymous and cannot be traced to anyone."
            : "Invite them to new rounds again."}
        </p>
        <button
          type="submit"
          name="intent"
          value={person.active ? "deactivate" : "reactivate"}
          className={person.active ? "danger" : undefined}
        >
          {person.active ? "Deactivate" : "Reactivate"}
        </button>
      </Form>
    </>
  );
}
