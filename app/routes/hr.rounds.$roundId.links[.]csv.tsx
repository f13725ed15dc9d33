import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { formatUtcDate } from "~/domain/utc-time";
import { mintLinksForDownload } from "~/models/invitations.server";
import { roundExists } from "~/models/rounds.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { csvResponse, notFound, withRefusals } from "~/utils/http.server";
import { requireId } from "~/utils/params.server";
import { publicOrigin } from "~/utils/public-url.server";

/**
 * The personal links of a round as CSV (email, name, link) for a mail merge. Every download
 * makes new links, so it is a POST (the round page's download button): a GET changes nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    await requireAdmin(request);
    return new Response("Use the “Download links (CSV)” button on the round's page: each download makes new links.", {
      status: 405,
      headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
    });
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireAdmin(request);
    const roundId = requireId(params, "roundId");
    if (!(await roundExists(roundId))) throw notFound("There is no such round.");
    const { roundName, rows } = await mintLinksForDownload(actorOf(user), roundId, publicOrigin(request));
    const csv = toCsv(
      ["email", "name", "link"],
      rows.map((row) => [row.email, row.name, row.link]),
    );
    return csvResponse(`links ${roundName} ${formatUtcDate(new Date())}.csv`, csv);
  });
}
