import { z } from "zod";
import { HR_LOCALE, plural } from "./plural";

/**
 * Who a round (or a schedule's rounds) goes to: chosen departments and/or roles; both lists
 * empty means everyone. A person is in the audience when their department is among the chosen
 * departments (or none were chosen) and their role among the chosen roles (or none were).
 */
export const audienceSchema = z.object({
  departmentIds: z.array(z.string().min(1)).default([]),
  roleIds: z.array(z.string().min(1)).default([]),
});

export type Audience = z.infer<typeof audienceSchema>;

export const EVERYONE: Audience = { departmentIds: [], roleIds: [] };

export function parseAudience(json: string): Audience {
  return audienceSchema.parse(JSON.parse(json));
}

export function isInAudience(audience: Audience, person: { departmentId: string; roleId: string }): boolean {
  const departmentOk = audience.departmentIds.length === 0 || audience.departmentIds.includes(person.departmentId);
  const roleOk = audience.roleIds.length === 0 || audience.roleIds.includes(person.roleId);
  return departmentOk && roleOk;
}

/** "Everyone in the directory", or "Departments: Sales, Support. Role: Engineer", for pages. */
export function describeAudience(names: { departments: readonly string[]; roles: readonly string[] }): string {
  const list = (one: string, other: string, items: readonly string[]) =>
    items.length === 0 ? "" : `${plural(HR_LOCALE, items.length, { one, other })}: ${items.join(", ")}`;
  const parts = [list("Department", "Departments", names.departments), list("Role", "Roles", names.roles)].filter(
    Boolean,
  );
  return parts.length === 0 ? "Everyone in the directory" : parts.join(". ");
}

/**
 * Whether someone could be in both audiences: their departments meet (or one takes every
 * department) and their roles meet (or one takes every role).
 */
export function audiencesOverlap(a: Audience, b: Audience): boolean {
  const meet = (x: string[], y: string[]) => x.length === 0 || y.length === 0 || x.some((id) => y.includes(id));
  return meet(a.departmentIds, b.departmentIds) && meet(a.roleIds, b.roleIds);
}
