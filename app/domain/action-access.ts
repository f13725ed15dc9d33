import type { UserRole } from "./user-roles";

/**
 * Who may do what with an action item. HR admins act on every item, a manager on the items of
 * their own department, a trainer on the items of the trainings they run. An owner outside that
 * scope may still follow their own item: read it and add progress notes.
 */

export interface ActionViewer {
  id: string;
  role: UserRole;
  departmentId: string | null;
}

/** What decides access to an item: its owner, department and the trainer of its training. */
export interface ActionScope {
  ownerId: string;
  departmentId: string | null;
  trainerId: string | null;
}

/** manage: edit, add notes; follow: read and add notes; none: 403. */
export type ActionAccess = "manage" | "follow" | "none";

function inScope(viewer: ActionViewer, scope: Omit<ActionScope, "ownerId">): boolean {
  switch (viewer.role) {
    case "ADMIN":
      return true;
    case "MANAGER":
      return viewer.departmentId !== null && scope.departmentId === viewer.departmentId;
    case "TRAINER":
      return scope.trainerId === viewer.id;
  }
}

export function actionAccess(viewer: ActionViewer, scope: ActionScope): ActionAccess {
  if (inScope(viewer, scope)) return "manage";
  return scope.ownerId === viewer.id ? "follow" : "none";
}

/**
 * Whether the viewer may create an item with this department and training, or move an item
 * there: managers only in their department, trainers only for their trainings.
 */
export function mayPlaceAction(viewer: ActionViewer, scope: Omit<ActionScope, "ownerId">): boolean {
  return inScope(viewer, scope);
}

/** "You said, we did" speaks for the company, so HR decides what employees see there. */
export function mayPublishActions(viewer: ActionViewer): boolean {
  return viewer.role === "ADMIN";
}

/** Only HR sends everyone's digests by hand; the mail goes to owners across the company. */
export function maySendDigests(viewer: ActionViewer): boolean {
  return viewer.role === "ADMIN";
}
