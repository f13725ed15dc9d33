import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmployeeMessage, EmployeePage } from "~/components/employee-page";
import { languagePack, localeFor } from "~/i18n/locale.server";
import { useTranslate } from "~/i18n/use-translate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["thanks.pageTitle"] ?? "Thank you" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return languagePack(localeFor(request));
}

export default function Thanks() {
  const { locale, messages } = useLoaderData<typeof loader>();
  const t = useTranslate(messages);
  return (
    <EmployeePage locale={locale} t={t}>
      <EmployeeMessage heading={t("thanks.heading")} body={t("thanks.body")}>
        <p>
          <Link to={`/you-said-we-did?lang=${locale}`}>{t("thanks.published")}</Link>
        </p>
        <p>
          <Link to={`/anonymity?lang=${locale}`}>{t("anonymity.linkText")}</Link>
        </p>
      </EmployeeMessage>
    </EmployeePage>
  );
}
