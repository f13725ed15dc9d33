import type { UserRole } from "~/domain/user-roles";
import { COMMAND_LINE } from "~/models/audit.server";
import { createUser, type SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export const TEST_PASSWORD = "correct horse battery";

/** A login; a browser test names it (e-mail, name, password) to sign in as it. */
export async function makeUser(
  role: UserRole = "ADMIN",
  departmentId = "",
  login: { email?: string; name?: string; password?: string } = {},
): Promise<SessionUser> {
  const name = login.name ?? unique(role.toLowerCase());
  return createUser(COMMAND_LINE, {
    email: login.email ?? `${name}@example.test`,
    name,
    role,
    departmentId,
    password: login.password ?? TEST_PASSWORD,
  });
}

export async function makeDepartment(name = unique("Department")) {
  return prisma.department.create({ data: { name }, select: { id: true, name: true } });
}

export async function makeRole(name = unique("Role")) {
  return prisma.role.create({ data: { name }, select: { id: true, name: true } });
}

export async function makePerson(
  departmentId: string,
  roleId: string,
  overrides: { email?: string; name?: string } = {},
) {
  const name = overrides.name ?? unique("Person");
  return prisma.person.create({
    data: { email: overrides.email ?? `${name.toLowerCase()}@example.test`, name, departmentId, roleId },
    select: { id: true, email: true, name: true, departmentId: true, roleId: true },
  });
}

/** A small org: departments × roles with `perCell` people in each combination. */
export async function makeOrg({ departments = 2, roles = 2, perCell = 3 } = {}) {
  const ds = [];
  for (let i = 0; i < departments; i++) ds.push(await makeDepartment());
  const rs = [];
  for (let i = 0; i < roles; i++) rs.push(await makeRole());
  const people = [];
  for (const d of ds) for (const r of rs) for (let i = 0; i < perCell; i++) people.push(await makePerson(d.id, r.id));
  return { departments: ds, roles: rs, people };
}
