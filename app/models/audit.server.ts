import type { AuditAction } from "~/domain/audit-actions";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export interface Actor {
  id: string | null;
  email: string;
}

/** The signed-in user as the audit log records them. */
export function actorOf(user: { id: string; email: string }): Actor {
  return { id: user.id, email: user.email };
}

/** The command line acts as itself in the audit log. */
export const COMMAND_LINE: Actor = { id: null, email: "command line" };

/**
 * Writes an audit entry. Inside a transaction, pass its client, so the entry is written (or
 * rolled back) together with the change it records.
 */
export async function recordAudit(
  actor: Actor,
  action: AuditAction,
  target = "",
  details = "",
  db: Prisma.TransactionClient = prisma,
) {
  await db.auditLog.create({
    data: { actorId: actor.id, actorEmail: actor.email, action, target, details },
  });
}

/** A page of the log, newest first, of one kind of entry when `action` is given. */
export async function listAudit({ page, pageSize, action }: { page: number; pageSize: number; action?: AuditAction }) {
  const where = action ? { action } : {};
  const [entries, total] = await Promise.all([
    prisma.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, at: true, actorEmail: true, action: true, target: true, details: true },
    }),
    prisma.auditLog.count({ where }),
  ]);
  return { entries, total };
}
