import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { ErrorPage } from "~/components/error-page";
import { Notice } from "~/components/page";
import { requireUser } from "~/pages/auth.server";
import { takeNotice } from "~/utils/notice.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { notice, headers } = await takeNotice(request);
  return data({ user: { name: user.name, role: user.role }, notice }, { headers });
}

export default function HrLayout() {
  const { user, notice } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Notice message={notice} />
      <Outlet />
    </AppShell>
  );
}

/** A page below /hr that fails keeps the navigation, so the way back is one click. */
export function ErrorBoundary() {
  const error = useRouteError();
  const layout = useRouteLoaderData<typeof loader>("routes/hr");
  if (!layout) {
    return (
      <main id="main" className="page page-narrow">
        <ErrorPage error={error} />
      </main>
    );
  }
  return (
    <AppShell user={layout.user}>
      <ErrorPage error={error} />
    </AppShell>
  );
}
