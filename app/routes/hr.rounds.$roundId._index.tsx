import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmCard, type ConfirmText } from "~/components/confirm-card";
import { PageHeader } from "~/components/page";
import { RoundCountsTable, RoundStatusBadge } from "~/components/round-figures";
import { SharedLinkCaution } from "~/components/shared-link-caution";
import { describeAudience } from "~/domain/audience";
import { remindedRecently } from "~/domain/invitation-mail";
import { kioskLink, sharedLink } from "~/domain/links";
import { HR_LOCALE, plural } from "~/domain/plural";
import { ROUND_KIND_LABELS } from "~/domain/round-status";
import { formatTimeAgo, formatUtc } from "~/domain/utc-time";
import { sendInvitations, sendReminders } from "~/models/invitations.server";
import { mailIsConfigured } from "~/models/outbox.server";
import { getRoundCountsFor } from "~/models/results/index.server";
import { addSharedLink, closeRoundEarly, getRoundForViewer, type Viewer } from "~/models/rounds.server";
import { actorOf, requireAdmin, requireUser } from "~/pages/auth.server";
import { badRequest, conflict, forbidden, notFound, readForm, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";
import { publicOrigin } from "~/utils/public-url.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.name ?? "Round"} · Candor` }];

const CONFIRMS = ["close", "invite", "remind"] as const;
type Confirm = (typeof CONFIRMS)[number];

async function findRound(params: Record<string, string | undefined>, viewer: Viewer) {
  const found = await getRoundForViewer(requireId(params, "roundId"), viewer);
  if (!found.found) throw notFound("There is no such round.");
  if (!found.allowed) throw forbidden("This round does not include your department.");
  return found.round;
}

export const loader = withRefusals(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request, ["ADMIN", "MANAGER"]);
  const { sharedKey, ...round } = await findRound(params, user);
  const counts = await getRoundCountsFor(round.id, user);
  const isAdmin = user.role === "ADMIN";
  const origin = publicOrigin(request);
  const asked = CONFIRMS.find((c) => c === new URL(request.url).searchParams.get("confirm")) ?? null;
  const mailConfigured = mailIsConfigured();
  const now = new Date();
  return {
    round,
    counts,
    isAdmin,
    // Managers only read: no links to hand out, no actions.
    links: isAdmin && sharedKey ? { shared: sharedLink(origin, sharedKey), kiosk: kioskLink(origin, sharedKey) } : null,
    hasSharedLink: sharedKey !== null,
    mailConfigured,
    // Without a mail server there is nothing to confirm: e-mail cannot be sent.
    confirm: isAdmin && (asked === "close" || mailConfigured) ? asked : null,
    lastReminder: round.lastReminderAt
      ? { ago: formatTimeAgo(round.lastReminderAt, now), recent: remindedRecently(round.lastReminderAt, now) }
      : null,
  };
});

const NO_MAIL =
  "E-mail is not set up (no SMTP_URL), so Candor cannot send invitations or reminders: nothing was sent and no links were made. Download the personal links as CSV instead.";

export const action = withRefusals(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireAdmin(request);
  const round = await findRound(params, user);
  const actor = actorOf(user);
  const here = `/hr/rounds/${round.id}`;
  const form = await readForm(request);
  const intent = form.get("intent");
  const origin = publicOrigin(request);
  // Mail that cannot go out would only mint links nobody gets.
  if ((intent === "invite" || intent === "remind") && !mailIsConfigured()) throw conflict(NO_MAIL);
  if (intent === "remind" && remindedRecently(round.lastReminderAt, new Date()) && form.get("again") !== "yes") {
    throw conflict(
      `Reminders went out ${formatTimeAgo(round.lastReminderAt!, new Date())}. Nothing was sent: open the round again and confirm to send them once more.`,
    );
  }
  if (intent === "close") {
    await closeRoundEarly(actor, round.id);
    return redirectWithNotice(request, here, `"${round.name}" is closed. Its links no longer work.`);
  }
  if (intent === "shared-link") {
    await addSharedLink(actor, round.id);
    return redirectWithNotice(request, here, "The round has a shared link now.");
  }
  if (intent === "invite") {
    const result = await sendInvitations(actor, round.id, origin);
    const failed =
      result.failed > 0
        ? ` ${plural(HR_LOCALE, result.failed, { one: "# message", other: "# messages" })} could not be sent; see the outbox.`
        : "";
    return redirectWithNotice(
      request,
      here,
      `${plural(HR_LOCALE, result.sent, { one: "# invitation was", other: "# invitations were" })} sent.${failed}`,
    );
  }
  if (intent === "remind") {
    const result = await sendReminders(actor, round.id, origin);
    const who =
      result.reminded === null
        ? "Reminders went out to everyone who has not answered yet (how many is not shown: it would tell how many answered, and that is fewer than k)."
        : result.reminded === 0
          ? "No reminders went out: nobody with a personal link is waiting to answer."
          : `${plural(HR_LOCALE, result.reminded, { one: "# reminder", other: "# reminders" })} went out to people who have not answered yet.`;
    return redirectWithNotice(request, here, who);
  }
  throw badRequest("Unknown action.");
});

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const CONFIRM_TEXT: Record<Confirm, ConfirmText> = {
  close: {
    title: "Close this round now?",
    body: "Nobody can answer after this, with a personal or a shared link. Closing cannot be undone.",
    button: "Close the round",
    danger: true,
  },
  invite: {
    title: "E-mail everyone their personal link?",
    body: "Everyone invited gets an e-mail with a new personal link. Links handed out earlier keep working until used.",
    button: "Send invitations",
  },
  remind: {
    title: "Send reminders?",
    body: "Everyone who has not answered yet gets a reminder with a new personal link. You will not learn who they are.",
    button: "Send reminders",
  },
};

/** Reminders again within a day: said plainly, and the post carries the second yes. */
function remindAgainText(ago: string) {
  return {
    title: "Send reminders again?",
    body: `Reminders already went out ${ago}. Everyone who has not answered yet gets another e-mail with a new personal link; many reminders in a short time wear people out.`,
    button: "Send reminders again",
  };
}

export default function RoundPage() {
  const { round, counts, isAdmin, links, hasSharedLink, mailConfigured, confirm, lastReminder } =
    useLoaderData<typeof loader>();
  const closedEarly = round.closedAt !== null && round.closedAt < round.closesAt;
  const training = round.kind.startsWith("TRAINING");
  const audience = training
    ? `The training's participants${round.audience.departments.length > 0 ? `, from ${round.audience.departments.join(", ")}` : ""}`
    : describeAudience(round.audience);
  return (
    <>
      <PageHeader
        title={round.name}
        description={`${ROUND_KIND_LABELS[round.kind]} · ${round.survey.name}`}
        actions={
          round.status === "closed" ? (
            <Link className="button" to={`/hr/rounds/${round.id}/results`}>
              Results
            </Link>
          ) : null
        }
      />
      {confirm ? (
        <ConfirmCard
          text={
            confirm === "remind" && lastReminder?.recent ? remindAgainText(lastReminder.ago) : CONFIRM_TEXT[confirm]
          }
          intent={confirm}
          cancelTo={`/hr/rounds/${round.id}`}
          hidden={confirm === "remind" && lastReminder?.recent ? { again: "yes" } : {}}
        />
      ) : null}
      <section className="card" aria-labelledby="round-facts">
        <h2 id="round-facts" className="row">
          Status <RoundStatusBadge status={round.status} />
        </h2>
        <dl className="facts">
          <Fact label="Opens">{formatUtc(round.opensAt)}</Fact>
          <Fact label={closedEarly ? "Closed early" : "Closes"}>
            {formatUtc(closedEarly ? round.closedAt! : round.closesAt)}
            {closedEarly ? <span className="muted"> (was to close {formatUtc(round.closesAt)})</span> : null}
          </Fact>
          <Fact label="Survey">
            {isAdmin ? <Link to={`/hr/surveys/${round.survey.id}`}>{round.survey.name}</Link> : round.survey.name}
          </Fact>
          <Fact label="Who">{audience}</Fact>
          <Fact label="Invited">{plural(HR_LOCALE, round.invitedCount, { one: "# person", other: "# people" })}</Fact>
          <Fact label="Anonymity threshold">
            k = {round.k}: no figure of a group with fewer answers is shown. Fixed at launch.
          </Fact>
          {round.schedule ? (
            <Fact label="Recurring">
              {isAdmin ? (
                <Link to={`/hr/rounds/schedules/${round.schedule.id}`}>{round.schedule.name}</Link>
              ) : (
                round.schedule.name
              )}
              {round.period ? `, period ${round.period}` : ""}
            </Fact>
          ) : null}
          {round.training ? (
            <Fact label="Training">
              <Link to={`/hr/trainings/${round.training.id}`}>{round.training.title}</Link>
            </Fact>
          ) : null}
          <Fact label="Launched">
            {formatUtc(round.createdAt)}
            {round.createdBy ? ` by ${round.createdBy.name}` : " by the scheduler"}
          </Fact>
        </dl>
      </section>
      {counts ? <RoundCountsTable counts={counts} /> : null}
      {isAdmin && round.status !== "closed" ? (
        <HandOut
          roundId={round.id}
          open={round.status === "open"}
          links={links}
          hasSharedLink={hasSharedLink}
          mailConfigured={mailConfigured}
          lastReminderAt={round.lastReminderAt}
          lastReminderAgo={lastReminder?.ago ?? null}
        />
      ) : null}
      {isAdmin && round.status !== "closed" ? (
        <section className="card" aria-labelledby="close-heading">
          <h2 id="close-heading">Close early</h2>
          <p className="muted">Stop taking answers now, before {formatUtc(round.closesAt)}.</p>
          <Link className="button button-secondary" to="?confirm=close">
            Close the round…
          </Link>
        </section>
      ) : null}
    </>
  );
}

function HandOut({
  roundId,
  open,
  links,
  hasSharedLink,
  mailConfigured,
  lastReminderAt,
  lastReminderAgo,
}: {
  roundId: string;
  open: boolean;
  links: { shared: string; kiosk: string } | null;
  hasSharedLink: boolean;
  mailConfigured: boolean;
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
            until used. Candor keeps no copy of a link, so download again when you need them.
          </p>
          <div className="row">
            <Form method="post" action={`/hr/rounds/${roundId}/links.csv`} reloadDocument>
              <button type="submit">Download links (CSV)</button>
            </Form>
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
            Only people who have not answered get one, with a new link. Nobody, you included, learns who they are.
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
