import type { UserRole } from "~/domain/user-roles";
import type { NewUser } from "~/domain/user-input";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { isUniqueViolation } from "~/utils/prisma-errors";
import { recordAudit, type Actor } from "./audit.server";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  departmentId: string | null;
}

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  departmentId: true,
} as const;

/** The active user a session belongs to, while the session's version is still theirs. */
export async function getSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await prisma.user.findFirst({
    where: { id, active: true, sessionVersion },
    select: sessionUserSelect,
  });
  return user as SessionUser | null;
}

export function findLogin(email: string) {
  return prisma.user.findFirst({
    where: { email: email.toLowerCase(), active: true },
    select: { ...sessionUserSelect, passwordHash: true, sessionVersion: true },
  });
}

/** Ends every session of the user, wherever its cookie has been copied to. */
export async function endSessions(id: string): Promise<void> {
  await prisma.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`There is already a login for ${email}.`);
  }
}

export class UnknownDepartmentError extends Error {
  constructor(name: string) {
    super(`There is no department called "${name}".`);
  }
}

/** Creates a login. The department may be given by id (forms) or by name (command line). */
export async function createUser(
  actor: Actor,
  input: NewUser & { departmentName?: string },
): Promise<SessionUser> {
  let departmentId: string | null = null;
  if (input.role === "MANAGER") {
    const department = input.departmentName
      ? await prisma.department.findUnique({ where: { name: input.departmentName } })
      : await prisma.department.findUnique({ where: { id: input.departmentId } });
    if (!department) throw new UnknownDepartmentError(input.departmentName ?? input.departmentId);
    departmentId = department.id;
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { email: input.email, name: input.name, role: input.role, departmentId, passwordHash },
      select: sessionUserSelect,
    });
    await recordAudit(actor, "user.create", input.email, `role ${input.role}`);
    return user as SessionUser;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError(input.email);
    throw error;
  }
}

export function listUsers() {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      ...sessionUserSelect,
      active: true,
      department: { select: { name: true } },
    },
  });
}

export async function listActiveUsers() {
  return prisma.user.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: sessionUserSelect,
  }) as Promise<SessionUser[]>;
}

export async function setUserActive(actor: Actor, id: string, active: boolean) {
  const user = await prisma.user.update({
    where: { id },
    // Deactivating ends the login's sessions for good: reactivating it does not bring them back.
    data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
    select: { email: true },
  });
  await recordAudit(actor, active ? "user.reactivate" : "user.deactivate", user.email);
}

export async function changePassword(actor: Actor, id: string, password: string) {
  const user = await prisma.user.update({
    where: { id },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    select: { email: true },
  });
  await recordAudit(actor, "user.password", user.email);
}
