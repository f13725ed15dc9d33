import { parseAudience } from "~/domain/audience";
import { ConflictError } from "~/domain/http-error";
import { maySeeRound } from "~/domain/round-access";
import { roundStatus, type RoundKind } from "~/domain/round-status";
import type { UserRole } from "~/domain/user-roles";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, rebuildDatabaseFile } from "~/utils/db.server";
import { newSharedKey } from "~/utils/tokens.server";
import { recordAudit, type Actor } from "./audit.server";

export class RoundClosedError extends ConflictError {
  constructor(message = "This round is closed already.") {
    super(message);
  }
}

export interface Viewer {
  role: UserRole;
  departmentId: string | null;
}

/**
 * The rounds a viewer may see, newest first. For a manager: rounds that invited someone from
 * their department or name it in their audience (ids are unique random strings, so the quoted
 * id appears in the stored audience only when the round names the department).
 */
export async function listRounds(viewer: Viewer, { page, pageSize }: { page: number; pageSize: number }) {
  const where: Prisma.RoundWhereInput =
    viewer.role === "ADMIN"
      ? {}
      : viewer.role === "MANAGER" && viewer.departmentId
        ? {
            OR: [
              { invitations: { some: { departmentId: viewer.departmentId } } },
              { audience: { contains: JSON.stringify(viewer.departmentId) } },
            ],
          }
        : { id: { in: [] } };
  const [rounds, total] = await Promise.all([
    prisma.round.findMany({
      where,
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        kind: true,
        opensAt: true,
        closesAt: true,
        closedAt: true,
        invitedCount: true,
        survey: { select: { name: true } },
      },
    }),
    prisma.round.count({ where }),
  ]);
  return {
    rounds: rounds.map((round) => ({ ...round, kind: round.kind as RoundKind, status: roundStatus(round) })),
    total,
  };
}

/**
 * Whether `viewer` may see this round at all (its page, its counts, its results): see
 * maySeeRound. Who was invited is read only for a manager, the one role it decides for.
 */
export async function viewerMaySeeRound(viewer: Viewer, round: { id: string; audience: string }): Promise<boolean> {
  const audience = parseAudience(round.audience);
  if (viewer.role !== "MANAGER") return maySeeRound(viewer, { audience, invitedDepartmentIds: [] });
  const invited = await prisma.invitation.groupBy({ by: ["departmentId"], where: { roundId: round.id } });
  return maySeeRound(viewer, { audience, invitedDepartmentIds: invited.map((d) => d.departmentId) });
}

/** A round as its page shows it, or null when it does not exist or the viewer may not see it. */
export async function getRoundForViewer(id: string, viewer: Viewer) {
  const round = await prisma.round.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      k: true,
      audience: true,
      sharedKey: true,
      invitedCount: true,
      lastReminderAt: true,
      linksDownloadedAt: true,
      period: true,
      createdAt: true,
      survey: { select: { id: true, name: true } },
      schedule: { select: { id: true, name: true } },
      training: { select: { id: true, title: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!round) return { found: false as const };
  if (!(await viewerMaySeeRound(viewer, round))) return { found: true as const, allowed: false as const };
  const audience = parseAudience(round.audience);
  const [departments, roles] = await Promise.all([
    prisma.department.findMany({
      where: { id: { in: audience.departmentIds } },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
    prisma.role.findMany({ where: { id: { in: audience.roleIds } }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  const { audience: _stored, ...rest } = round;
  return {
    found: true as const,
    allowed: true as const,
    round: {
      ...rest,
      kind: round.kind as RoundKind,
      status: roundStatus(round),
      audience: { departments: departments.map((d) => d.name), roles: roles.map((r) => r.name) },
    },
  };
}

/**
 * Closes a round now, before its closing time (also one that has not opened yet), and rebuilds
 * the database file so its answers keep no trace of the order they came in.
 */
export async function closeRoundEarly(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true },
    });
    if (roundStatus(round, now) === "closed") throw new RoundClosedError();
    await tx.round.update({ where: { id }, data: { closedAt: now } });
    await recordAudit(actor, "round.close", round.name, "closed early by hand", tx);
  });
  await rebuildStorageOfClosedRounds(now);
}

/**
 * Once a round has closed, rebuilds the database file (VACUUM): SQLite lays rows out in a page
 * in the order they arrive, so until then a copy of the file shows the order of answers and of
 * claims. Done once for every round closed since the last rebuild; returns how many.
 */
export async function rebuildStorageOfClosedRounds(now: Date): Promise<number> {
  const due = await prisma.round.findMany({
    where: { storageRebuiltAt: null, OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }] },
    select: { id: true },
  });
  if (due.length === 0) return 0;
  await rebuildDatabaseFile();
  await prisma.round.updateMany({ where: { id: { in: due.map((r) => r.id) } }, data: { storageRebuiltAt: now } });
  return due.length;
}

/**
 * Opens a scheduled round now, before its opening time (a training's round, say, when the
 * training ends early). A round that is open already stays as it is.
 */
export async function openRoundNow(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true },
    });
    const status = roundStatus(round, now);
    if (status === "closed") throw new RoundClosedError();
    if (status === "open") return;
    await tx.round.update({ where: { id }, data: { opensAt: now } });
    await recordAudit(actor, "round.open", round.name, "opened early by hand", tx);
  });
}

/** Gives a round that has none a shared (kiosk/QR) link. */
export async function addSharedLink(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const round = await tx.round.findUniqueOrThrow({
      where: { id },
      select: { name: true, opensAt: true, closesAt: true, closedAt: true, sharedKey: true },
    });
    if (roundStatus(round, now) === "closed")
      throw new RoundClosedError("This round is closed; a shared link would not work.");
    if (round.sharedKey) return;
    await tx.round.update({ where: { id }, data: { sharedKey: newSharedKey() } });
    await recordAudit(actor, "round.shared-link", round.name, "", tx);
  });
}

/**
 * Records the closing of every round whose closing time has passed. Status follows from the
 * dates anyway; this keeps closedAt true for reports, also for rounds that closed while the
 * server was down.
 */
export async function closeDueRounds(now: Date): Promise<number> {
  const due = await prisma.round.findMany({
    where: { closedAt: null, closesAt: { lte: now } },
    select: { id: true, closesAt: true },
  });
  for (const round of due) {
    await prisma.round.updateMany({ where: { id: round.id, closedAt: null }, data: { closedAt: round.closesAt } });
  }
  return due.length;
}

export async function roundExists(id: string): Promise<boolean> {
  return (await prisma.round.count({ where: { id } })) > 0;
}

/** The round's shared key and what the poster says, or null without a round. */
export function getRoundPoster(id: string) {
  return prisma.round.findUnique({
    where: { id },
    select: { id: true, name: true, sharedKey: true, k: true, opensAt: true, closesAt: true, closedAt: true },
  });
}
