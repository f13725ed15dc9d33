import {
  addDays,
  dayBounds,
  deadlineOn,
  DIGEST_WINDOW_DAYS,
  digestMessage,
  selectDigests,
  todayOf,
} from "~/domain/action-items";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { Mutex } from "~/utils/mutex";
import { openStatus } from "./action-lists.server";
import { recordAudit, type Actor } from "./audit.server";
import { deliver } from "./outbox.server";

/** The weekly digest of overdue and soon-due action items, one message per owner. */

export interface DigestRun {
  /** Owners with something overdue or due within 7 days. */
  owners: number;
  /** Digests handed to `deliver` this time. */
  queued: number;
  /** Owners skipped because they already got today's digest. */
  skipped: number;
  sent: number;
  failed: number;
}

const DAILY_JOB: Actor = { id: null, email: "daily digest" };
// Two runs at once (a click and a scheduled run) must not both decide an owner has had nothing.
const digestLock = new Mutex();

/**
 * Mails each active owner one digest of their overdue items and those due within 7 days
 * (SMTP when set, else the outbox). An owner whose digest was already kept today (and did not
 * fail) is skipped, so running it twice a day sends nothing twice.
 */
export function sendActionDigests(
  now: Date,
  { baseUrl = env.PUBLIC_URL, actor = DAILY_JOB }: { baseUrl?: string; actor?: Actor } = {},
): Promise<DigestRun> {
  return digestLock.run(async () => {
    const today = todayOf(now);
    const items = await prisma.actionItem.findMany({
      where: {
        status: openStatus,
        deadline: { lte: deadlineOn(addDays(today, DIGEST_WINDOW_DAYS)) },
        owner: { active: true },
      },
      select: { id: true, title: true, status: true, deadline: true, ownerId: true },
    });
    const digests = selectDigests(items, today);
    const { start, end } = dayBounds(now);
    const [owners, keptToday] = await Promise.all([
      prisma.user.findMany({
        where: { id: { in: digests.map((d) => d.ownerId) } },
        select: { id: true, name: true, email: true },
      }),
      prisma.outboxMessage.findMany({
        where: { kind: "DIGEST", error: null, createdAt: { gte: start, lt: end } },
        select: { to: true },
      }),
    ]);
    const ownerById = new Map(owners.map((owner) => [owner.id, owner]));
    const alreadySent = new Set(keptToday.map((message) => message.to));
    const messages = digests.flatMap((digest) => {
      const owner = ownerById.get(digest.ownerId)!;
      if (alreadySent.has(owner.email)) return [];
      return [
        { kind: "DIGEST" as const, to: owner.email, ...digestMessage(digest, { ownerName: owner.name, baseUrl }) },
      ];
    });
    const delivered = await deliver(messages);
    const run: DigestRun = {
      owners: digests.length,
      queued: messages.length,
      skipped: digests.length - messages.length,
      sent: delivered.sent,
      failed: delivered.failed,
    };
    await recordAudit(
      actor,
      "actions.digest",
      today,
      `${run.queued} digests, ${run.skipped} owners already had today's`,
    );
    return run;
  });
}
