import {
  actionAccess,
  mayPlaceAction,
  mayPublishActions,
  type ActionAccess,
  type ActionViewer,
} from "~/domain/action-access";
import {
  dayOfDeadline,
  deadlineAllowed,
  deadlineOn,
  DEADLINE_IN_PAST,
  isOverdue,
  statusLabel,
  todayOf,
  type ActionInput,
  type ActionNoteInput,
  type ActionPrefill,
} from "~/domain/action-items";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { ActionInputError, ActionNotAllowedError, ActionNotFoundError } from "./action-errors.server";
import { listSelect } from "./action-lists.server";
import { actorOf, recordAudit } from "./audit.server";
import { listViewableRounds } from "./results/index.server";
import type { SessionUser } from "./users.server";

/**
 * Action items and their progress notes. Every function takes the signed-in user and checks
 * their access itself (domain/action-access.ts), so no page can forget to; every change is
 * written together with its audit entry in one transaction.
 */

type Tx = Prisma.TransactionClient;

/** What an edit keeps listed and accepted whoever the viewer: the item's own owner and round. */
interface CurrentChoices extends ActionPrefill {
  ownerId?: string | null;
}

/**
 * The rounds the viewer may link an item to: those whose results they may see, as the results
 * gate decides (HR every round, a trainer the rounds of their trainings, a manager the rounds
 * their department takes part in). Null for HR: any round.
 */
async function linkableRoundIds(viewer: ActionViewer): Promise<Set<string> | null> {
  if (viewer.role === "ADMIN") return null;
  return new Set((await listViewableRounds(viewer)).map((round) => round.id));
}

/**
 * What the create and edit forms offer: as owners, every active login for HR; for a manager,
 * themselves and the other managers of their department (who act on its items anyway); for a
 * trainer, themselves (a training has one trainer); the rounds whose results the viewer may see; and the
 * groups the viewer may use (a manager only their department, a trainer only their trainings).
 * `current` keeps an existing item's choices listed (its owner and round, and groups that have
 * since been deactivated).
 */
export async function getActionFormOptions(viewer: ActionViewer, current: CurrentChoices = {}) {
  const orCurrent = (id?: string | null) => (id ? [{ id }] : []);
  const [owners, departments, roles, trainings, viewable] = await Promise.all([
    prisma.user.findMany({
      where:
        viewer.role === "ADMIN"
          ? { active: true }
          : {
              active: true,
              OR: [
                { id: viewer.id },
                ...orCurrent(current.ownerId),
                ...(viewer.role === "MANAGER" && viewer.departmentId
                  ? [{ role: "MANAGER", departmentId: viewer.departmentId }]
                  : []),
              ],
            },
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
    listViewableRounds(viewer),
  ]);
  const kept =
    current.roundId && !viewable.some((round) => round.id === current.roundId)
      ? await prisma.round.findUnique({ where: { id: current.roundId }, select: { id: true, name: true } })
      : null;
  return { owners, departments, roles, trainings, rounds: kept ? [kept, ...viewable] : viewable };
}

interface Owner {
  id: string;
  role: string;
  departmentId: string | null;
}

/** Whether the viewer may name this login as an item's owner (see getActionFormOptions). */
function mayNameOwner(viewer: ActionViewer, owner: Owner) {
  if (viewer.role === "ADMIN" || owner.id === viewer.id) return true;
  return (
    viewer.role === "MANAGER" &&
    viewer.departmentId !== null &&
    owner.role === "MANAGER" &&
    owner.departmentId === viewer.departmentId
  );
}

/**
 * Refuses an owner or a round outside what the form offers the viewer (see
 * getActionFormOptions): an owner outside the viewer's reach, a round whose results they may
 * not see. An edit may keep the item's own owner and round.
 */
function assertMayName(
  viewer: ActionViewer,
  input: ActionInput,
  owner: Owner,
  linkable: Set<string> | null,
  current?: { ownerId: string; roundId: string | null },
) {
  if (!mayNameOwner(viewer, owner) && owner.id !== current?.ownerId) {
    throw new ActionNotAllowedError(
      viewer.role === "TRAINER"
        ? "Trainers own the items they plan: choose yourself as owner."
        : "Managers give items to themselves or another manager of their department: choose one of them as owner.",
    );
  }
  if (input.roundId && linkable && !linkable.has(input.roundId) && input.roundId !== current?.roundId) {
    throw new ActionNotAllowedError("Choose a round whose results you can see.");
  }
}

/**
 * The round and group a new item starts with, from the query string of a results page. Ids
 * that name nothing, and a round whose results the viewer may not see, are dropped; a
 * department or training outside the viewer's scope is a 403.
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
  const linkable = round ? await linkableRoundIds(viewer) : null;
  return {
    roundId: round && (!linkable || linkable.has(round.id)) ? round.id : "",
    departmentId: department?.id ?? (viewer.role === "MANAGER" ? (viewer.departmentId ?? "") : ""),
    roleId: role?.id ?? "",
    trainingId: training?.id ?? "",
  };
}

/** Checks every id the input names, and returns the owner and the trainer of its training. */
async function checkReferences(tx: Tx, input: ActionInput): Promise<{ owner: Owner; trainerId: string | null }> {
  const found = await tx.user.findUnique({
    where: { id: input.ownerId },
    select: { id: true, active: true, role: true, departmentId: true },
  });
  if (!found?.active) throw new ActionInputError("ownerId", "Choose an owner with an active login.");
  const owner = { id: found.id, role: found.role, departmentId: found.departmentId };
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
  if (!input.trainingId) return { owner, trainerId: null };
  const training = await tx.training.findUnique({ where: { id: input.trainingId }, select: { trainerId: true } });
  if (!training) throw new ActionInputError("trainingId", "Choose a training from the list.");
  return { owner, trainerId: training.trainerId };
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
  // Read before the transaction: it holds the connection, and the gate reads through it.
  const linkable = await linkableRoundIds(viewer);
  return prisma.$transaction(async (tx) => {
    const { owner, trainerId } = await checkReferences(tx, input);
    assertMayName(viewer, input, owner, linkable);
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
  // Read before the transaction: it holds the connection, and the gate reads through it.
  const linkable = await linkableRoundIds(viewer);
  await prisma.$transaction(async (tx) => {
    const current = await itemToChange(tx, viewer, id, "manage");
    if (!deadlineAllowed(input.deadline, todayOf(now), dayOfDeadline(current.deadline))) {
      throw new ActionInputError("deadline", DEADLINE_IN_PAST);
    }
    const { owner, trainerId } = await checkReferences(tx, input);
    assertMayName(viewer, input, owner, linkable, current);
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
