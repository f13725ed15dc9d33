import { describe, expect, it } from "vitest";
import {
  actionAccess,
  mayPlaceAction,
  mayPublishActions,
  maySendDigests,
  type ActionViewer,
} from "~/domain/action-access";

const admin: ActionViewer = { id: "admin", role: "ADMIN", departmentId: null };
const manager: ActionViewer = { id: "manager", role: "MANAGER", departmentId: "sales" };
const managerWithoutDepartment: ActionViewer = { id: "lost", role: "MANAGER", departmentId: null };
const trainer: ActionViewer = { id: "trainer", role: "TRAINER", departmentId: null };

const salesItem = { ownerId: "someone", departmentId: "sales", trainerId: null };
const financeItem = { ownerId: "someone", departmentId: "finance", trainerId: null };
const trainingItem = { ownerId: "someone", departmentId: null, trainerId: "trainer" };
const otherTrainingItem = { ownerId: "someone", departmentId: null, trainerId: "another-trainer" };
const unscoped = { ownerId: "someone", departmentId: null, trainerId: null };

describe("actionAccess", () => {
  it.each([
    ["admin", admin, [salesItem, financeItem, trainingItem, otherTrainingItem, unscoped], "manage"],
    ["a manager, own department", manager, [salesItem], "manage"],
    ["a manager, other departments and no department", manager, [financeItem, trainingItem, unscoped], "none"],
    ["a manager without a department", managerWithoutDepartment, [salesItem, unscoped], "none"],
    ["a trainer, own training", trainer, [trainingItem], "manage"],
    ["a trainer, anything else", trainer, [otherTrainingItem, salesItem, unscoped], "none"],
  ] as const)("%s", (_name, viewer, scopes, expected) => {
    for (const scope of scopes) expect(actionAccess(viewer, scope)).toBe(expected);
  });

  it("lets owners outside the scope follow their own items, and no more", () => {
    expect(actionAccess(manager, { ...financeItem, ownerId: "manager" })).toBe("follow");
    expect(actionAccess(trainer, { ...otherTrainingItem, ownerId: "trainer" })).toBe("follow");
    expect(actionAccess(manager, { ...salesItem, ownerId: "manager" })).toBe("manage");
  });
});

describe("placing an item", () => {
  it("allows managers only their department and trainers only their trainings", () => {
    expect(mayPlaceAction(admin, { departmentId: null, trainerId: null })).toBe(true);
    expect(mayPlaceAction(manager, { departmentId: "sales", trainerId: "another-trainer" })).toBe(true);
    expect(mayPlaceAction(manager, { departmentId: "finance", trainerId: null })).toBe(false);
    expect(mayPlaceAction(manager, { departmentId: null, trainerId: null })).toBe(false);
    expect(mayPlaceAction(managerWithoutDepartment, { departmentId: null, trainerId: null })).toBe(false);
    expect(mayPlaceAction(trainer, { departmentId: "finance", trainerId: "trainer" })).toBe(true);
    expect(mayPlaceAction(trainer, { departmentId: null, trainerId: "another-trainer" })).toBe(false);
  });

  it("leaves publishing and company-wide digests to HR", () => {
    expect([admin, manager, trainer].map(mayPublishActions)).toEqual([true, false, false]);
    expect([admin, manager, trainer].map(maySendDigests)).toEqual([true, false, false]);
  });
});
