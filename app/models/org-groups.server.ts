import { ConflictError } from "~/domain/http-error";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { recordAudit, type Actor } from "./audit.server";

/** Departments and roles are both named groups of people with the same life cycle. */
export type GroupKind = "department" | "role";

export const GROUP_LABEL: Record<GroupKind, { one: string; many: string }> = {
  department: { one: "department", many: "departments" },
  role: { one: "role", many: "roles" },
};

export interface OrgGroup {
  id: string;
  name: string;
  active: boolean;
  people: number;
}

// Both tables have the same columns; one delegate type lets this module serve both.
type GroupDelegate = typeof prisma.department;
const table = (kind: GroupKind) =>
  (kind === "department" ? prisma.department : prisma.role) as unknown as GroupDelegate;

export class DuplicateGroupError extends ConflictError {
  constructor(kind: GroupKind, name: string) {
    super(`There is already a ${GROUP_LABEL[kind].one} called "${name}".`, "name");
  }
}

export async function listGroups(kind: GroupKind, { activeOnly = false } = {}): Promise<OrgGroup[]> {
  const groups = await table(kind).findMany({
    where: activeOnly ? { active: true } : undefined,
    orderBy: { name: "asc" },
    select: { id: true, name: true, active: true, _count: { select: { people: { where: { active: true } } } } },
  });
  return groups.map(({ _count, ...group }) => ({ ...group, people: _count.people }));
}

export function getGroup(kind: GroupKind, id: string) {
  return table(kind).findUnique({ where: { id }, select: { id: true, name: true, active: true } });
}

async function assertNameFree(kind: GroupKind, name: string, exceptId?: string) {
  // SQLite's unique index is case-sensitive; "Sales" and "sales" would still confuse people.
  const all = await table(kind).findMany({ select: { id: true, name: true } });
  const clash = all.find((g) => g.name.toLowerCase() === name.toLowerCase() && g.id !== exceptId);
  if (clash) throw new DuplicateGroupError(kind, clash.name);
}

export async function createGroup(actor: Actor, kind: GroupKind, name: string) {
  await assertNameFree(kind, name);
  try {
    const group = await table(kind).create({ data: { name }, select: { id: true } });
    await recordAudit(actor, `${kind}.create`, name);
    return group;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateGroupError(kind, name);
    throw error;
  }
}

export async function renameGroup(actor: Actor, kind: GroupKind, id: string, name: string) {
  await assertNameFree(kind, name, id);
  const before = await table(kind).findUniqueOrThrow({ where: { id }, select: { name: true } });
  try {
    await table(kind).update({ where: { id }, data: { name } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateGroupError(kind, name);
    throw error;
  }
  await recordAudit(actor, `${kind}.rename`, name, `was "${before.name}"`);
}

export async function setGroupActive(actor: Actor, kind: GroupKind, id: string, active: boolean) {
  const group = await table(kind).update({ where: { id }, data: { active }, select: { name: true } });
  await recordAudit(actor, `${kind}.${active ? "reactivate" : "deactivate"}`, group.name);
}
