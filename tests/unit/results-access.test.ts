import { describe, expect, it } from "vitest";
import { cellKey, departmentKey, OVERALL_KEY, roleKey, type GroupKind } from "~/domain/anonymity";
import {
  groupInScope,
  groupKeyOf,
  groupKindOf,
  mayExportComments,
  mayFollowGroup,
  mayViewRound,
  type GroupRef,
  type ResultsViewer,
  type RoundScope,
} from "~/domain/results-access";
import { USER_ROLES } from "~/domain/user-roles";

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };
const adminInSales: ResultsViewer = { id: "admin-sales", role: "ADMIN", departmentId: "sales" };
const manager: ResultsViewer = { id: "manager", role: "MANAGER", departmentId: "sales" };
const managerWithoutDepartment: ResultsViewer = { id: "lost", role: "MANAGER", departmentId: null };
const trainer: ResultsViewer = { id: "trainer", role: "TRAINER", departmentId: null };
const trainerInSales: ResultsViewer = { id: "trainer-sales", role: "TRAINER", departmentId: "sales" };

const viewers = [admin, adminInSales, manager, managerWithoutDepartment, trainer, trainerInSales];

function scope(trainerId: string | null, audienceIncludesViewer: boolean) {
  let asked = 0;
  const roundScope: RoundScope = {
    trainerId,
    audienceIncludesViewer: async () => {
      asked += 1;
      return audienceIncludesViewer;
    },
  };
  return { roundScope, asked: () => asked };
}

describe("mayViewRound", () => {
  // [viewer, the round's trainer, audience includes the viewer's department, may view]
  const cases: [ResultsViewer, string | null, boolean, boolean][] = [];
  for (const trainerId of [null, "trainer", "someone-else"]) {
    for (const audience of [true, false]) {
      cases.push([admin, trainerId, audience, true]);
      cases.push([adminInSales, trainerId, audience, true]);
      cases.push([manager, trainerId, audience, audience]);
      cases.push([managerWithoutDepartment, trainerId, audience, false]);
      cases.push([trainer, trainerId, audience, trainerId === "trainer"]);
      cases.push([trainerInSales, trainerId, audience, false]);
    }
  }

  it.each(cases)("%o, trainer %s, audience includes them %s: %s", async (viewer, trainerId, audience, expected) => {
    expect(await mayViewRound(viewer, scope(trainerId, audience).roundScope)).toBe(expected);
  });

  it("lets a trainer open only the rounds of the trainings they run, whatever the audience", async () => {
    expect(await mayViewRound(trainer, scope("trainer", false).roundScope)).toBe(true);
    expect(await mayViewRound(trainer, scope("someone-else", true).roundScope)).toBe(false);
    expect(await mayViewRound(trainer, scope(null, true).roundScope)).toBe(false);
  });

  it("asks about the audience for managers only, and not for a manager without a department", async () => {
    for (const viewer of viewers) {
      const probe = scope(null, true);
      await mayViewRound(viewer, probe.roundScope);
      expect(probe.asked()).toBe(viewer === manager ? 1 : 0);
    }
  });
});

describe("groupInScope", () => {
  const kinds: GroupKind[] = ["overall", "department", "role", "cell"];
  const departments = ["sales", "finance", null];

  it("lets admins and trainers see every group of a round they may view", () => {
    for (const viewer of [admin, adminInSales, trainer, trainerInSales]) {
      for (const kind of kinds) {
        for (const departmentId of departments) expect(groupInScope(viewer, { kind, departmentId })).toBe(true);
      }
    }
  });

  it.each([
    ["overall", null, false],
    ["overall", "sales", false],
    ["department", "sales", true],
    ["department", "finance", false],
    ["department", null, false],
    ["role", null, false],
    ["role", "sales", false],
    ["cell", "sales", true],
    ["cell", "finance", false],
    ["cell", null, false],
  ] as const)("a manager of sales, %s group of %s: %s", (kind, departmentId, expected) => {
    expect(groupInScope(manager, { kind, departmentId })).toBe(expected);
  });

  it("shows a manager without a department no group at all", () => {
    for (const kind of kinds) {
      for (const departmentId of departments) {
        expect(groupInScope(managerWithoutDepartment, { kind, departmentId })).toBe(false);
      }
    }
  });
});

describe("mayFollowGroup", () => {
  const refs: [string, GroupRef][] = [
    ["the whole round", {}],
    ["own department", { departmentId: "sales" }],
    ["own department + a role", { departmentId: "sales", roleId: "engineer" }],
    ["another department", { departmentId: "finance" }],
    ["another department + a role", { departmentId: "finance", roleId: "engineer" }],
    ["a role across departments", { roleId: "engineer" }],
    ["nulls for both", { departmentId: null, roleId: null }],
  ];

  it.each(refs)("lets an admin follow %s", (_name, ref) => {
    expect(mayFollowGroup(admin, ref)).toBe(true);
    expect(mayFollowGroup(adminInSales, ref)).toBe(true);
  });

  it.each(refs)("never lets a trainer follow %s", (_name, ref) => {
    expect(mayFollowGroup(trainer, ref)).toBe(false);
    expect(mayFollowGroup(trainerInSales, ref)).toBe(false);
  });

  it.each(refs)("lets a manager follow %s only when it is their own department as a whole", (name, ref) => {
    expect(mayFollowGroup(manager, ref)).toBe(name === "own department");
  });

  it("refuses a manager their own department narrowed to a role: that is a cell, not their department", () => {
    expect(mayFollowGroup(manager, { departmentId: "sales", roleId: "engineer" })).toBe(false);
    expect(mayFollowGroup(manager, { departmentId: "sales", roleId: null })).toBe(true);
  });

  it.each(refs)("refuses a manager without a department %s", (_name, ref) => {
    expect(mayFollowGroup(managerWithoutDepartment, ref)).toBe(false);
  });
});

describe("mayExportComments", () => {
  it("lets HR admins alone export comments", () => {
    for (const role of USER_ROLES) {
      expect(mayExportComments({ id: "x", role, departmentId: "sales" })).toBe(role === "ADMIN");
    }
  });
});

describe("naming a group", () => {
  it.each([
    [{}, "overall", OVERALL_KEY],
    [{ departmentId: null, roleId: null }, "overall", OVERALL_KEY],
    [{ departmentId: "sales" }, "department", departmentKey("sales")],
    [{ roleId: "engineer" }, "role", roleKey("engineer")],
    [{ departmentId: "sales", roleId: "engineer" }, "cell", cellKey("sales", "engineer")],
    [{ departmentId: "", roleId: "engineer" }, "role", roleKey("engineer")],
  ] as [GroupRef, GroupKind, string][])("%o is the %s group %s", (ref, kind, key) => {
    expect(groupKindOf(ref)).toBe(kind);
    expect(groupKeyOf(ref)).toBe(key);
  });
});
