import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export type MessageKind = "INVITATION" | "REMINDER" | "DIGEST";

export interface OutgoingMessage {
  kind: MessageKind;
  to: string;
  subject: string;
  /** What the recipient gets. */
  text: string;
  /**
   * What Candor keeps of it. Messages with a personal link keep a copy without the link: only
   * the link's hash may exist anywhere (anonymity rule 8).
   */
  keptText?: string;
  /**
   * What Candor keeps as the recipient instead of the address. Messages kept this way are kept
   * once per batch, not once each, so the outbox does not even show how many there were
   * (reminders: their number would tell how many have not answered).
   */
  keptTo?: string;
}

/** The one part of a nodemailer transport Candor uses. */
export type Mailer = Pick<Transporter, "sendMail">;

let transport: Transporter | null | undefined;
function smtp(): Mailer | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

export const mailIsConfigured = () => env.SMTP_URL !== undefined;

/**
 * What the outbox keeps of a failed message kept without its recipient: a mail server's own
 * words often name the address ("550 <someone@example.com>: Recipient address rejected").
 */
export const ANONYMOUS_FAILURE = "delivery failed";

/**
 * Sends each message through SMTP when SMTP_URL is set (or through `transporter`), and keeps a
 * copy in the outbox either way; without SMTP the outbox is where messages wait to be read. A
 * failed send is kept with its error, so nothing is silently lost.
 */
export async function deliver(
  messages: OutgoingMessage[],
  transporter: Mailer | null = smtp(),
): Promise<{ sent: number; kept: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const kept: { kind: string; to: string; subject: string; body: string; sentAt: Date | null; error: string | null }[] =
    [];
  for (const message of messages) {
    let sentAt: Date | null = null;
    let error: string | null = null;
    if (transporter) {
      try {
        await transporter.sendMail({
          from: env.MAIL_FROM,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        sentAt = new Date();
        sent++;
      } catch (failure) {
        error = message.keptTo === undefined ? (failure as Error).message.slice(0, 500) : ANONYMOUS_FAILURE;
        failed++;
      }
    }
    kept.push({
      kind: message.kind,
      to: message.keptTo ?? message.to,
      subject: message.subject,
      body: message.keptText ?? message.text,
      sentAt,
      error,
    });
  }
  const rows = collapseAnonymous(kept, messages);
  if (rows.length > 0) await prisma.outboxMessage.createMany({ data: rows });
  return { sent, kept: rows.length, failed };
}

/**
 * One row per batch of messages kept without their recipient (one for those sent, one for those
 * that failed, whatever their number); every other message as it is.
 */
function collapseAnonymous<
  Row extends { kind: string; to: string; subject: string; body: string; error: string | null },
>(rows: Row[], messages: OutgoingMessage[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row, index) => {
    if (messages[index].keptTo === undefined) return true;
    const key = JSON.stringify([row.kind, row.to, row.subject, row.body, row.error !== null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function listOutbox({ page, pageSize }: { page: number; pageSize: number }) {
  const [messages, total] = await Promise.all([
    prisma.outboxMessage.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, to: true, subject: true, body: true, createdAt: true, sentAt: true, error: true },
    }),
    prisma.outboxMessage.count(),
  ]);
  return { messages, total };
}
