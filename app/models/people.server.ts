import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { BadRequestError, ConflictError } from "~/domain/http-error";
import type { ColumnMapping } from "~/domain/import-columns";
import {
  planPeopleImport,
  readPeopleCsv,
  type DirectorySnapshot,
  type GroupRef,
  type HeaderProblem,
  type ImportRow,
  type LineError,
} from "~/domain/people-import";
import type { PersonInput } from "~/domain/person-input";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, sqlite, writeTransaction } from "~/utils/db.server";
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

/**
 * A refused import wrote nothing, unless the directory changed under it while it was being
 * written (a department or role deactivated meanwhile): then `written` lines went in before it
 * stopped, and running it again after fixing the lines finishes it.
 */
export type ImportOutcome =
  | { ok: true; summary: ImportSummary }
  | { ok: false; errors: LineError[]; written?: number }
  | { ok: false; header: HeaderProblem };

/** Lines written per transaction: short enough that answers, and the server, barely wait for one. */
export const IMPORT_CHUNK_LINES = 250;

/**
 * The pause between two parts. SQLite's lock is not fair: without a pause the next part would
 * take the lock again before a writer waiting in another process (the server, with an answer)
 * had its turn, however short each part is.
 */
const PAUSE_BETWEEN_CHUNKS_MS = 40;

/** A time as Prisma's SQLite adapter stores it, for rows written here with plain SQL. */
const storedTime = (date = new Date()) => date.toISOString().replace("Z", "+00:00");

function readDirectory(db: Database.Database, emails?: string[]): DirectorySnapshot {
  const groups = (table: "Department" | "Role") =>
    (db.prepare(`SELECT id, name, active FROM "${table}"`).all() as { id: string; name: string; active: number }[]).map(
      (group) => ({ ...group, active: group.active === 1 }),
    );
  const columns = 'SELECT email, name, departmentId, roleId FROM "Person"';
  const people = (
    emails === undefined
      ? db.prepare(columns).all()
      : emails.length === 0
        ? []
        : db.prepare(`${columns} WHERE email IN (${emails.map(() => "?").join(", ")})`).all(...emails)
  ) as DirectorySnapshot["people"];
  return { departments: groups("Department"), roles: groups("Role"), people };
}

function createGroups(db: Database.Database, table: "Department" | "Role", names: string[]) {
  const insert = db.prepare(`INSERT INTO "${table}" (id, name, active, createdAt) VALUES (?, ?, 1, ?)`);
  return new Map(
    names.map((name) => {
      const id = crypto.randomUUID();
      insert.run(id, name, storedTime());
      return [name, id];
    }),
  );
}

/**
 * Applies one part of the file inside a write transaction, planned against the directory as it
 * is then. Plain SQL, so the transaction holds the lock for milliseconds.
 */
function importChunk(
  db: Database.Database,
  rows: ImportRow[],
): { errors: LineError[] } | { created: number; updated: number; unchanged: number } {
  const plan = planPeopleImport(
    rows,
    readDirectory(
      db,
      rows.map((row) => row.email),
    ),
  );
  if (plan.errors.length > 0) return { errors: plan.errors };
  // Groups are created before the people (see importPeople); one is new here only if renamed meanwhile.
  const departmentIds = createGroups(db, "Department", plan.newDepartments);
  const roleIds = createGroups(db, "Role", plan.newRoles);
  const idOf = (ref: GroupRef, created: Map<string, string>) => ("id" in ref ? ref.id : created.get(ref.newName)!);
  const insert = db.prepare(
    'INSERT INTO "Person" (id, email, name, departmentId, roleId, active, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE "Person" SET name = ?, departmentId = ?, roleId = ?, updatedAt = ? WHERE email = ?',
  );
  const now = storedTime();
  for (const p of plan.creates) {
    insert.run(
      crypto.randomUUID(),
      p.email,
      p.name,
      idOf(p.department, departmentIds),
      idOf(p.role, roleIds),
      now,
      now,
    );
  }
  for (const p of plan.updates) {
    update.run(p.name, idOf(p.department, departmentIds), idOf(p.role, roleIds), now, p.email);
  }
  return { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
}

/**
 * Imports an HR export. The whole file is checked first, against the directory as it is: one
 * bad line and nothing is written. It is then written in short transactions of
 * IMPORT_CHUNK_LINES lines, new departments and roles first, so that answers arriving
 * meanwhile, and a server running next to this command, wait for one short transaction at a
 * time rather than for the whole file. Each part is planned again inside its transaction, so
 * nothing changed meanwhile is overwritten by a stale plan. An import cut short (a crash, a
 * kill) leaves the parts already written; running it again finishes it, since people already
 * as in the file are left alone.
 */
export async function importPeople(
  actor: Actor,
  csvText: string,
  source: string,
  mapping?: ColumnMapping | null,
): Promise<ImportOutcome> {
  const { rows, errors, header } = readPeopleCsv(csvText, mapping);
  if (header) return { ok: false, header };
  if (errors.length > 0) return { ok: false, errors };
  const checked = planPeopleImport(rows, readDirectory(sqlite));
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };

  await writeTransaction((db) => {
    const { departments, roles } = readDirectory(db, []);
    const missing = (names: string[], existing: { name: string }[]) => {
      const have = new Set(existing.map((group) => group.name.toLowerCase()));
      return names.filter((name) => !have.has(name.toLowerCase()));
    };
    createGroups(db, "Department", missing(checked.newDepartments, departments));
    createGroups(db, "Role", missing(checked.newRoles, roles));
  });

  const summary: ImportSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    newDepartments: checked.newDepartments,
    newRoles: checked.newRoles,
  };
  for (let start = 0; start < rows.length; start += IMPORT_CHUNK_LINES) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_CHUNKS_MS));
    const part = await writeTransaction((db) => importChunk(db, rows.slice(start, start + IMPORT_CHUNK_LINES)));
    if ("errors" in part) return { ok: false, errors: part.errors, written: start };
    summary.created += part.created;
    summary.updated += part.updated;
    summary.unchanged += part.unchanged;
  }
  await recordAudit(
    actor,
    "people.import",
    source,
    `${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged`,
  );
  return { ok: true, summary };
}

export async function countDirectory() {
  const [people, departments, roles] = await Promise.all([
    prisma.person.count({ where: { active: true } }),
    prisma.department.count({ where: { active: true } }),
    prisma.role.count({ where: { active: true } }),
  ]);
  return { people, departments, roles };
}
