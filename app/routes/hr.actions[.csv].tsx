import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseActionFilter, todayOf } from "~/domain/action-items";
import { exportActionsCsv } from "~/models/action-lists.server";
import { requireUser } from "~/pages/auth.server";
import { csvResponse, withRefusals } from "~/utils/http.server";

/** The action list as CSV, with the same filters (and the same access) as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request);
    const now = new Date();
    const filter = parseActionFilter(new URL(request.url).searchParams);
    const csv = await exportActionsCsv(user, filter, now);
    return csvResponse(`actions-${todayOf(now)}.csv`, csv);
  });
}
