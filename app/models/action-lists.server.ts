import { type ActionViewer } from "~/domain/action-access";
import {
  actionsCsv,
  dayOfDeadline,
  deadlineOn,
  isOverdue,
  OPEN_STATUSES,
  todayOf,
  type ActionFilter,
} from "~/domain/action-items";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { ActionNotAllowedError } from "./action-errors.server";
import { actorOf, recordAudit } from "./audit.server";
import type { SessionUser } from "./users.server";

/**
 * Lists and exports of action items: the actions page with its filters, the CSV export, a
 * user's own open items and the published "you said, we did" list. Each list shows only what
 * the viewer may see (their scope and whatever they own).
 */

/** The items a viewer may see: their scope, and whatever they own. */
export function visibleTo(viewer: ActionViewer): Prisma.ActionItemWhereInput {
  if (viewer.role === "ADMIN") return {};
  const own = { ownerId: viewer.id };
  if (viewer.role === "MANAGER") {
    return viewer.departmentId ? { OR: [{ departmentId: viewer.departmentId }, own] } : own;
  }
  return { OR: [{ training: { trainerId: viewer.id } }, own] };
}

export const openStatus = { in: [...OPEN_STATUSES] };

export function matching(filter: ActionFilter, today: string): Prisma.ActionItemWhereInput {
  const and: Prisma.ActionItemWhereInput[] = [];
  if (filter.owner) and.push({ ownerId: filter.owner });
  if (filter.status === "OPEN") and.push({ status: openStatus });
  else if (filter.status) and.push({ status: filter.status });
  if (filter.department) and.push({ departmentId: filter.department });
  if (filter.round) and.push({ roundId: filter.round });
  if (filter.overdue) and.push({ status: openStatus, deadline: { lt: deadlineOn(today) } });
  return { AND: and };
}

/** A manager asking for another department's items gets a 403, not an empty list. */
export function assertFilterAllowed(viewer: ActionViewer, filter: ActionFilter) {
  if (viewer.role === "MANAGER" && filter.department && filter.department !== viewer.departmentId) {
    throw new ActionNotAllowedError("You can only see the action items of your own department.");
  }
}

export const listSelect = {
  id: true,
  title: true,
  status: true,
  deadline: true,
  published: true,
  owner: { select: { id: true, name: true } },
  department: { select: { id: true, name: true } },
  role: { select: { id: true, name: true } },
  training: { select: { id: true, title: true } },
  round: { select: { id: true, name: true } },
} as const;

export async function listActions(
  viewer: ActionViewer,
  filter: ActionFilter,
  { now, page, pageSize }: { now: Date; page: number; pageSize: number },
) {
  assertFilterAllowed(viewer, filter);
  const today = todayOf(now);
  const where = { AND: [visibleTo(viewer), matching(filter, today)] };
  const [rows, total] = await Promise.all([
    prisma.actionItem.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { title: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
    prisma.actionItem.count({ where }),
  ]);
  const items = rows.map((row) => ({ ...row, deadline: dayOfDeadline(row.deadline), overdue: isOverdue(row, today) }));
  return { items, total };
}

/**
 * The owners, departments and rounds that occur among the items the viewer can see. A manager
 * filters by their own department only (another one is a 403, even where they own an item).
 */
export async function listActionFilterOptions(viewer: ActionViewer) {
  const where = visibleTo(viewer);
  const departmentWhere =
    viewer.role === "MANAGER" ? { departmentId: viewer.departmentId ?? "" } : { departmentId: { not: null } };
  const [owners, departments, rounds] = await Promise.all([
    prisma.actionItem.findMany({
      where,
      distinct: ["ownerId"],
      select: { owner: { select: { id: true, name: true } } },
    }),
    prisma.actionItem.findMany({
      where: { AND: [where, departmentWhere] },
      distinct: ["departmentId"],
      select: { department: { select: { id: true, name: true } } },
    }),
    prisma.actionItem.findMany({
      where: { AND: [where, { roundId: { not: null } }] },
      distinct: ["roundId"],
      select: { round: { select: { id: true, name: true } } },
    }),
  ]);
  const sorted = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name));
  return {
    owners: sorted(owners.map((o) => o.owner)),
    departments: sorted(departments.flatMap((d) => (d.department ? [d.department] : []))),
    rounds: sorted(rounds.flatMap((r) => (r.round ? [r.round] : []))),
  };
}

/** The exported list: same scope and filters as the page, every matching item, audit-logged. */
export async function exportActionsCsv(viewer: SessionUser, filter: ActionFilter, now = new Date()): Promise<string> {
  assertFilterAllowed(viewer, filter);
  const today = todayOf(now);
  const rows = await prisma.actionItem.findMany({
    where: { AND: [visibleTo(viewer), matching(filter, today)] },
    orderBy: [{ deadline: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      ...listSelect,
      description: true,
      owner: { select: { name: true, email: true } },
      notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { body: true } },
    },
  });
  const csv = actionsCsv(
    rows.map(({ notes, ...row }) => ({ ...row, latestNote: notes[0]?.body ?? null })),
    today,
  );
  await recordAudit(actorOf(viewer), "actions.export", "actions.csv", `${rows.length} items`);
  return csv;
}

const MY_ACTIONS_SHOWN = 8;

/** The open items a user owns, soonest deadline first, for their home page. */
export async function listMyActions(viewer: Pick<ActionViewer, "id">, now = new Date()) {
  const today = todayOf(now);
  const where = { ownerId: viewer.id, status: openStatus };
  const [rows, total] = await Promise.all([
    prisma.actionItem.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { title: "asc" }],
      take: MY_ACTIONS_SHOWN,
      select: { id: true, title: true, status: true, deadline: true },
    }),
    prisma.actionItem.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({ ...row, deadline: dayOfDeadline(row.deadline), overdue: isOverdue(row, today) })),
    total,
  };
}

/**
 * What employees see on the "you said, we did" page: published items with their status and
 * latest note. Nothing about who wrote or owns them.
 */
export async function listPublishedActions() {
  const rows = await prisma.actionItem.findMany({
    where: { published: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      department: { select: { name: true } },
      role: { select: { name: true } },
      training: { select: { title: true } },
      round: { select: { name: true } },
      notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { body: true, createdAt: true } },
    },
  });
  return rows.map(({ notes, deadline, ...row }) => ({
    ...row,
    deadline: dayOfDeadline(deadline),
    latestNote: notes[0] ? { body: notes[0].body, day: todayOf(notes[0].createdAt) } : null,
  }));
}

export type PublishedAction = Awaited<ReturnType<typeof listPublishedActions>>[number];
