import type { LoaderFunctionArgs } from "@remix-run/node";
import { resultsCsv } from "~/domain/results-csv";
import { recordAudit } from "~/models/audit.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { requireClosedRoundResults } from "~/pages/results-access.server";
import { csvResponse, withRefusals } from "~/utils/http.server";

/** One row per group of a closed round, withheld groups kept as `suppressed`. Admins only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const results = await requireClosedRoundResults(params, user);
    await recordAudit(actorOf(user), "results.export", results.round.name, "results.csv");
    return csvResponse(`${results.round.name} results.csv`, resultsCsv(results));
  });
}
