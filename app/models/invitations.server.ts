import { ConflictError } from "~/domain/http-error";
import { invitationMail, type MailFacts } from "~/domain/invitation-mail";
import { KEPT_LINK, personalLink } from "~/domain/links";
import { roundStatus } from "~/domain/round-status";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { recordAudit, type Actor } from "./audit.server";
import { deliver, mailIsConfigured, type OutgoingMessage } from "./outbox.server";
import { RoundClosedError } from "./rounds.server";
import { getCompanyName, getLinkDownloadsAllowed } from "./settings.server";

/**
 * Personal links. A token is random (256 bits) and only its SHA-256 is stored; the token itself
 * exists only in the response or message that hands it out. Handing a link out again mints a
 * new token; the earlier ones keep working until the invitation is answered, when all die.
 * Reminders are in reminders.server.ts.
 */

type Tx = Prisma.TransactionClient;

export interface Minted {
  invitationId: string;
  email: string;
  name: string;
  token: string;
}

const roundSelect = {
  name: true,
  k: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  invitedCount: true,
  linksDownloadedAt: true,
} as const;

export async function openRound(tx: Tx, roundId: string, now: Date) {
  const round = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: roundSelect });
  if (roundStatus(round, now) === "closed") {
    throw new RoundClosedError("This round is closed; its links no longer work.");
  }
  return round;
}

/** New tokens for the given invitations, stored as hashes in the caller's transaction. */
export async function mint(tx: Tx, where: Prisma.InvitationWhereInput): Promise<Minted[]> {
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
  return minted;
}

export const LONG = { timeout: 120_000, maxWait: 120_000 };

/**
 * Whether personal links may be downloaded as a file: always without a mail server (it is then
 * the only way to hand them out), with one only once HR has switched it on.
 */
export type LinkDownloads = "only-way" | "on" | "off";

export async function linkDownloads(): Promise<LinkDownloads> {
  if (!mailIsConfigured()) return "only-way";
  return (await getLinkDownloadsAllowed()) ? "on" : "off";
}

export class LinkDownloadsOffError extends ConflictError {
  constructor() {
    super(
      "With e-mail set up, personal links go only by e-mail, so that nobody holds a list of them. An HR admin can allow downloads on the Outbox page; that is recorded in the audit log, and every round whose links are downloaded says so.",
    );
  }
}

export interface PersonalLinkRow {
  email: string;
  name: string;
  link: string;
}

/**
 * A fresh personal link for everyone invited to the round, for HR's mail merge. Answered
 * invitations get one too (a dead one: it says "already answered"), so the file does not show
 * who has answered. The round keeps that its links were downloaded, which its results and
 * survey page say. Throws LinkDownloadsOffError when downloads are off.
 */
export async function mintLinksForDownload(
  actor: Actor,
  roundId: string,
  origin: string,
  now: Date = new Date(),
): Promise<{ roundName: string; rows: PersonalLinkRow[] }> {
  if ((await linkDownloads()) === "off") throw new LinkDownloadsOffError();
  return prisma.$transaction(async (tx) => {
    const round = await openRound(tx, roundId, now);
    const minted = await mint(tx, { roundId });
    if (!round.linksDownloadedAt) await tx.round.update({ where: { id: roundId }, data: { linksDownloadedAt: now } });
    await recordAudit(actor, "round.links-download", round.name, `${minted.length} links`, tx);
    return {
      roundName: round.name,
      rows: minted.map((m) => ({ email: m.email, name: m.name, link: personalLink(origin, m.token) })),
    };
  }, LONG);
}

export async function mailFacts(round: { name: string; closesAt: Date; k: number }): Promise<MailFacts> {
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
