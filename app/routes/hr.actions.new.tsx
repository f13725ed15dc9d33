import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionForm } from "~/components/action-form";
import { PageHeader } from "~/components/page";
import { newActionSchema, todayOf } from "~/domain/action-items";
import { getScoreLine } from "~/models/action-outcome.server";
import { createAction, getActionFormOptions, getActionPrefill } from "~/models/actions.server";
import { requireUser } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "New action · Candor" }];

const prefillId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional()
  .catch(undefined);
const prefillSchema = z.object({
  roundId: prefillId,
  departmentId: prefillId,
  roleId: prefillId,
  trainingId: prefillId,
});

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const query = prefillSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const prefill = await getActionPrefill(user, query);
    // The group that was clicked: only the ids of the query that name something.
    const group = {
      departmentId: prefill.departmentId === query.departmentId ? prefill.departmentId : null,
      roleId: prefill.roleId === query.roleId ? prefill.roleId : null,
    };
    const [options, scoreLine] = await Promise.all([
      getActionFormOptions(user, prefill),
      prefill.roundId ? getScoreLine(user, prefill.roundId, group) : null,
    ]);
    return {
      prefill: { ...prefill, ownerId: user.id, description: scoreLine ?? "" },
      options,
      role: user.role,
      today: todayOf(new Date()),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const now = new Date();
    const form = parseForm(await readForm(request), newActionSchema(todayOf(now)));
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const created = await refusalOf(createAction(user, form.data, now));
    if (!created.ok) {
      return data({ errors: { [created.field]: created.message }, values: form.data }, { status: created.status });
    }
    return redirectWithNotice(request, `/hr/actions/${created.value.id}`, "The action item was created.");
  });
}

/** Why this viewer has nothing to attach an item to, if so. */
function blocker(role: string, options: { departments: unknown[]; trainings: unknown[] }) {
  if (role === "MANAGER" && options.departments.length === 0) {
    return "Your login has no department yet. Ask HR to set one before you plan actions.";
  }
  if (role === "TRAINER" && options.trainings.length === 0) {
    return "You have no trainings yet. Actions of trainers belong to one of their trainings.";
  }
  return null;
}

export default function NewAction() {
  const { prefill, options, role, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const blocked = blocker(role, options);
  return (
    <>
      <PageHeader
        title="New action"
        description="Turn a result into something that will be done: one owner, one deadline, and progress notes along the way."
      />
      {blocked ? (
        <p className="warning">{blocked}</p>
      ) : (
        <div className="card">
          <ActionForm
            values={result?.values ?? prefill}
            errors={result?.errors}
            options={options}
            viewerRole={role}
            minDeadline={today}
            submitLabel="Create action"
          />
        </div>
      )}
      <p>
        <Link to="/hr/actions">Back to the action plans</Link>
      </p>
    </>
  );
}
