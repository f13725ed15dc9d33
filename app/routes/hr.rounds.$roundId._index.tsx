import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConfirmCard, type ConfirmText } from "~/components/confirm-card";
import { PageHeader } from "~/components/page";
import { RoundCountsTable } from "~/components/round-figures";
import { HandOut } from "~/components/rounds/hand-out";
import { RoundFacts } from "~/components/rounds/round-facts";
import { remindedRecently } from "~/domain/invitation-mail";
import { kioskLink, sharedLink } from "~/domain/links";
import { HR_LOCALE, plural } from "~/domain/plural";
import { ROUND_KIND_LABELS } from "~/domain/round-status";
import { formatTimeAgo, formatUtc } from "~/domain/utc-time";
import { linkDownloads, sendInvitations } from "~/models/invitations.server";
import { mailIsConfigured } from "~/models/outbox.server";
import { queueReminders } from "~/models/reminders.server";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
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
      linkDownloads: await linkDownloads(),
      // Managers only read: no links to hand out, no actions.
      links:
        isAdmin && sharedKey ? { shared: sharedLink(origin, sharedKey), kiosk: kioskLink(origin, sharedKey) } : null,
      hasSharedLink: sharedKey !== null,
      mailConfigured,
      // Without a mail server there is nothing to confirm: e-mail cannot be sent.
      confirm: isAdmin && (asked === "close" || mailConfigured) ? asked : null,
      lastReminder: round.lastReminderAt
        ? { ago: formatTimeAgo(round.lastReminderAt, now), recent: remindedRecently(round.lastReminderAt, now) }
        : null,
    };
  });
}

const REMINDERS_QUEUED =
  "Reminders are going out to everyone who has not answered yet, in the background, within a few minutes. Nobody, you included, learns who they are or how many.";

const NO_MAIL =
  "E-mail is not set up (no SMTP_URL), so Candor cannot send invitations or reminders: nothing was sent and no links were made. Download the personal links as CSV instead.";

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
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
      // The same words and the same work whoever, and however many, are reminded.
      await queueReminders(actor, round.id, origin);
      return redirectWithNotice(request, here, REMINDERS_QUEUED);
    }
    throw badRequest("Unknown action.");
  });
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
  const { round, counts, isAdmin, links, hasSharedLink, mailConfigured, confirm, lastReminder, linkDownloads } =
    useLoaderData<typeof loader>();
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
      <RoundFacts round={round} isAdmin={isAdmin} />
      {counts ? <RoundCountsTable counts={counts} /> : null}
      {isAdmin && round.status !== "closed" ? (
        <HandOut
          roundId={round.id}
          open={round.status === "open"}
          links={links}
          hasSharedLink={hasSharedLink}
          mailConfigured={mailConfigured}
          linkDownloads={linkDownloads}
          linksDownloadedAt={round.linksDownloadedAt}
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
