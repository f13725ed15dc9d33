import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SurveyScreen } from "~/components/survey-screen";
import { localeFor } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { findByToken, submitByToken } from "~/models/answering.server";
import { countUnknownLink } from "~/pages/link-throttles.server";
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
import { TOKEN_PATTERN } from "~/utils/tokens.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["survey.pageTitle"] ?? "Survey" },
  { name: "robots", content: "noindex" },
];

/**
 * The round behind a personal link. An unknown link counts against the client's address;
 * after too many, unknown links get 429 (valid ones keep working).
 */
async function lookUp(token: string | undefined, address: string) {
  const found = token && TOKEN_PATTERN.test(token) ? await findByToken(token) : null;
  if (!found) await countUnknownLink(address);
  return found;
}

/**
 * The page a link opens. A used link opens the survey like an unused one: whoever holds a list
 * of links (HR, with the links download) must not learn from opening them who has answered.
 * Only sending answers through a used link says so.
 */
async function currentPage(locale: Locale, token: string | undefined, address: string) {
  const found = await lookUp(token, address);
  if (!found) return { page: surveyPage(locale, { state: "unknown" }), found };
  const { availability } = found;
  if (availability.state !== "ready" && availability.state !== "used") {
    return { page: surveyPage(locale, unavailableView(availability, locale)), found };
  }
  return { page: surveyPage(locale, await readyView(found.round, locale)), found };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return (await currentPage(localeFor(request), params.token, clientAddress(context))).page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = localeFor(request);
  const address = clientAddress(context);
  const found = await lookUp(params.token, address);
  if (!found) return surveyPage(locale, { state: "unknown" });
  const { availability } = found;
  if (availability.state !== "ready" && availability.state !== "used") {
    return surveyPage(locale, unavailableView(availability, locale));
  }
  // The answers are checked before anything is said about the link, so a form that is wrong on
  // purpose cannot test whether a link was used without using it.
  const checked = checkAnswers(textFields(await readForm(request)), found.round);
  if (!checked.ok) {
    const view = { ...(await readyView(found.round, locale)), problems: checked.problems, values: checked.values };
    return surveyPage(locale, view, {}, 400);
  }
  const outcome = await submitByToken(params.token!, checked.answers);
  if (outcome === "saved") return thanksRedirect(locale);
  // The link was used (now or before), or the round closed in the meantime.
  const now = await lookUp(params.token, address);
  if (!now || now.availability.state === "ready") return surveyPage(locale, { state: "unknown" });
  return surveyPage(locale, unavailableView(now.availability, locale));
}

export default function PersonalSurvey() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const page = submitted ?? loaded;
  return <SurveyScreen locale={page.locale} messages={page.messages} view={page.view} variant="personal" />;
}
