import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionChoices, describeAuditAction, isAuditAction } from "~/domain/audit-actions";

describe("audit actions", () => {
  it("read as plain words, and an unknown key from an older version shows as itself", () => {
    expect(describeAuditAction("round.launch")).toBe("Launched a round");
    expect(describeAuditAction("user.sign-in-failed")).toBe("Failed sign-in");
    expect(describeAuditAction("legacy.thing")).toBe("legacy.thing");
    expect(isAuditAction("toString")).toBe(false);
    expect(isAuditAction("constructor")).toBe(false);
  });

  it("offer every kind once in the filter, alphabetically by description", () => {
    const choices = auditActionChoices();
    expect(choices.map((c) => c.value).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    const labels = choices.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
