import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmployeePage } from "~/components/employee-page";
import { PublishedActions, PublishedResults } from "~/components/published-page";
import { localeFor } from "~/i18n/locale.server";
import { useTranslate } from "~/i18n/use-translate";
import { publishedPage } from "~/pages/published-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["published.pageTitle"] ?? "You said, we did" },
];

/** For every employee, without signing in: what the surveys said and what is being done. */
export async function loader({ request }: LoaderFunctionArgs) {
  return publishedPage(localeFor(request));
}

export default function YouSaidWeDid() {
  const view = useLoaderData<typeof loader>();
  const t = useTranslate(view.messages);
  return (
    <EmployeePage locale={view.locale} t={t}>
      <h1>{t("published.heading")}</h1>
      <p className="muted">{t("published.intro")}</p>
      {/* What is being done is what readers come for: it comes first, the figures after. */}
      <PublishedActions view={view} t={t} />
      <PublishedResults view={view} t={t} />
      <p className="small muted published-footer">{t("published.anonymous")}</p>
    </EmployeePage>
  );
}
