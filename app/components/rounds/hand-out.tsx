import { Form, Link } from "@remix-run/react";
import { SharedLinkCaution } from "~/components/shared-link-caution";
import { formatUtc } from "~/domain/utc-time";
import type { LinkDownloads } from "~/models/invitations.server";

/** How HR hands out a round's links: personal links (CSV or e-mail), reminders and the shared link. */
export function HandOut({
  roundId,
  open,
  links,
  hasSharedLink,
  mailConfigured,
  linkDownloads,
  linksDownloadedAt,
  lastReminderAt,
  lastReminderAgo,
}: {
  roundId: string;
  open: boolean;
  links: { shared: string; kiosk: string } | null;
  hasSharedLink: boolean;
  mailConfigured: boolean;
  linkDownloads: LinkDownloads;
  linksDownloadedAt: Date | string | null;
  lastReminderAt: Date | string | null;
  lastReminderAgo: string | null;
}) {
  return (
    <>
      <h2 className="section-heading">Hand out the links</h2>
      {mailConfigured ? null : (
        <p className="warning" id="no-mail">
          E-mail is not set up: no mail server is configured (SMTP_URL), so Candor cannot send invitations or reminders.
          Download the personal links as CSV and send them with your own mail merge or chat.
        </p>
      )}
      <div className="grid">
        <section className="card" aria-labelledby="personal-heading">
          <h3 id="personal-heading">Personal links</h3>
          <p className="muted small">
            One link per person; it works once. Each download or e-mail makes new links, and earlier ones keep working
            until used. Candor keeps no copy of a link.
          </p>
          <LinkDownloadNote state={linkDownloads} downloadedAt={linksDownloadedAt} />
          <div className="row">
            {linkDownloads === "off" ? (
              <button type="button" disabled aria-describedby="downloads-off">
                Download links (CSV)
              </button>
            ) : (
              <Form method="post" action={`/hr/rounds/${roundId}/links.csv`} reloadDocument>
                <button type="submit">Download links (CSV)</button>
              </Form>
            )}
            {mailConfigured ? (
              <Link className="button button-secondary" to="?confirm=invite">
                Send invitations by e-mail…
              </Link>
            ) : (
              <button type="button" className="secondary" disabled aria-describedby="no-mail">
                Send invitations by e-mail
              </button>
            )}
          </div>
        </section>
        <section className="card" aria-labelledby="reminders-heading">
          <h3 id="reminders-heading">Reminders</h3>
          <p className="muted small">
            Only people who have not answered get one, with a new link. They go out in the background; nobody, you
            included, learns who they are or how many.
          </p>
          <p className="small">
            {lastReminderAt ? `Last sent ${formatUtc(lastReminderAt)} (${lastReminderAgo}).` : "None sent yet."}
          </p>
          {!mailConfigured ? (
            <>
              <p className="muted small" id="reminders-by-hand">
                Reminders go by e-mail. To remind people yourself, download the links again and send them to everyone: a
                link of someone who answered already does not work, so nobody answers twice.
              </p>
              <button type="button" className="secondary" disabled aria-describedby="no-mail reminders-by-hand">
                Send reminders
              </button>
            </>
          ) : open ? (
            <Link className="button button-secondary" to="?confirm=remind">
              Send reminders…
            </Link>
          ) : (
            <p className="muted small">Reminders can go out once the round is open.</p>
          )}
        </section>
        <section className="card" aria-labelledby="shared-heading">
          <h3 id="shared-heading">Shared link</h3>
          {links ? (
            <>
              <p className="muted small">Anyone with this link can answer; they choose their department and role.</p>
              <p className="link-text">
                <a href={links.shared}>{links.shared}</a>
              </p>
              <p className="muted small">
                On a kiosk or shared tablet, open <a href={links.kiosk}>{links.kiosk}</a>: it returns to a fresh form
                after each answer.
              </p>
              <Link className="button button-secondary" to={`/hr/rounds/${roundId}/poster`}>
                Poster with QR code
              </Link>
            </>
          ) : hasSharedLink ? null : (
            <Form method="post">
              <p>
                For a kiosk or a poster. <SharedLinkCaution />
              </p>
              <button type="submit" name="intent" value="shared-link" className="secondary">
                Create a shared link
              </button>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}

/**
 * Why the links download is there or not. A file of personal links lets whoever holds it answer
 * in anyone's name (people made up for the purpose included), so with e-mail set up it is off
 * unless HR switched it on, and a round whose links were downloaded says so to its respondents.
 */
function LinkDownloadNote({ state, downloadedAt }: { state: LinkDownloads; downloadedAt: Date | string | null }) {
  return (
    <>
      {state === "off" ? (
        <p className="muted small" id="downloads-off">
          With e-mail set up, personal links go only by e-mail, so nobody holds a list of them. Downloads can be allowed
          on the <Link to="/hr/outbox#link-downloads">Outbox</Link> page (recorded in the audit log).
        </p>
      ) : state === "only-way" ? (
        <p className="muted small">
          Without e-mail the download is the only way to hand out links. Whoever holds the file can answer in anyone's
          name, so the round's survey page and results say that its links were downloaded.
        </p>
      ) : (
        <p className="muted small">
          Downloads are allowed. Whoever holds the file can answer in anyone's name, so the round's survey page and
          results say that its links were downloaded.
        </p>
      )}
      {downloadedAt ? (
        <p className="small">This round's links were downloaded (first on {formatUtc(downloadedAt)}).</p>
      ) : null}
    </>
  );
}
