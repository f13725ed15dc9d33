import { BadRequestError, ConflictError, HttpError, NotFoundError } from "~/domain/http-error";
import type { NewUser, UserChanges } from "~/domain/user-input";
import { USER_ROLE_LABELS, type UserRole } from "~/domain/user-roles";
import { prisma } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { isRecordMissing, isUniqueViolation } from "~/utils/prisma-errors";
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

export class DuplicateEmailError extends ConflictError {
  constructor(email: string) {
    super(`There is already a login for ${email}.`, "email");
  }
}

export class UnknownDepartmentError extends BadRequestError {
  constructor(name: string, known: string[] = []) {
    super(
      `There is no department called "${name}".` +
        (known.length > 0 ? ` The departments are: ${known.join(", ")}.` : " Import the directory first."),
      "departmentId",
    );
  }
}

/** A department named on the command line: "sales" finds "Sales", as names match everywhere else. */
async function findDepartmentByName(name: string) {
  const departments = await prisma.department.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const found = departments.find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
  if (!found)
    throw new UnknownDepartmentError(
      name,
      departments.map((d) => d.name),
    );
  return found;
}

/** Creates a login. The department may be given by id (forms) or by name (command line). */
export async function createUser(actor: Actor, input: NewUser & { departmentName?: string }): Promise<SessionUser> {
  let departmentId: string | null = null;
  if (input.role === "MANAGER") {
    const department = input.departmentName
      ? await findDepartmentByName(input.departmentName)
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
  const user = await prisma.user
    .update({
      where: { id },
      // Deactivating ends the login's sessions for good: reactivating it does not bring them back.
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      select: { email: true },
    })
    .catch((error: unknown) => {
      if (isRecordMissing(error)) throw new NotFoundError("We could not find that login.");
      throw error;
    });
  await recordAudit(actor, active ? "user.reactivate" : "user.deactivate", user.email);
}

/** A change to a login refused for a reason in plain words; `field` names the form field. */
/** A change the login's state refuses (409); a wrong current password is bad input (400). */
export class UserChangeError extends HttpError {
  declare readonly field: string;
  constructor(field: string, message: string, status: 400 | 409 = 409) {
    super(status, message, field);
  }
}

/** A login as its edit page shows it, or null. */
export async function getUser(id: string) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: { ...sessionUserSelect, active: true, department: { select: { name: true, active: true } } },
  });
  return user && { ...user, role: user.role as UserRole };
}

const roleLabel = (role: string) => USER_ROLE_LABELS[role as UserRole] ?? role;

/**
 * Changes a login's name, role and department (a manager's only). Refuses taking the HR admin
 * role from yourself (you would lock yourself out of this page) and from the last active HR
 * admin (nobody could manage logins any more). Audited with what changed.
 */
export async function updateUser(actor: Actor, id: string, changes: UserChanges): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id },
      select: {
        email: true,
        name: true,
        role: true,
        active: true,
        departmentId: true,
        department: { select: { name: true } },
      },
    });
    if (user.role === "ADMIN" && changes.role !== "ADMIN") {
      if (actor.id === id) {
        throw new UserChangeError(
          "role",
          "You cannot take the HR admin role from yourself. Ask another HR admin to do it.",
        );
      }
      const otherAdmins = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: id } } });
      if (user.active && otherAdmins === 0) {
        throw new UserChangeError(
          "role",
          `${user.name} is the only active HR admin. Make someone else an HR admin first.`,
        );
      }
    }
    let department: { id: string; name: string } | null = null;
    if (changes.role === "MANAGER") {
      department = await tx.department.findUnique({
        where: { id: changes.departmentId },
        select: { id: true, name: true },
      });
      if (!department) throw new UserChangeError("departmentId", "Choose the manager's department from the list.");
    }
    const changed = [
      user.name !== changes.name ? `name "${user.name}" -> "${changes.name}"` : "",
      user.role !== changes.role ? `role ${roleLabel(user.role)} -> ${roleLabel(changes.role)}` : "",
      user.departmentId !== (department?.id ?? null)
        ? `department ${user.department?.name ?? "none"} -> ${department?.name ?? "none"}`
        : "",
    ].filter(Boolean);
    if (changed.length === 0) return;
    await tx.user.update({
      where: { id },
      data: { name: changes.name, role: changes.role, departmentId: department?.id ?? null },
    });
    await recordAudit(actor, "user.update", user.email, changed.join(", "), tx);
  });
}

/**
 * Sets a new password for a login (an admin's reset, or the user's own change) and ends every
 * session signed in with the old one. Audited. Returns the login's new session version.
 */
export async function changePassword(actor: Actor, id: string, password: string): Promise<number> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { email: true, sessionVersion: true },
    });
    await recordAudit(
      actor,
      "user.password",
      user.email,
      actor.id === id ? "changed their own password" : "set by an HR admin",
      tx,
    );
    return user.sessionVersion;
  });
}

/**
 * A user's own password change: refused, storing nothing, unless the current password is right.
 * Returns the new session version, so the browser that made the change stays signed in.
 */
export async function changeOwnPassword(user: SessionUser, currentPassword: string, newPassword: string) {
  const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
    throw new UserChangeError("currentPassword", "That is not your current password.", 400);
  }
  return changePassword({ id: user.id, email: user.email }, user.id, newPassword);
}
