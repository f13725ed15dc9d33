import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "~/domain/import-columns";
import { IMPORT_MAX_ROWS, planPeopleImport, readPeopleCsv, quotedNames } from "~/domain/people-import";

describe("readPeopleCsv", () => {
  it("matches headers in any case and order and ignores extra columns", () => {
    const { rows, errors } = readPeopleCsv(
      "Role;EMAIL;Employee ID;Name;Department\nEngineer;Ada@Example.com;77;Ada Lovelace;R&D\n",
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: "ada@example.com", name: "Ada Lovelace", department: "R&D", role: "Engineer" },
    ]);
  });

  it("reads headers written with hyphens, underscores or spaces, as German and SAP exports do", () => {
    const { rows, errors } = readPeopleCsv("E-Mail;Name;Department;Role\nada@example.com;Ada;R&D;Engineer\n");
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ email: "ada@example.com", name: "Ada" });
    expect(readPeopleCsv("e_mail, Name ,DEPARTMENT,role\nb@x.io,B,D,R\n").errors).toEqual([]);
  });

  it("skips the empty rows a spreadsheet leaves at the end, and keeps the line numbers", () => {
    const { rows, errors } = readPeopleCsv('email;name;department;role\r\n;;;\r\na@x.io;A;D;R\r\n;;;\r\n"";"";;\r\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 3, email: "a@x.io", name: "A", department: "D", role: "R" }]);
    expect(readPeopleCsv("email,name,department,role\n,,,\n").errors[0].message).toBe("The file has no people in it.");
  });

  it("names a header without the columns needed as the file's problem, with suggestions and its first lines", () => {
    const { rows, errors, header } = readPeopleCsv("email,name\na@b.co,A\n");
    expect(rows).toEqual([]);
    expect(errors).toEqual([]);
    expect(header).toEqual({
      message:
        'The file\'s first line names its columns "email", "name": none of them is called department, role, so say which column holds what.',
      headers: ["email", "name"],
      suggested: { email: "email", name: "name" },
      preview: [["a@b.co", "A"]],
    });
  });

  it("reads a Workday-style export through the columns HR chose", () => {
    const csv =
      "Worker ID,Full Name,Work Email,Supervisory Organization,Job Profile\n" +
      "W-1,Ana Kowalska,ana@x.io,Finance,Analyst\nW-2,Ben Ito,ben@x.io,Sales,Lead\n";
    const first = readPeopleCsv(csv);
    expect(first.header?.suggested).toEqual({
      email: "Work Email",
      name: "Full Name",
      department: "Supervisory Organization",
      role: "Job Profile",
    });
    const mapped = readPeopleCsv(csv, first.header!.suggested as ColumnMapping);
    expect(mapped.header).toBeUndefined();
    expect(mapped.rows).toEqual([
      { line: 2, email: "ana@x.io", name: "Ana Kowalska", department: "Finance", role: "Analyst" },
      { line: 3, email: "ben@x.io", name: "Ben Ito", department: "Sales", role: "Lead" },
    ]);
    // A remembered choice that does not fit another file's columns is not used for it.
    expect(
      readPeopleCsv("email,name,department,role\na@x.io,A,D,R\n", first.header!.suggested as ColumnMapping).rows,
    ).toHaveLength(1);
  });

  it("refuses an empty file and a file with only a header", () => {
    expect(readPeopleCsv("").errors[0].message).toBe("The file is empty.");
    expect(readPeopleCsv("email,name,department,role\n").errors[0].message).toBe("The file has no people in it.");
  });

  it("reports every bad line with its number and reason", () => {
    const csv = [
      "email,name,department,role",
      "good@example.com,Good,Sales,Rep",
      "not-an-email,Bad Mail,Sales,Rep",
      "empty@example.com,,Sales,Rep",
      "nodept@example.com,No Dept,,Rep",
      "good@example.com,Again,Sales,Rep",
    ].join("\n");
    const { errors } = readPeopleCsv(csv);
    expect(errors).toEqual([
      { line: 3, message: "Enter a valid e-mail address, like name@example.com." },
      { line: 4, message: "Name is required." },
      { line: 5, message: "Department is required." },
      { line: 6, message: "The e-mail good@example.com is also on line 2." },
    ]);
  });

  it("treats e-mails that differ only in case as the same person", () => {
    const { errors } = readPeopleCsv("email,name,department,role\nA@x.io,A,D,R\na@X.IO,B,D,R\n");
    expect(errors).toEqual([{ line: 3, message: "The e-mail a@x.io is also on line 2." }]);
  });

  it("reports an unclosed quote instead of guessing", () => {
    const { errors } = readPeopleCsv('email,name,department,role\na@b.co,"Open,D,R\n');
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining("never closed") }]);
  });

  it("lists every line with bad quoting and reads the good ones", () => {
    const { rows, errors } = readPeopleCsv(
      'email,name,department,role\n"a@x.io"b,Ann,Sales,Rep\nb@x.io,Bo,Sales,Rep\nc@x.io,"Cy" Doe,Sales,Rep\n',
    );
    expect(errors).toEqual([
      { line: 2, message: 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.' },
      { line: 4, message: 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.' },
    ]);
    expect(rows.map((row) => row.email)).toEqual(["b@x.io"]);
  });

  it("refuses a header with bad quoting", () => {
    expect(readPeopleCsv('"email"x,name,department,role\na@x.io,Ann,Sales,Rep\n').errors).toEqual([
      { line: 1, message: 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.' },
    ]);
  });

  it("refuses names longer than 120 characters", () => {
    const { errors } = readPeopleCsv(`email,name,department,role\na@b.co,${"x".repeat(121)},D,R\n`);
    expect(errors[0]).toEqual({ line: 2, message: "Name must be at most 120 characters." });
  });

  it("refuses files over the row limit", () => {
    const body = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@x.io,P,D,R`).join("\n");
    const { errors } = readPeopleCsv(`email,name,department,role\n${body}`);
    expect(errors[0].message).toContain(`at most ${IMPORT_MAX_ROWS}`);
  });
});

describe("planPeopleImport", () => {
  const directory = {
    departments: [
      { id: "d1", name: "Sales", active: true },
      { id: "d2", name: "Closed Dept", active: false },
    ],
    roles: [
      { id: "r1", name: "Rep", active: true },
      { id: "r2", name: "Closed Role", active: false },
    ],
    people: [
      { email: "kept@x.io", name: "Kept", departmentId: "d1", roleId: "r1" },
      { email: "stayer@x.io", name: "Stayer", departmentId: "d2", roleId: "r2" },
    ],
  };
  const row = (email: string, name: string, department: string, role: string, line = 2) => ({
    line,
    email,
    name,
    department,
    role,
  });

  it("leaves people who are already as in the file alone", () => {
    const plan = planPeopleImport([row("kept@x.io", "Kept", "Sales", "Rep")], directory);
    expect(plan).toMatchObject({ creates: [], updates: [], unchanged: 1, newDepartments: [], newRoles: [] });
  });

  it("matches department and role names whatever their case", () => {
    const plan = planPeopleImport([row("kept@x.io", "Kept", "SALES", "rep")], directory);
    expect(plan.unchanged).toBe(1);
  });

  it("updates a person whose name, department or role changed", () => {
    const plan = planPeopleImport([row("kept@x.io", "Kept Renamed", "Sales", "Rep")], directory);
    expect(plan.updates).toHaveLength(1);
    const moved = planPeopleImport([row("kept@x.io", "Kept", "Finance", "Rep")], directory);
    expect(moved.updates[0].department).toEqual({ newName: "Finance" });
  });

  it("creates each new department and role once, with the first spelling seen", () => {
    const plan = planPeopleImport(
      [row("a@x.io", "A", "Finance", "Analyst"), row("b@x.io", "B", "finance", "ANALYST", 3)],
      directory,
    );
    expect(plan.newDepartments).toEqual(["Finance"]);
    expect(plan.newRoles).toEqual(["Analyst"]);
    expect(plan.creates.map((c) => c.department)).toEqual([{ newName: "Finance" }, { newName: "Finance" }]);
  });

  it("puts nobody new into a deactivated department or role, and says which line", () => {
    const plan = planPeopleImport(
      [row("new@x.io", "New", "closed dept", "Rep"), row("kept@x.io", "Kept", "Sales", "Closed Role", 3)],
      directory,
    );
    expect(plan.errors).toEqual([
      { line: 2, message: expect.stringContaining('The department "Closed Dept" is inactive') },
      { line: 3, message: expect.stringContaining('The role "Closed Role" is inactive') },
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  it("lets someone already in a deactivated department or role stay there", () => {
    const plan = planPeopleImport([row("stayer@x.io", "Stayer Renamed", "Closed Dept", "Closed Role")], directory);
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toHaveLength(1);
  });
});

describe("quotedNames", () => {
  it("quotes each name, so a name with a comma reads as one", () => {
    expect(quotedNames(["R&D, Labs", "Sales"])).toBe('"R&D, Labs", "Sales"');
    expect(quotedNames([])).toBe("");
  });
});
