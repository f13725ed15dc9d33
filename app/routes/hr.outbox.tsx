import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { formatUtc } from "~/domain/utc-time";
import { listOutbox, mailIsConfigured } from "~/models/outbox.server";
import { requireAdmin } from "~/pages/auth.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Candor" }];

const PAGE_SIZE = 50;

const KIND_LABELS: Record<string, string> = { INVITATION: "Invitation", REMINDER: "Reminder", DIGEST: "Digest" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = pageFrom(new URL(request.url));
  return { ...(await listOutbox({ page, pageSize: PAGE_SIZE })), page, mailConfigured: mailIsConfigured() };
}

/**
 * A message without a send time and without an error was written while no mail server was set
 * up. Nothing sends it later (its personal link was never kept), so it is "not sent", never
 * "waiting".
 */
function DeliveryStatus({ sentAt, error }: { sentAt: Date | string | null; error: string | null }) {
  if (error)
    return (
      <span className="badge badge-danger" title={error}>
        Error
      </span>
    );
  if (sentAt) return <span className="badge badge-ok">Sent {formatUtc(sentAt)}</span>;
  return (
    <span className="badge" title="Kept for the record; not delivered: no mail server was set up">
      Not sent
    </span>
  );
}

export default function Outbox() {
  const { messages, total, page, mailConfigured } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every message Candor sent, or wrote while no mail server was set up, newest first. Personal links are never kept: a kept message shows [personal link] in their place, and a reminder never shows who it went to."
      />
      {mailConfigured ? null : (
        <p className="warning">
          E-mail is not set up: no mail server is configured (SMTP_URL), so Candor delivers no e-mail. Messages listed
          here as “Not sent” are kept for the record only and will not be delivered later. Hand out personal links with
          the CSV download on a round's page.
        </p>
      )}
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">
          <p>
            {mailConfigured
              ? "Invitations and reminders you send from a round's page, and action digests, appear here."
              : "Action digests written while e-mail is not set up are kept here."}
          </p>
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
