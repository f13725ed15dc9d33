import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LABEL_MAX, requiredText } from "~/domain/text";
import {
  createGroup,
  getGroup,
  GROUP_LABEL,
  listGroups,
  renameGroup,
  setGroupActive,
  type GroupKind,
} from "~/models/org-groups.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound, readForm, refusalOf } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { actorOf, requireAdmin } from "./auth.server";

/** The departments page and the roles page work the same way; this is their loader and action. */
export function groupAdminLoader(kind: GroupKind) {
  return async ({ request }: LoaderFunctionArgs) => {
    await requireAdmin(request);
    return { groups: await listGroups(kind) };
  };
}

const nameSchema = (kind: GroupKind) => {
  const label = GROUP_LABEL[kind].one;
  return z.object({ name: requiredText(`The ${label} name`, LABEL_MAX) });
};

export function groupAdminAction(kind: GroupKind) {
  const label = GROUP_LABEL[kind].one;
  const path = `/hr/${GROUP_LABEL[kind].many}`;
  return async ({ request }: ActionFunctionArgs) => {
    const user = await requireAdmin(request);
    const actor = actorOf(user);
    const formData = await readForm(request);
    const intent = String(formData.get("intent") ?? "");

    if (intent === "create") {
      const form = parseForm(formData, nameSchema(kind));
      if (!form.ok) return data({ intent, id: null, errors: form.errors, values: form.values }, { status: 400 });
      const created = await refusalOf(createGroup(actor, kind, form.data.name));
      if (!created.ok) {
        const errors = { [created.field]: created.message };
        return data({ intent, id: null, errors, values: form.data }, { status: created.status });
      }
      return redirectWithNotice(request, path, `The ${label} "${form.data.name}" was created.`);
    }

    const id = z.string().min(1).max(64).safeParse(formData.get("id"));
    if (!id.success) throw badRequest(`Which ${label}? The form did not say.`);
    const group = await getGroup(kind, id.data);
    if (!group) throw notFound(`That ${label} does not exist.`);

    if (intent === "rename") {
      const form = parseForm(formData, nameSchema(kind));
      if (!form.ok) return data({ intent, id: group.id, errors: form.errors, values: form.values }, { status: 400 });
      const renamed = await refusalOf(renameGroup(actor, kind, group.id, form.data.name));
      if (!renamed.ok) {
        const errors = { [renamed.field]: renamed.message };
        return data({ intent, id: group.id, errors, values: form.data }, { status: renamed.status });
      }
      return redirectWithNotice(request, path, `"${group.name}" is now called "${form.data.name}".`);
    }
    if (intent === "deactivate" || intent === "reactivate") {
      const active = intent === "reactivate";
      await setGroupActive(actor, kind, group.id, active);
      return redirectWithNotice(
        request,
        path,
        active
          ? `The ${label} "${group.name}" is active again.`
          : `The ${label} "${group.name}" is inactive: nobody new can be put in it. Its people and past results stay.`,
      );
    }
    throw badRequest("Unknown action.");
  };
}
