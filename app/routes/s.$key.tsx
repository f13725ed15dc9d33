import crypto from "node:crypto";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { GroupOptions } from "~/components/survey-form";
import { SurveyScreen } from "~/components/survey-screen";
import { kioskHomeOf, nextKioskForm, withKioskHome } from "~/domain/kiosk-language";
import { localeFor } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { findBySharedKey, submitShared } from "~/models/answering.server";
import { takeSharedAnswer } from "~/pages/link-throttles.server";
import {
  checkAnswers,
  readyView,
  surveyPage,
  textFields,
  thanksRedirect,
  unavailableView,
} from "~/pages/survey-page.server";
import { readForm } from "~/utils/http.server";
import { clientAddress } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["survey.pageTitle"] ?? "Survey" },
  { name: "robots", content: "noindex" },
];

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

interface SharedExtra {
  groups?: GroupOptions;
  kiosk: boolean;
  saved: boolean;
  formKey: string;
}

async function currentPage(locale: Locale, key: string | undefined, url: URL) {
  const found = key && KEY_PATTERN.test(key) ? await findBySharedKey(key) : null;
  const extra: SharedExtra = {
    groups: found ? { departments: found.departments, roles: found.roles } : undefined,
    kiosk: url.searchParams.get("kiosk") === "1",
    saved: url.searchParams.get("saved") === "1",
    // A new key per page load makes a kiosk's next form start empty, with JavaScript or without.
    formKey: crypto.randomUUID(),
  };
  if (!found) return { page: surveyPage(locale, { state: "unknown" }, extra), found };
  if (found.availability.state !== "ready")
    return { page: surveyPage(locale, unavailableView(found.availability, locale), extra), found };
  return { page: surveyPage(locale, await readyView(found.round, locale), extra), found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("kiosk") === "1" && kioskHomeOf(url) === null) throw redirect(withKioskHome(url));
  return (await currentPage(localeFor(request), params.key, url)).page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = localeFor(request);
  const url = new URL(request.url);
  const { page, found } = await currentPage(locale, params.key, url);
  if (!found || found.availability.state !== "ready") return page;
  const fields = textFields(await readForm(request));
  const group = { departmentId: fieldValue(fields, "departmentId"), roleId: fieldValue(fields, "roleId") };
  const checked = checkAnswers(fields, found.round);
  const groupChosen = group.departmentId !== "" && group.roleId !== "";
  if (!checked.ok || !groupChosen) {
    const view = {
      ...(await readyView(found.round, locale)),
      problems: checked.ok ? {} : checked.problems,
      groupProblem: !groupChosen,
      values: Object.fromEntries(fields),
    };
    return surveyPage(locale, view, sharedExtra(found, fields), 400);
  }
  if (!(await takeSharedAnswer(clientAddress(context), params.key!))) {
    const view = { ...(await readyView(found.round, locale)), tooFast: true, values: Object.fromEntries(fields) };
    return surveyPage(locale, view, sharedExtra(found, fields), 429);
  }
  const outcome = await submitShared(params.key!, group, checked.answers);
  if (outcome === "bad-group") {
    const view = { ...(await readyView(found.round, locale)), groupProblem: true, values: Object.fromEntries(fields) };
    return surveyPage(locale, view, sharedExtra(found, fields), 400);
  }
  if (outcome === "saved") {
    const kiosk = fields.some(([name, value]) => name === "kiosk" && value === "1");
    return kiosk ? redirect(nextKioskForm(`/s/${params.key}`, kioskHomeOf(url))) : thanksRedirect(locale);
  }
  return (await currentPage(locale, params.key, url)).page;
}

/** A form shown again with its problems keeps the kiosk mode and the group choices. */
function sharedExtra(
  found: { departments: GroupOptions["departments"]; roles: GroupOptions["roles"] },
  fields: [string, string][],
): SharedExtra {
  return {
    groups: { departments: found.departments, roles: found.roles },
    kiosk: fields.some(([name, value]) => name === "kiosk" && value === "1"),
    saved: false,
    formKey: "answering",
  };
}

function fieldValue(fields: [string, string][], name: string): string {
  return fields.find(([field]) => field === name)?.[1].trim() ?? "";
}

export default function SharedSurvey() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const page = submitted ?? loaded;
  return (
    <SurveyScreen
      locale={page.locale}

      messages={page.messages}
      view={page.view}
      variant="shared"
      groups={page.groups}
      kiosk={page.kiosk}
      saved={page.saved}
      formKey={page.formKey}
    />
  );
}
