import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { formatUtc } from "~/domain/utc-time";
import { listAudit } from "~/models/audit.server";
import { requireAdmin } from "~/utils/auth.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Candor" }];

const PAGE_SIZE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = pageFrom(new URL(request.url));
  return { ...(await listAudit({ page, pageSize: PAGE_SIZE })), page };
}

export default function Audit() {
  const { entries, total, page } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Audit log" description="Every change HR makes, who made it and when. Newest first." />
      {entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Audit log</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at.toISOString()}>{formatUtc(entry.at)}</time>
                    </td>
                    <td>{entry.actorEmail}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{entry.target}</td>
                    <td>{entry.details}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}
