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
}

/** The parts of a nodemailer transport Candor uses. */
export type Mailer = Pick<Transporter, "sendMail">;
export type CheckedMailer = Pick<Transporter, "sendMail" | "verify">;

let transport: Transporter | null | undefined;
/** The mail server of SMTP_URL, or null when none is set up. */
export function smtp(): CheckedMailer | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

export const mailIsConfigured = () => env.SMTP_URL !== undefined;

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
        error = (failure as Error).message.slice(0, 500);
        failed++;
      }
    }
    kept.push({
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      body: message.keptText ?? message.text,
      sentAt,
      error,
    });
  }
  if (kept.length > 0) await prisma.outboxMessage.createMany({ data: kept });
  return { sent, kept: kept.length, failed };
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
