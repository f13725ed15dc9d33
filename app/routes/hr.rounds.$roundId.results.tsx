import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClosedRound } from "~/components/results/closed-round";
import { OpenRoundView } from "~/components/results/open-round";
import { requireUser } from "~/pages/auth.server";
import { loadResultsPage } from "~/pages/results-page.server";
import { withRefusals } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.name ?? "Results"} · Results · Candor` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request, ["ADMIN", "MANAGER", "TRAINER"]);
    return loadResultsPage(request, params, user);
  });
}

export default function RoundResultsPage() {
  const data = useLoaderData<typeof loader>();
  return data.view === "counts" ? <OpenRoundView results={data.results} /> : <ClosedRound data={data} />;
}
