import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmployeePage } from "~/components/employee-page";
import { languagePack, localeFor } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/messages/en";
import { useTranslate } from "~/i18n/use-translate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["anonymity.pageTitle"] ?? "How your answers stay anonymous" },
];

/**
 * For every employee, without signing in: what Candor keeps, what it shows, and exactly what
 * remains possible (docs/SECURITY.md says the same for the people who run it).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return languagePack(localeFor(request));
}

const SECTIONS: { heading: MessageKey; paragraphs: MessageKey[] }[] = [
  { heading: "anonymity.kept.heading", paragraphs: ["anonymity.kept.body"] },
  { heading: "anonymity.shown.heading", paragraphs: ["anonymity.shown.body"] },
  { heading: "anonymity.link.heading", paragraphs: ["anonymity.link.body"] },
  {
    heading: "anonymity.limits.heading",
    paragraphs: [
      "anonymity.limits.server",
      "anonymity.limits.alone",
      "anonymity.limits.order",
      "anonymity.limits.links",
      "anonymity.limits.same",
    ],
  },
];

export default function Anonymity() {
  const { locale, messages } = useLoaderData<typeof loader>();
  const t = useTranslate(messages);
  return (
    <EmployeePage locale={locale} t={t}>
      <h1>{t("anonymity.heading")}</h1>
      <p className="muted">{t("anonymity.intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section.heading} className="card" aria-labelledby={section.heading}>
          <h2 id={section.heading}>{t(section.heading)}</h2>
          {section.paragraphs.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </section>
      ))}
      <p>
        <Link to={`/you-said-we-did?lang=${locale}`}>{t("thanks.published")}</Link>
      </p>
    </EmployeePage>
  );
}
