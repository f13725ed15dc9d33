import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/field";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { SettingsTabs } from "~/components/tabs";
import { auditActionChoices, describeAuditAction, isAuditAction, type AuditAction } from "~/domain/audit-actions";
import { formatUtc } from "~/domain/utc-time";
import { listAudit } from "~/models/audit.server";
import { requireAdmin } from "~/pages/auth.server";
import { badRequest } from "~/utils/http.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Candor" }];

const PAGE_SIZE = 100;

/** `?action=` as one of the log's kinds of entry; 400 for anything else. */
function actionFrom(url: URL): AuditAction | undefined {
  const value = url.searchParams.get("action");
  if (value === null || value === "") return undefined;
  if (!isAuditAction(value)) throw badRequest("Choose what to show from the list.");
  return value;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const action = actionFrom(url);
  const page = pageFrom(url);
  const { entries, total } = await listAudit({ page, pageSize: PAGE_SIZE, action });
  return {
    entries: entries.map((entry) => ({ ...entry, what: describeAuditAction(entry.action) })),
    total,
    page,
    action: action ?? "",
  };
}

export default function Audit() {
  const { entries, total, page, action } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Audit log" description="Every change HR makes, who made it and when. Newest first." />
      <SettingsTabs />
      <Form method="get" className="filters" role="search" aria-label="Filter the audit log" key={action}>
        <SelectField
          label="What"
          name="action"
          defaultValue={action}
          placeholder="Everything"
          options={auditActionChoices()}
        />
        <button type="submit" className="secondary">
          Show
        </button>
      </Form>
      {entries.length === 0 ? (
        action ? (
          <EmptyState title={`Nobody has done this yet: ${describeAuditAction(action).toLowerCase()}`}>
            <Link to="/hr/audit">Show everything</Link>
          </EmptyState>
        ) : (
          <EmptyState title="Nothing has happened yet" />
        )
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Audit log</caption>
              <thead>
                <tr>
                  {/* What happened comes first: on a phone the long e-mails of "Who" push later columns out of sight. */}
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col">Who</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at.toISOString()}>{formatUtc(entry.at)}</time>
                    </td>
                    <td>{entry.what}</td>
                    <td>{entry.target}</td>
                    <td>{entry.actorEmail}</td>
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
