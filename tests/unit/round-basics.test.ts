import { describe, expect, it } from "vitest";
import { audiencesOverlap, describeAudience, EVERYONE, isInAudience, parseAudience } from "~/domain/audience";
import { roundStatus, scoreNameOf } from "~/domain/round-status";

const at = (iso: string) => new Date(iso);
const round = { opensAt: at("2026-03-01T08:00:00Z"), closesAt: at("2026-03-15T18:00:00Z"), closedAt: null };

describe("roundStatus", () => {
  it("is scheduled before opening, open in between, closed from the closing time", () => {
    expect(roundStatus(round, at("2026-03-01T07:59:59Z"))).toBe("scheduled");
    expect(roundStatus(round, at("2026-03-01T08:00:00Z"))).toBe("open");
    expect(roundStatus(round, at("2026-03-15T17:59:59Z"))).toBe("open");
    expect(roundStatus(round, at("2026-03-15T18:00:00Z"))).toBe("closed");
  });

  it("is closed once closed early by hand", () => {
    expect(roundStatus({ ...round, closedAt: at("2026-03-05T00:00:00Z") }, at("2026-03-06T00:00:00Z"))).toBe("closed");
  });
});

describe("scoreNameOf", () => {
  it("calls a training round's score NPS and every other round's eNPS", () => {
    expect(["TRAINING_PRE", "TRAINING_POST", "TRAINING_FOLLOWUP"].map(scoreNameOf)).toEqual(["NPS", "NPS", "NPS"]);
    expect(["PERIODIC", "PULSE"].map(scoreNameOf)).toEqual(["eNPS", "eNPS"]);
  });
});

describe("audience", () => {
  const person = { departmentId: "sales", roleId: "rep" };

  it("takes everyone when nothing is chosen", () => {
    expect(isInAudience(EVERYONE, person)).toBe(true);
  });

  it("takes chosen departments, chosen roles, or both", () => {
    expect(isInAudience({ departmentIds: ["sales", "ops"], roleIds: [] }, person)).toBe(true);
    expect(isInAudience({ departmentIds: ["ops"], roleIds: [] }, person)).toBe(false);
    expect(isInAudience({ departmentIds: [], roleIds: ["rep"] }, person)).toBe(true);
    expect(isInAudience({ departmentIds: ["sales"], roleIds: ["lead"] }, person)).toBe(false);
  });

  it("reads the stored JSON and refuses a malformed one", () => {
    expect(parseAudience('{"departmentIds":["a"]}')).toEqual({ departmentIds: ["a"], roleIds: [] });
    expect(() => parseAudience('{"departmentIds":[1]}')).toThrow();
  });

  it("overlaps another when someone could be in both", () => {
    expect(audiencesOverlap(EVERYONE, { departmentIds: ["sales"], roleIds: ["rep"] })).toBe(true);
    expect(audiencesOverlap({ departmentIds: ["sales"], roleIds: [] }, { departmentIds: ["ops"], roleIds: [] })).toBe(
      false,
    );
    expect(
      audiencesOverlap({ departmentIds: ["sales", "ops"], roleIds: [] }, { departmentIds: ["ops"], roleIds: ["rep"] }),
    ).toBe(true);
    expect(
      audiencesOverlap({ departmentIds: ["sales"], roleIds: ["lead"] }, { departmentIds: [], roleIds: ["rep"] }),
    ).toBe(false);
    expect(audiencesOverlap({ departmentIds: [], roleIds: ["rep"] }, { departmentIds: ["ops"], roleIds: [] })).toBe(
      true,
    );
  });

  it("is described in words, capitalised, singular or plural", () => {
    expect(describeAudience({ departments: [], roles: [] })).toBe("Everyone in the directory");
    expect(describeAudience({ departments: ["Marketing", "Sales"], roles: [] })).toBe("Departments: Marketing, Sales");
    expect(describeAudience({ departments: ["Sales"], roles: ["Engineer", "Lead"] })).toBe(
      "Department: Sales. Roles: Engineer, Lead",
    );
    expect(describeAudience({ departments: [], roles: ["Lead"] })).toBe("Role: Lead");
  });
});
