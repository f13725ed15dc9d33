import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SurveyScreen } from "~/components/survey-screen";
import { localeFor } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { findByToken, submitByToken } from "~/models/answering.server";
import { readForm, tooManyRequests } from "~/utils/http.server";
import { unknownLinks } from "~/utils/link-throttle.server";
import { clientAddress } from "~/utils/request.server";
import { checkAnswers, readyView, surveyPage, textFields, thanksRedirect, unavailableView } from "~/utils/survey-page.server";
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
  if (!found) {
    const now = Date.now();
    const verdict = unknownLinks.check(address, now);
    unknownLinks.recordFailure(address, now);
    if (!verdict.allowed) throw tooManyRequests("Too many unknown links from your network. Please wait a few minutes.");
  }
  return found;
}

async function currentPage(locale: Locale, token: string | undefined, address: string) {
  const found = await lookUp(token, address);
  if (!found) return { page: surveyPage(locale, { state: "unknown" }), found };
  if (found.availability.state !== "ready") return { page: surveyPage(locale, unavailableView(found.availability, locale)), found };
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
  if (found.availability.state !== "ready") return surveyPage(locale, unavailableView(found.availability, locale));
  const checked = checkAnswers(textFields(await readForm(request)), found.round);
  if (!checked.ok) {
    const view = { ...(await readyView(found.round, locale)), problems: checked.problems, values: checked.values };
    return surveyPage(locale, view, {}, 400);
  }
  const outcome = await submitByToken(params.token!, checked.answers);
  if (outcome === "saved") return thanksRedirect(locale);
  // Someone else used the link, or the round closed, in the meantime: show the page as it is now.
  return (await currentPage(locale, params.token, address)).page;
}

export default function PersonalSurvey() {
  const loaded = useLoaderData<typeof loader>();
  const submitted = useActionData<typeof action>();
  const page = submitted ?? loaded;
  return <SurveyScreen locale={page.locale} lang={page.lang} messages={page.messages} view={page.view} variant="personal" />;
}
