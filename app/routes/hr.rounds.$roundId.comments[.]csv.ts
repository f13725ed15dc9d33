import type { LoaderFunctionArgs } from "@remix-run/node";
import { commentsCsv } from "~/domain/results-csv";
import { recordAudit } from "~/models/audit.server";
import { getCommentsExport } from "~/models/results/index.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { requireClosedRoundResults } from "~/pages/results-access.server";
import { csvResponse, withRefusals } from "~/utils/http.server";

/**
 * The comments of a closed round that may be listed, each with only the department and role
 * it may be narrowed down to. Admins only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const results = await requireClosedRoundResults(params, user);
    const comments = (await getCommentsExport(results.round.id, user)) ?? [];
    await recordAudit(actorOf(user), "comments.export", results.round.name, `${comments.length} comments`);
    return csvResponse(`${results.round.name} comments.csv`, commentsCsv(comments));
  });
}
