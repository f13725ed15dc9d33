import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { SettingsTabs } from "~/components/tabs";
import { formatUtc } from "~/domain/utc-time";
import { linkDownloads, type LinkDownloads } from "~/models/invitations.server";
import { listOutbox, mailIsConfigured } from "~/models/outbox.server";
import { setLinkDownloadsAllowed } from "~/models/settings.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { badRequest, readForm } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Candor" }];

const PAGE_SIZE = 50;

const KIND_LABELS: Record<string, string> = { INVITATION: "Invitation", REMINDER: "Reminder", DIGEST: "Digest" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = pageFrom(new URL(request.url));
  return {
    ...(await listOutbox({ page, pageSize: PAGE_SIZE })),
    page,
    mailConfigured: mailIsConfigured(),
    linkDownloads: await linkDownloads(),
  };
}

const downloadsForm = z.object({ intent: z.literal("links-download"), allowed: z.enum(["on", "off"]) });

/** Switches the personal links download on or off (HR only, in the audit log). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const parsed = downloadsForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw badRequest("Unknown action.");
  const allowed = parsed.data.allowed === "on";
  await setLinkDownloadsAllowed(actorOf(user), allowed);
  return redirectWithNotice(
    request,
    "/hr/outbox#link-downloads",
    allowed
      ? "Personal links can be downloaded now. Every round whose links are downloaded says so on its survey page and results."
      : "Personal links go by e-mail only now.",
  );
}

/** The setting that lets HR download personal links although e-mail is set up. */
function LinkDownloadsCard({ state }: { state: LinkDownloads }) {
  return (
    <section className="card" id="link-downloads" aria-labelledby="link-downloads-heading">
      <h2 id="link-downloads-heading">Downloading personal links</h2>
      {state === "only-way" ? (
        <p>
          Without e-mail, downloading the personal links as a file is the only way to hand them out, so it is always
          possible. Whoever holds the file can answer in anyone's name; every round whose links are downloaded says so
          on its survey page and results.
        </p>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="links-download" />
          <p>
            {state === "on"
              ? "Downloads are allowed: HR can download a round's personal links as a file."
              : "Personal links go only by e-mail, so nobody holds a list of them."}{" "}
            A file of links lets whoever holds it answer in anyone's name, people made up for the purpose included. If
            you allow downloads, the change is recorded in the audit log, and every round whose links are downloaded
            says so on its survey page and results.
          </p>
          <button type="submit" name="allowed" value={state === "on" ? "off" : "on"} className="secondary">
            {state === "on" ? "Send links by e-mail only" : "Allow downloading personal links"}
          </button>
        </Form>
      )}
    </section>
  );
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
  const { messages, total, page, mailConfigured, linkDownloads: downloads } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every message Candor sent, or wrote while no mail server was set up, newest first. Personal links are never kept: a kept message shows [personal link] in their place. A batch of reminders is one row, sent in the background: it never shows who it went to, how many, or whether a mailbox refused one."
      />
      <SettingsTabs />
      {mailConfigured ? null : (
        <p className="warning">
          E-mail is not set up: no mail server is configured (SMTP_URL), so Candor delivers no e-mail. Messages listed
          here as “Not sent” are kept for the record only and will not be delivered later. Hand out personal links with
          the CSV download on a round's page.
        </p>
      )}
      <LinkDownloadsCard state={downloads} />
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
