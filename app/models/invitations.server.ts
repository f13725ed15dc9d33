import { invitationMail, mayShowReminderCount, reminderMail, type MailFacts } from "~/domain/invitation-mail";
import { KEPT_LINK, personalLink } from "~/domain/links";
import { roundStatus } from "~/domain/round-status";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { recordAudit, type Actor } from "./audit.server";
import { deliver, type OutgoingMessage } from "./outbox.server";
import { RoundClosedError } from "./rounds.server";
import { getCompanyName } from "./settings.server";

/**
 * Personal links. A token is random (256 bits) and only its SHA-256 is stored; the token itself
 * exists only in the response or message that hands it out. Handing a link out again mints a
 * new token; the earlier ones keep working until the invitation is used, when all die.
 */

/** The recipient the outbox keeps for a reminder: never who has not answered. */
export const REMINDER_KEPT_TO = "everyone who had not answered yet (not listed)";

type Tx = Prisma.TransactionClient;

interface Minted {
  email: string;
  name: string;
  token: string;
}

const roundSelect = { name: true, k: true, opensAt: true, closesAt: true, closedAt: true, invitedCount: true } as const;

async function openRound(tx: Tx, roundId: string, now: Date) {
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: roundSelect });
  if (roundStatus(round, now) === "closed") {
    throw new RoundClosedError("This round is closed; its links no longer work.");
  }
  return round;
}

/** New tokens for the given invitations, stored as hashes in the caller's transaction. */
async function mint(tx: Tx, where: Prisma.InvitationWhereInput): Promise<Minted[]> {
  const invitations = await tx.invitation.findMany({
    where,
    select: { id: true, person: { select: { email: true, name: true } } },
    orderBy: [{ person: { name: "asc" } }, { person: { email: "asc" } }],
  });
  const minted = invitations.map((invitation) => ({
    invitationId: invitation.id,
    ...invitation.person,
    token: newToken(),
  }));
  await tx.invitationToken.createMany({
    data: minted.map((m) => ({ tokenHash: hashToken(m.token), invitationId: m.invitationId })),
  });
  return minted.map(({ email, name, token }) => ({ email, name, token }));
}

const LONG = { timeout: 120_000, maxWait: 120_000 };

export interface PersonalLinkRow {
  email: string;
  name: string;
  link: string;
}

/**
 * A fresh personal link for everyone invited to the round, for HR's mail merge. Used
 * invitations get one too (a dead one: it says "already answered"), so the file does not show
 * who has answered.
 */
export async function mintLinksForDownload(
  actor: Actor,
  roundId: string,
  origin: string,
  now: Date = new Date(),
): Promise<{ roundName: string; rows: PersonalLinkRow[] }> {
  return prisma.$transaction(async (tx) => {
    const round = await openRound(tx, roundId, now);
    const minted = await mint(tx, { roundId });
    await recordAudit(actor, "round.links-download", round.name, `${minted.length} links`, tx);
    return {
      roundName: round.name,
      rows: minted.map((m) => ({ email: m.email, name: m.name, link: personalLink(origin, m.token) })),
    };
  }, LONG);
}

async function mailFacts(round: { name: string; closesAt: Date; k: number }): Promise<MailFacts> {
  return { companyName: await getCompanyName(), roundName: round.name, closesAt: round.closesAt, k: round.k };
}

export interface DeliveryResult {
  sent: number;
  kept: number;
  failed: number;
}

/** E-mails everyone invited their personal link (a fresh one), as with the download. */
export async function sendInvitations(
  actor: Actor,
  roundId: string,
  origin: string,
  now: Date = new Date(),
): Promise<DeliveryResult> {
  const { round, minted } = await prisma.$transaction(async (tx) => {
    const round = await openRound(tx, roundId, now);
    const minted = await mint(tx, { roundId });
    await recordAudit(actor, "round.invitations-send", round.name, `${minted.length} messages`, tx);
    return { round, minted };
  }, LONG);
  // The tokens are committed before any message goes out, so every link works on arrival.
  const facts = await mailFacts(round);
  const messages: OutgoingMessage[] = minted.map((m) => {
    const mail = invitationMail({ ...facts, personName: m.name }, personalLink(origin, m.token));
    const kept = invitationMail({ ...facts, personName: m.name }, KEPT_LINK);
    return { kind: "INVITATION", to: m.email, subject: mail.subject, text: mail.text, keptText: kept.text };
  });
  return deliver(messages);
}

export interface ReminderResult extends DeliveryResult {
  /** How many reminders went out; null when that number would tell that 1..k-1 have answered. */
  reminded: number | null;
}

/**
 * Reminds everyone whose invitation is not used yet, with a fresh link. Nothing keeps who they
 * were: the outbox keeps REMINDER_KEPT_TO as each recipient and a body without name or link,
 * the audit log and the round keep no list.
 */
export async function sendReminders(
  actor: Actor,
  roundId: string,
  origin: string,
  now: Date = new Date(),
): Promise<ReminderResult> {
  const { round, minted } = await prisma.$transaction(async (tx) => {
    const round = await openRound(tx, roundId, now);
    if (roundStatus(round, now) !== "open") {
      throw new RoundClosedError("This round has not opened yet; reminders can go out once it is open.");
    }
    const minted = await mint(tx, { roundId, used: false });
    await tx.round.update({
      where: { id: roundId },
      data: { remindersSent: { increment: 1 }, lastReminderAt: now },
    });
    await recordAudit(actor, "round.remind", round.name, "", tx);
    return { round, minted };
  }, LONG);
  const facts = await mailFacts(round);
  const kept = reminderMail(facts, KEPT_LINK);
  const messages: OutgoingMessage[] = minted.map((m) => {
    const mail = reminderMail(facts, personalLink(origin, m.token));
    return {
      kind: "REMINDER",
      to: m.email,
      keptTo: REMINDER_KEPT_TO,
      subject: mail.subject,
      text: mail.text,
      keptText: kept.text,
    };
  });
  const delivery = await deliver(messages);
  const shown = mayShowReminderCount(round.invitedCount, minted.length, round.k);
  return { ...delivery, reminded: shown ? minted.length : null };
}
