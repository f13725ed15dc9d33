/**
 * Reminders, sent in the background so that nothing HR can see depends on who is reminded.
 *
 * Asking for reminders writes, in one short transaction, a job row, the one outbox row that
 * records the batch, the round's reminder count and time, and an audit entry: the request
 * takes the same time and gets the same answer whether it reminds one person or a thousand.
 * A worker (the scheduler's tick, or the server that was asked, at once) claims the job, makes
 * a fresh link for every invitation, answered or not (so the token table does not show who was
 * reminded), and mails those not answered yet. A message the mail server refuses is tried
 * again within the batch and then dropped without a trace: a failure for one address must not
 * be told from the rest, or HR could point one person's address at a mailbox that refuses mail
 * and learn whether that person has answered. Only what does not depend on the recipients is
 * ever recorded: that the mail server could not be reached at all (checked before anyone is
 * looked at), or that the round closed before the batch went out.
 */
import { reminderMail } from "~/domain/invitation-mail";
import { KEPT_LINK, personalLink } from "~/domain/links";
import { roundStatus } from "~/domain/round-status";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { recordAudit, type Actor } from "./audit.server";
import { LONG, mailFacts, mint, openRound } from "./invitations.server";
import { smtp, type CheckedMailer } from "./outbox.server";
import { RoundClosedError } from "./rounds.server";
import { spentAmong } from "./spent-invitations.server";

/** The recipient the outbox keeps for a reminder batch: never who has not answered. */
export const REMINDER_KEPT_TO = "everyone who had not answered yet (not listed)";

export const SERVER_UNREACHABLE = "The mail server could not be reached, so these reminders were not sent.";
export const CLOSED_FIRST = "The round closed before these reminders went out, so they were not sent.";

/** A claim not refreshed for this long belongs to a worker that died; another takes the job over. */
const CLAIM_EXPIRES_MS = 5 * 60 * 1000;
/** A worker refreshes its claim this often while it sends. */
const CLAIM_REFRESH_MS = 60 * 1000;
/** Times the mail server is tried for a batch (one per scheduler tick) before the batch is given up. */
const SERVER_ATTEMPTS = 3;
/** Times each message is tried within a batch, with a pause between rounds of retries. */
const MESSAGE_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 20_000;

/**
 * Queues reminders for everyone who has not answered the round yet. Writes no recipient and no
 * number: the outbox row, written now, is the whole record of the batch.
 */
export async function queueReminders(actor: Actor, roundId: string, origin: string, now = new Date()): Promise<void> {
  const facts = await mailFacts(
    await prisma.round.findUniqueOrThrow({ where: { id: roundId }, select: { name: true, closesAt: true, k: true } }),
  );
  await prisma.$transaction(async (tx) => {
    const round = await openRound(tx, roundId, now);
    if (roundStatus(round, now) !== "open") {
      throw new RoundClosedError("This round has not opened yet; reminders can go out once it is open.");
    }
    const kept = reminderMail(facts, KEPT_LINK);
    const message = await tx.outboxMessage.create({
      data: {
        kind: "REMINDER",
        to: REMINDER_KEPT_TO,
        subject: kept.subject,
        body: kept.text,
        createdAt: now,
        // Handed to the background sender now; with no mail server, nothing will send it.
        sentAt: smtp() ? now : null,
      },
      select: { id: true },
    });
    await tx.reminderJob.create({ data: { roundId, origin, queuedAt: now, outboxMessageId: message.id } });
    await tx.round.update({ where: { id: roundId }, data: { remindersSent: { increment: 1 }, lastReminderAt: now } });
    await recordAudit(actor, "round.remind", round.name, "", tx);
  });
  // The server that was asked starts on it at once; the scheduler's tick is the fallback.
  if (env.SCHEDULER) setImmediate(() => void runReminderJobs().catch(reportFailure));
}

function reportFailure(error: unknown) {
  console.error("Sending reminders failed; the next scheduler run tries again.", error);
}

export interface ReminderRun {
  now?: Date;
  mailer?: CheckedMailer | null;
  /** Pause between rounds of retries of refused messages. */
  retryPauseMs?: number;
}

type Job = NonNullable<Awaited<ReturnType<typeof claimNextJob>>>;

/**
 * Claims the oldest job nobody is working on, other than those already tried in this run; null
 * when there is none. Two workers never claim one job.
 */
async function claimNextJob(now: Date, tried: Set<string>) {
  const expired = new Date(now.getTime() - CLAIM_EXPIRES_MS);
  for (;;) {
    const job = await prisma.reminderJob.findFirst({
      where: { id: { notIn: [...tried] }, OR: [{ claimedAt: null }, { claimedAt: { lt: expired } }] },
      orderBy: { queuedAt: "asc" },
      select: { id: true, roundId: true, origin: true, claimedAt: true, attempts: true, outboxMessageId: true },
    });
    if (!job) return null;
    const claimed = await prisma.reminderJob.updateMany({
      where: { id: job.id, claimedAt: job.claimedAt },
      data: { claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return { ...job, attempts: job.attempts + 1 };
  }
}

/** Sends every batch waiting (the scheduler calls this each minute). Returns how many were handled. */
export async function runReminderJobs({
  now = new Date(),
  mailer = smtp(),
  retryPauseMs = RETRY_PAUSE_MS,
}: ReminderRun = {}): Promise<number> {
  let handled = 0;
  const tried = new Set<string>();
  for (let job = await claimNextJob(now, tried); job; job = await claimNextJob(now, tried)) {
    tried.add(job.id);
    if (await sendBatch(job, now, mailer, retryPauseMs)) handled++;
  }
  return handled;
}

const finish = async (job: Job, error: string | null = null) => {
  if (error) await prisma.outboxMessage.update({ where: { id: job.outboxMessageId }, data: { error } });
  await prisma.reminderJob.delete({ where: { id: job.id } });
};

/** One batch; false when the mail server could not be reached and the next tick should try again. */
async function sendBatch(job: Job, now: Date, mailer: CheckedMailer | null, retryPauseMs: number): Promise<boolean> {
  const round = await prisma.round.findUnique({
    where: { id: job.roundId },
    select: { name: true, k: true, opensAt: true, closesAt: true, closedAt: true },
  });
  if (!round || roundStatus(round, now) === "closed") {
    if (round) await finish(job, CLOSED_FIRST);
    return true;
  }
  if (!mailer) {
    await finish(job);
    return true;
  }
  // Checked before anyone is looked at, so this outcome does not depend on who would be reminded.
  try {
    await mailer.verify();
  } catch {
    if (job.attempts >= SERVER_ATTEMPTS) {
      await finish(job, SERVER_UNREACHABLE);
      return true;
    }
    await prisma.reminderJob.update({ where: { id: job.id }, data: { claimedAt: null } });
    return false;
  }

  const facts = await mailFacts(round);
  const minted = await prisma.$transaction((tx) => mint(tx, { roundId: job.roundId }), LONG);
  const spent = spentAmong(
    job.roundId,
    minted.map((m) => m.invitationId),
  );
  let waiting = minted.filter((m) => !spent.has(m.invitationId));
  let claimRefreshed = Date.now();
  for (let attempt = 1; attempt <= MESSAGE_ATTEMPTS && waiting.length > 0; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
    const refused: typeof waiting = [];
    for (const person of waiting) {
      const mail = reminderMail(facts, personalLink(job.origin, person.token));
      try {
        await mailer.sendMail({ from: env.MAIL_FROM, to: person.email, subject: mail.subject, text: mail.text });
      } catch {
        refused.push(person);
      }
      if (Date.now() - claimRefreshed > CLAIM_REFRESH_MS) {
        claimRefreshed = Date.now();
        await prisma.reminderJob.update({ where: { id: job.id }, data: { claimedAt: new Date() } });
      }
    }
    waiting = refused;
  }
  await finish(job);
  return true;
}
