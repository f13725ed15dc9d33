import {
  actionAccess,
  mayPlaceAction,
  mayPublishActions,
  type ActionAccess,
  type ActionViewer,
} from "~/domain/action-access";
import {
  actionsCsv,
  addDays,
  dayBounds,
  dayOfDeadline,
  deadlineAllowed,
  deadlineOn,
  DEADLINE_IN_PAST,
  DIGEST_WINDOW_DAYS,
  digestMessage,
  isOverdue,
  OPEN_STATUSES,
  selectDigests,
  statusLabel,
  todayOf,
  type ActionFilter,
  type ActionInput,
  type ActionNoteInput,
  type ActionPrefill,
} from "~/domain/action-items";
import { BadRequestError, ForbiddenError, NotFoundError } from "~/domain/http-error";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { Mutex } from "~/utils/mutex";
import { recordAudit, type Actor } from "./audit.server";
import { deliver } from "./outbox.server";
import type { SessionUser } from "./users.server";

/**
 * Action items and their progress notes. Every function takes the signed-in user and checks
 * their access itself (domain/action-access.ts), so no page can forget to; every change is
 * written together with its audit entry in one transaction.
 */

export class ActionNotFoundError extends NotFoundError {
  constructor() {
    super("There is no such action item.");
  }
}

export class ActionNotAllowedError extends ForbiddenError {
  constructor(message = "You do not have access to this action item.") {
    super(message);
  }
}

/** Input the form could not know was wrong (an inactive owner, a group that no longer exists). */
export class ActionInputError extends BadRequestError {
  declare readonly field: keyof ActionInput;
  constructor(field: keyof ActionInput, message: string) {
    super(message, field);
  }
}

type Tx = Prisma.TransactionClient;
const actorOf = (user: SessionUser): Actor => ({ id: user.id, email: user.email });

/** The items a viewer may see: their scope, and whatever they own. */
function visibleTo(viewer: ActionViewer): Prisma.ActionItemWhereInput {
  if (viewer.role === "ADMIN") return {};
  const own = { ownerId: viewer.id };
  if (viewer.role === "MANAGER") {
    return viewer.departmentId ? { OR: [{ departmentId: viewer.departmentId }, own] } : own;
  }
  return { OR: [{ training: { trainerId: viewer.id } }, own] };
}

const openStatus = { in: [...OPEN_STATUSES] };

function matching(filter: ActionFilter, today: string): Prisma.ActionItemWhereInput {
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
function assertFilterAllowed(viewer: ActionViewer, filter: ActionFilter) {
  if (viewer.role === "MANAGER" && filter.department && filter.department !== viewer.departmentId) {
    throw new ActionNotAllowedError("You can only see the action items of your own department.");
  }
}

const listSelect = {
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

/**
 * What the create and edit forms offer: active owners, and the groups the viewer may use
 * (a manager only their department, a trainer only their trainings). `current` keeps an
 * existing item's choices listed even when they have since been deactivated.
 */
export async function getActionFormOptions(viewer: ActionViewer, current: ActionPrefill = {}) {
  const orCurrent = (id?: string | null) => (id ? [{ id }] : []);
  const [owners, departments, roles, trainings, rounds] = await Promise.all([
    prisma.user.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
    prisma.department.findMany({
      where:
        viewer.role === "MANAGER"
          ? { id: viewer.departmentId ?? "" }
          : { OR: [{ active: true }, ...orCurrent(current.departmentId)] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.role.findMany({
      where: { OR: [{ active: true }, ...orCurrent(current.roleId)] },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    prisma.training.findMany({
      where: viewer.role === "TRAINER" ? { trainerId: viewer.id } : {},
      orderBy: { startsOn: "desc" },
      select: { id: true, title: true },
    }),
    prisma.round.findMany({ orderBy: { opensAt: "desc" }, select: { id: true, name: true } }),
  ]);
  return { owners, departments, roles, trainings, rounds };
}

/**
 * The round and group a new item starts with, from the query string of a results page. Ids
 * that name nothing are dropped; a department or training outside the viewer's scope is a 403.
 */
export async function getActionPrefill(viewer: ActionViewer, query: ActionPrefill) {
  const [round, department, role, training] = await Promise.all([
    query.roundId ? prisma.round.findUnique({ where: { id: query.roundId }, select: { id: true } }) : null,
    query.departmentId
      ? prisma.department.findUnique({ where: { id: query.departmentId }, select: { id: true } })
      : null,
    query.roleId ? prisma.role.findUnique({ where: { id: query.roleId }, select: { id: true } }) : null,
    query.trainingId
      ? prisma.training.findUnique({ where: { id: query.trainingId }, select: { id: true, trainerId: true } })
      : null,
  ]);
  if (viewer.role === "MANAGER" && query.departmentId && query.departmentId !== viewer.departmentId) {
    throw new ActionNotAllowedError("You can only plan actions for your own department.");
  }
  if (viewer.role === "TRAINER" && query.trainingId && training?.trainerId !== viewer.id) {
    throw new ActionNotAllowedError("You can only plan actions for the trainings you run.");
  }
  return {
    roundId: round?.id ?? "",
    departmentId: department?.id ?? (viewer.role === "MANAGER" ? (viewer.departmentId ?? "") : ""),
    roleId: role?.id ?? "",
    trainingId: training?.id ?? "",
  };
}

/** Checks every id the input names, and returns the trainer of its training. */
async function checkReferences(tx: Tx, input: ActionInput): Promise<{ trainerId: string | null }> {
  const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { active: true } });
  if (!owner?.active) throw new ActionInputError("ownerId", "Choose an owner with an active login.");
  if (input.roundId && !(await tx.round.findUnique({ where: { id: input.roundId }, select: { id: true } }))) {
    throw new ActionInputError("roundId", "Choose a round from the list.");
  }
  if (
    input.departmentId &&
    !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))
  ) {
    throw new ActionInputError("departmentId", "Choose a department from the list.");
  }
  if (input.roleId && !(await tx.role.findUnique({ where: { id: input.roleId }, select: { id: true } }))) {
    throw new ActionInputError("roleId", "Choose a role from the list.");
  }
  if (!input.trainingId) return { trainerId: null };
  const training = await tx.training.findUnique({ where: { id: input.trainingId }, select: { trainerId: true } });
  if (!training) throw new ActionInputError("trainingId", "Choose a training from the list.");
  return { trainerId: training.trainerId };
}

function assertPlaceable(viewer: ActionViewer, departmentId: string | null, trainerId: string | null) {
  if (mayPlaceAction(viewer, { departmentId, trainerId })) return;
  throw new ActionNotAllowedError(
    viewer.role === "TRAINER"
      ? "Trainers plan actions for the trainings they run: choose one of your trainings."
      : "Managers plan actions for their own department: choose your department.",
  );
}

const itemData = (input: ActionInput) => ({
  title: input.title,
  description: input.description,
  ownerId: input.ownerId,
  deadline: deadlineOn(input.deadline),
  roundId: input.roundId,
  departmentId: input.departmentId,
  roleId: input.roleId,
  trainingId: input.trainingId,
});

export async function createAction(viewer: SessionUser, input: ActionInput, now = new Date()): Promise<{ id: string }> {
  if (!deadlineAllowed(input.deadline, todayOf(now))) throw new ActionInputError("deadline", DEADLINE_IN_PAST);
  return prisma.$transaction(async (tx) => {
    const { trainerId } = await checkReferences(tx, input);
    assertPlaceable(viewer, input.departmentId, trainerId);
    const item = await tx.actionItem.create({
      data: { ...itemData(input), createdById: viewer.id },
      select: { id: true },
    });
    await recordAudit(actorOf(viewer), "action.create", input.title, `due ${input.deadline}`, tx);
    return item;
  });
}

const scopeSelect = {
  ownerId: true,
  departmentId: true,
  training: { select: { trainerId: true } },
} as const;

interface ScopeRow {
  ownerId: string;
  departmentId: string | null;
  training: { trainerId: string } | null;
}
const scopeOf = (row: ScopeRow) => ({
  ownerId: row.ownerId,
  departmentId: row.departmentId,
  trainerId: row.training?.trainerId ?? null,
});

const changeSelect = {
  ...scopeSelect,
  title: true,
  description: true,
  status: true,
  published: true,
  deadline: true,
  roundId: true,
  roleId: true,
  trainingId: true,
} as const;

/** Reads an item inside a transaction and refuses a viewer without enough access to it. */
async function itemToChange(tx: Tx, viewer: ActionViewer, id: string, need: Exclude<ActionAccess, "none">) {
  const row = await tx.actionItem.findUnique({ where: { id }, select: changeSelect });
  if (!row) throw new ActionNotFoundError();
  const access = actionAccess(viewer, scopeOf(row));
  if (access === "none" || (need === "manage" && access !== "manage")) throw new ActionNotAllowedError();
  return row;
}

export async function updateAction(viewer: SessionUser, id: string, input: ActionInput, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const current = await itemToChange(tx, viewer, id, "manage");
    if (!deadlineAllowed(input.deadline, todayOf(now), dayOfDeadline(current.deadline))) {
      throw new ActionInputError("deadline", DEADLINE_IN_PAST);
    }
    const { trainerId } = await checkReferences(tx, input);
    assertPlaceable(viewer, input.departmentId, trainerId);
    const next = itemData(input);
    const fields = Object.keys(next) as (keyof typeof next)[];
    const changed = fields.filter((field) => String(current[field] ?? "") !== String(next[field] ?? ""));
    if (changed.length === 0) return;
    await tx.actionItem.update({ where: { id }, data: next });
    await recordAudit(actorOf(viewer), "action.update", input.title, `changed ${changed.join(", ")}`, tx);
  });
}

/** Adds a progress note; a status it names becomes the item's status. Owners may do this too. */
export async function addActionNote(viewer: SessionUser, id: string, note: ActionNoteInput) {
  await prisma.$transaction(async (tx) => {
    const item = await itemToChange(tx, viewer, id, "follow");
    const status = note.status && note.status !== item.status ? note.status : null;
    await tx.actionNote.create({ data: { actionItemId: id, authorId: viewer.id, body: note.body, status } });
    if (status) await tx.actionItem.update({ where: { id }, data: { status } });
    await recordAudit(
      actorOf(viewer),
      "action.note",
      item.title,
      status ? `status ${statusLabel(item.status)} -> ${statusLabel(status)}` : "",
      tx,
    );
  });
}

export async function setActionPublished(viewer: SessionUser, id: string, published: boolean) {
  if (!mayPublishActions(viewer))
    throw new ActionNotAllowedError("Only HR decides what employees see on the published page.");
  await prisma.$transaction(async (tx) => {
    const item = await itemToChange(tx, viewer, id, "manage");
    if (item.published === published) return;
    await tx.actionItem.update({ where: { id }, data: { published } });
    await recordAudit(actorOf(viewer), published ? "action.publish" : "action.unpublish", item.title, "", tx);
  });
}

/** One item with its history, newest note first, and what the viewer may do with it. */
export async function getActionDetail(viewer: ActionViewer, id: string, now = new Date()) {
  const row = await prisma.actionItem.findUnique({
    where: { id },
    select: {
      ...listSelect,
      ...scopeSelect,
      description: true,
      createdAt: true,
      owner: { select: { id: true, name: true, email: true, active: true } },
      training: { select: { id: true, title: true, trainerId: true } },
      createdBy: { select: { name: true } },
      notes: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, body: true, status: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!row) throw new ActionNotFoundError();
  const access = actionAccess(viewer, scopeOf(row));
  if (access === "none") throw new ActionNotAllowedError();
  const { training, notes, deadline, ...item } = row;
  return {
    item: {
      ...item,
      training: training ? { id: training.id, title: training.title } : null,
      deadline: dayOfDeadline(deadline),
      overdue: isOverdue(row, todayOf(now)),
    },
    notes,
    access,
    mayPublish: access === "manage" && mayPublishActions(viewer),
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
