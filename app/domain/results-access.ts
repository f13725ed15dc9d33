import { cellKey, departmentKey, OVERALL_KEY, roleKey, type GroupKind } from "./anonymity";
import type { UserRole } from "./user-roles";

/**
 * Who may see which results. HR admins see every round and group. A trainer sees the rounds of
 * the trainings they run. A manager sees the rounds their department takes part in, and of
 * those only their department and its cells: never the whole round, a role across departments,
 * or another department. Who takes part is decided by the rounds module (maySeeRound); this
 * module only applies the answer.
 */

export interface ResultsViewer {
  id: string;
  role: UserRole;
  departmentId: string | null;
}

/** What decides whether a viewer may open a round's results. */
export interface RoundScope {
  /** The trainer of the round's training; null for a round that is not a training's. */
  trainerId: string | null;
  /** Whether the round's audience includes the viewer's department (asked only for managers). */
  audienceIncludesViewer: () => Promise<boolean>;
}

export async function mayViewRound(viewer: ResultsViewer, scope: RoundScope): Promise<boolean> {
  switch (viewer.role) {
    case "ADMIN":
      return true;
    case "TRAINER":
      return scope.trainerId !== null && scope.trainerId === viewer.id;
    case "MANAGER":
      return viewer.departmentId !== null && (await scope.audienceIncludesViewer());
  }
}

/** Whether the viewer may see this group of a round they may view. */
export function groupInScope(viewer: ResultsViewer, group: { kind: GroupKind; departmentId: string | null }): boolean {
  if (viewer.role !== "MANAGER") return true;
  return (
    (group.kind === "department" || group.kind === "cell") &&
    viewer.departmentId !== null &&
    group.departmentId === viewer.departmentId
  );
}

/** A group named by department and/or role; neither names the whole round. */
export interface GroupRef {
  departmentId?: string | null;
  roleId?: string | null;
}

export function groupKeyOf(ref: GroupRef): string {
  if (ref.departmentId && ref.roleId) return cellKey(ref.departmentId, ref.roleId);
  if (ref.departmentId) return departmentKey(ref.departmentId);
  if (ref.roleId) return roleKey(ref.roleId);
  return OVERALL_KEY;
}

export function groupKindOf(ref: GroupRef): GroupKind {
  if (ref.departmentId && ref.roleId) return "cell";
  if (ref.departmentId) return "department";
  return ref.roleId ? "role" : "overall";
}

/**
 * Whether the viewer may follow a group over the periodic rounds (trends): an admin any group,
 * a manager their own department as a whole, a trainer none (trainings have their own pages).
 */
export function mayFollowGroup(viewer: ResultsViewer, ref: GroupRef): boolean {
  switch (viewer.role) {
    case "ADMIN":
      return true;
    case "MANAGER":
      return viewer.departmentId !== null && ref.departmentId === viewer.departmentId && !ref.roleId;
    case "TRAINER":
      return false;
  }
}

/** Comment exports carry every listable comment of a round: HR admins only. */
export function mayExportComments(viewer: ResultsViewer): boolean {
  return viewer.role === "ADMIN";
}
