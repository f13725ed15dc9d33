import { BadRequestError, ConflictError } from "~/domain/http-error";
import { planPeopleImport, readPeopleCsv, type GroupRef, type LineError } from "~/domain/people-import";
import type { PersonInput } from "~/domain/person-input";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { recordAudit, type Actor } from "./audit.server";

export class DuplicatePersonError extends ConflictError {
  constructor(email: string) {
    super(`Someone in the directory already has the e-mail ${email}.`, "email");
  }
}

export class InactiveGroupError extends BadRequestError {
  constructor(message: string) {
    super(message, "form");
  }
}

export interface PeopleFilter {
  q?: string;
  departmentId?: string;
  roleId?: string;
  status?: "active" | "inactive" | "all";
  page: number;
  pageSize: number;
}

/**
 * People whose name or e-mail contains `q` as typed. Prisma's `contains` is SQLite's LIKE, which
 * reads % and _ as wildcards: "j_smith" would match "jasmith" and "%" everyone. A search with
 * either looks the ids up with instr, which takes them literally (and, like LIKE, ignores case).
 */
async function searchCondition(q: string): Promise<Prisma.PersonWhereInput> {
  if (!/[%_]/.test(q)) return { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] };
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM Person WHERE instr(lower(name), lower(${q})) > 0 OR instr(email, lower(${q.toLowerCase()})) > 0`;
  return { id: { in: rows.map((row) => row.id) } };
}

export async function listPeople({ q, departmentId, roleId, status = "active", page, pageSize }: PeopleFilter) {
  const where = {
    ...(q ? await searchCondition(q) : {}),
    ...(departmentId ? { departmentId } : {}),
    ...(roleId ? { roleId } : {}),
    ...(status === "all" ? {} : { active: status === "active" }),
  };
  const [people, total] = await Promise.all([
    prisma.person.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        active: true,
        department: { select: { name: true } },
        role: { select: { name: true } },
      },
    }),
    prisma.person.count({ where }),
  ]);
  return { people, total };
}

export function getPerson(id: string) {
  return prisma.person.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, active: true, departmentId: true, roleId: true },
  });
}

/** People must belong to an active department and role. */
async function assertActiveGroups(departmentId: string, roleId: string) {
  const [department, role] = await Promise.all([
    prisma.department.findUnique({ where: { id: departmentId }, select: { active: true } }),
    prisma.role.findUnique({ where: { id: roleId }, select: { active: true } }),
  ]);
  if (!department?.active) throw new InactiveGroupError("Choose an active department.");
  if (!role?.active) throw new InactiveGroupError("Choose an active role.");
}

export async function createPerson(actor: Actor, input: PersonInput) {
  await assertActiveGroups(input.departmentId, input.roleId);
  try {
    const person = await prisma.person.create({ data: input, select: { id: true } });
    await recordAudit(actor, "person.create", input.email);
    return person;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicatePersonError(input.email);
    throw error;
  }
}

export async function updatePerson(actor: Actor, id: string, input: PersonInput) {
  const current = await prisma.person.findUniqueOrThrow({
    where: { id },
    select: { departmentId: true, roleId: true },
  });
  // Keeping an existing, since-deactivated group is fine; moving someone into one is not.
  if (current.departmentId !== input.departmentId || current.roleId !== input.roleId) {
    await assertActiveGroups(input.departmentId, input.roleId);
  }
  try {
    await prisma.person.update({ where: { id }, data: input });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicatePersonError(input.email);
    throw error;
  }
  await recordAudit(actor, "person.update", input.email);
}

export async function setPersonActive(actor: Actor, id: string, active: boolean) {
  const person = await prisma.person.update({
    where: { id },
    data: { active },
    select: { email: true },
  });
  await recordAudit(actor, active ? "person.reactivate" : "person.deactivate", person.email);
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  newDepartments: string[];
  newRoles: string[];
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; errors: LineError[] };

/**
 * Imports an HR export: every line valid, or nothing written. The directory is read and
 * changed in one transaction, so the plan cannot go stale half way.
 */
export async function importPeople(actor: Actor, csvText: string, source: string): Promise<ImportOutcome> {
  const { rows, errors } = readPeopleCsv(csvText);
  if (errors.length > 0) return { ok: false, errors };

  return prisma.$transaction(
    async (tx): Promise<ImportOutcome> => {
      const [departments, roles, people] = await Promise.all([
        tx.department.findMany({ select: { id: true, name: true, active: true } }),
        tx.role.findMany({ select: { id: true, name: true, active: true } }),
        tx.person.findMany({ select: { email: true, name: true, departmentId: true, roleId: true } }),
      ]);
      const plan = planPeopleImport(rows, { departments, roles, people });
      if (plan.errors.length > 0) return { ok: false, errors: plan.errors };

      const departmentIds = new Map<string, string>();
      for (const name of plan.newDepartments) {
        departmentIds.set(name, (await tx.department.create({ data: { name }, select: { id: true } })).id);
      }
      const roleIds = new Map<string, string>();
      for (const name of plan.newRoles) {
        roleIds.set(name, (await tx.role.create({ data: { name }, select: { id: true } })).id);
      }
      const idOf = (ref: GroupRef, created: Map<string, string>) => ("id" in ref ? ref.id : created.get(ref.newName)!);

      if (plan.creates.length > 0) {
        await tx.person.createMany({
          data: plan.creates.map((p) => ({
            email: p.email,
            name: p.name,
            departmentId: idOf(p.department, departmentIds),
            roleId: idOf(p.role, roleIds),
          })),
        });
      }
      for (const p of plan.updates) {
        await tx.person.update({
          where: { email: p.email },
          data: {
            name: p.name,
            departmentId: idOf(p.department, departmentIds),
            roleId: idOf(p.role, roleIds),
          },
        });
      }
      const result: ImportSummary = {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        newDepartments: plan.newDepartments,
        newRoles: plan.newRoles,
      };
      await recordAudit(
        actor,
        "people.import",
        source,
        `${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`,
        tx,
      );
      return { ok: true, summary: result };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

export async function countDirectory() {
  const [people, departments, roles] = await Promise.all([
    prisma.person.count({ where: { active: true } }),
    prisma.department.count({ where: { active: true } }),
    prisma.role.count({ where: { active: true } }),
  ]);
  return { people, departments, roles };
}
