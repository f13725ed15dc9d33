import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionDetails, ActionHistory, NoteForm, PublishPanel } from "~/components/action-detail";
import { ActionForm } from "~/components/action-form";
import { ActionOutcomeCard } from "~/components/action-outcome";
import { ActionDeadline, ActionStatusBadge } from "~/components/action-status";
import { PageHeader } from "~/components/page";
import { actionNoteSchema, editActionSchema, formatMoment, statusLabel, todayOf } from "~/domain/action-items";
import { getActionOutcome } from "~/models/action-outcome.server";
import {
  addActionNote,
  getActionDetail,
  getActionFormOptions,
  setActionPublished,
  updateAction,
} from "~/models/actions.server";
import { requireUser } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest, readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? "Action"} · Candor` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const id = requireId(params, "actionId");
    const now = new Date();
    const { item, notes, access, mayPublish } = await getActionDetail(user, id, now);
    const [options, outcome] = await Promise.all([
      access === "manage"
        ? getActionFormOptions(user, {
            ownerId: item.owner.id,
            roundId: item.round?.id,
            departmentId: item.department?.id,
            roleId: item.role?.id,
            trainingId: item.training?.id,
          })
        : null,
      getActionOutcome(
        user,
        {
          roundId: item.round?.id ?? null,
          departmentId: item.department?.id ?? null,
          roleId: item.role?.id ?? null,
          deadline: item.deadline,
        },
        now,
      ),
    ]);
    return {
      item,
      outcome,
      notes: notes.map(({ createdAt, ...note }) => ({ ...note, when: formatMoment(createdAt) })),
      access,
      mayPublish,
      confirmPublish: mayPublish && !item.published && new URL(request.url).searchParams.get("confirm") === "publish",
      options,
      role: user.role,
      today: todayOf(now),
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const id = requireId(params, "actionId");
    const now = new Date();
    // Read first: an unknown id is a 404 and someone else's item a 403, whatever the form says.
    const { item } = await getActionDetail(user, id, now);
    const formData = await readForm(request);
    const intent = formData.get("intent");
    const here = `/hr/actions/${id}`;

    if (intent === "publish" || intent === "unpublish") {
      await setActionPublished(user, id, intent === "publish");
      return redirectWithNotice(
        request,
        here,
        intent === "publish"
          ? "Published: employees can now see this item."
          : "Unpublished: employees no longer see this item.",
      );
    }
    if (intent === "note") {
      const form = parseForm(formData, actionNoteSchema);
      if (!form.ok) return data({ intent, errors: form.errors, values: form.values }, { status: 400 });
      await addActionNote(user, id, form.data);
      const moved = form.data.status && form.data.status !== item.status;
      return redirectWithNotice(
        request,
        here,
        moved
          ? `Your note was added and the item is now ${statusLabel(form.data.status!).toLowerCase()}.`
          : "Your note was added.",
      );
    }
    if (intent !== "save") throw badRequest("Unknown action.");

    const form = parseForm(formData, editActionSchema(todayOf(now), item.deadline));
    if (!form.ok) return data({ intent, errors: form.errors, values: form.values }, { status: 400 });
    const saved = await refusalOf(updateAction(user, id, form.data, now));
    if (!saved.ok) {
      return data({ intent, errors: { [saved.field]: saved.message }, values: form.data }, { status: saved.status });
    }
    return redirectWithNotice(request, here, "Changes were saved.");
  });
}

export default function ActionPage() {
  const { item, outcome, notes, access, mayPublish, confirmPublish, options, role, today } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const noteResult = result?.intent === "note" ? result : undefined;
  const saveResult = result?.intent === "save" ? result : undefined;
  return (
    <>
      <PageHeader
        title={item.title}
        description={
          <span className="row">
            <ActionStatusBadge status={item.status} />
            <span>
              Owner {item.owner.name} · due <ActionDeadline deadline={item.deadline} overdue={item.overdue} />
            </span>
          </span>
        }
        actions={
          <Link className="button button-secondary" to="/hr/actions">
            All actions
          </Link>
        }
      />
      {confirmPublish ? <PublishPanel published={false} confirming /> : null}
      <div className="action-layout">
        <div className="stack">
          <ActionDetails item={item} />
          <ActionOutcomeCard outcome={outcome} deadline={item.deadline} />
          <NoteForm
            // A new note in the history means the last one was saved: start the form afresh.
            key={notes[0]?.id ?? "first"}
            status={item.status}
            published={item.published}
            errors={noteResult?.errors}
            values={noteResult?.values}
          />
          <ActionHistory notes={notes} />
        </div>
        <div className="stack">
          {mayPublish && !confirmPublish ? <PublishPanel published={item.published} /> : null}
          {access === "manage" && options ? (
            <details className="card" open={saveResult !== undefined}>
              <summary>
                <h2>Edit this item</h2>
              </summary>
              <ActionForm
                values={
                  saveResult?.values ?? {
                    ...item,
                    ownerId: item.owner.id,
                    roundId: item.round?.id,
                    departmentId: item.department?.id,
                    roleId: item.role?.id,
                    trainingId: item.training?.id,
                  }
                }
                errors={saveResult?.errors}
                options={options}
                viewerRole={role}
                minDeadline={item.deadline < today ? undefined : today}
                submitLabel="Save changes"
              />
            </details>
          ) : null}
        </div>
      </div>
    </>
  );
}
