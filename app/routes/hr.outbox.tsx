import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { formatUtc } from "~/domain/utc-time";
import { listOutbox, mailIsConfigured } from "~/models/outbox.server";
import { requireAdmin } from "~/utils/auth.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Candor" }];

const PAGE_SIZE = 50;

const KIND_LABELS: Record<string, string> = { INVITATION: "Invitation", REMINDER: "Reminder", DIGEST: "Digest" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = pageFrom(new URL(request.url));
  return { ...(await listOutbox({ page, pageSize: PAGE_SIZE })), page, mailConfigured: mailIsConfigured() };
}

function DeliveryStatus({ sentAt, error }: { sentAt: Date | null; error: string | null }) {
  if (error) return <span className="badge badge-danger" title={error}>Error</span>;
  if (sentAt) return <span className="badge badge-ok">Sent {formatUtc(sentAt)}</span>;
  return <span className="badge badge-warn">Waiting</span>;
}

export default function Outbox() {
  const { messages, total, page, mailConfigured } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every message Candor sends, newest first. Personal links are never kept: a kept message shows [personal link] in their place, and a reminder never shows who it went to."
      />
      {mailConfigured ? null : (
        <p className="warning">
          No mail server is set up (SMTP_URL), so messages are not delivered: they wait here. Hand out personal links with the
          CSV download on a round's page instead.
        </p>
      )}
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">
          <p>Invitations and reminders you send from a round's page appear here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Messages, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">To</th>
                  <th scope="col">Message</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((message) => (
                  <tr key={message.id}>
                    <td className="small">{formatUtc(message.createdAt)}</td>
                    <td>{KIND_LABELS[message.kind] ?? message.kind}</td>
                    <td>{message.to}</td>
                    <td>
                      <details>
                        <summary>{message.subject}</summary>
                        <pre className="mail-body">{message.body}</pre>
                      </details>
                    </td>
                    <td>
                      <DeliveryStatus sentAt={message.sentAt} error={message.error} />
                      {message.error ? <p className="field-error small">{message.error}</p> : null}
                    </td>
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
