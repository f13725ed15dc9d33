import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { STYLESHEETS } from "~/styles";

export const links: LinksFunction = () => [
  ...STYLESHEETS.map((href) => ({ rel: "stylesheet", href })),
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Candor" }];

/** Employee pages put their language in their data; everything else is English. */
function usePageLanguage(): string {
  for (const match of [...useMatches()].reverse()) {
    const data = match.data as { lang?: unknown } | undefined;
    if (data && typeof data.lang === "string") return data.lang;
  }
  return "en";
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = usePageLanguage();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main className="page page-narrow">
      <ErrorPage error={useRouteError()} />
    </main>
  );
}
