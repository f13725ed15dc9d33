import { describe, expect, it } from "vitest";
import { checkMapping, resolveColumns, suggestMapping } from "~/domain/import-columns";
import { keepUpload, keptUpload } from "~/utils/pending-uploads.server";

describe("the columns of a directory import", () => {
  it("suggests Candor's names first, then what HR systems call them, never one column twice", () => {
    expect(suggestMapping(["E-Mail", "Work Email", "Name", "Team", "Job Title"])).toEqual({
      email: "E-Mail",
      name: "Name",
      department: "Team",
      role: "Job Title",
    });
    expect(suggestMapping(["Title", "Position"])).toEqual({ role: "Position" });
    expect(suggestMapping(["Worker ID", "Hire Date"])).toEqual({});
  });

  it("uses a remembered choice only where the file has every column it names", () => {
    const workday = {
      email: "Work Email",
      name: "Full Name",
      department: "Supervisory Organization",
      role: "Job Profile",
    };
    expect(resolveColumns(["Full Name", "Work Email", "Job Profile", "Supervisory Organization"], workday)).toEqual({
      ok: true,
      index: { email: 1, name: 0, department: 3, role: 2 },
    });
    expect(resolveColumns(["Full Name", "Work Email"], workday)).toEqual({
      ok: false,
      missing: ["email", "name", "department", "role"],
    });
    expect(resolveColumns(["email", "NAME", "Department", "role"], workday)).toMatchObject({ ok: true });
  });

  it("refuses a choice that leaves a column out, names one not in the file, or takes one twice", () => {
    const headers = ["A", "B", "C", "D"];
    expect(checkMapping({ email: "A", name: "B", department: "C", role: "D" }, headers)).toEqual({
      ok: true,
      mapping: { email: "A", name: "B", department: "C", role: "D" },
    });
    expect(checkMapping({ email: "A", name: "A", department: "Z" }, headers)).toEqual({
      ok: false,
      errors: {
        name: '"A" is already chosen for e-mail.',
        department: "Choose the column that holds each person's department.",
        role: "Choose the column that holds each person's role.",
      },
    });
  });

  it("keeps an upload for the one who sent it, for half an hour", () => {
    const start = Date.now();
    const id = keepUpload("hr-1", "people.csv", "email,name", start);
    expect(keptUpload("hr-1", id, start + 29 * 60_000)).toEqual({ name: "people.csv", text: "email,name" });
    expect(keptUpload("hr-2", id, start)).toBeNull();
    expect(keptUpload("hr-1", id, start + 31 * 60_000)).toBeNull();
  });
});
