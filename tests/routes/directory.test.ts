import { describe, expect, it } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { importPeople } from "~/models/people.server";
import { getImportColumns } from "~/models/settings.server";
import * as audit from "~/routes/hr.audit";
import * as departments from "~/routes/hr.departments";
import * as importRoute from "~/routes/hr.import";
import * as editPerson from "~/routes/hr.people.$personId";
import * as peopleList from "~/routes/hr.people._index";
import * as newPerson from "~/routes/hr.people.new";
import * as roles from "~/routes/hr.roles";
import * as users from "~/routes/hr.users._index";
import * as newUser from "~/routes/hr.users.new";
import { prisma } from "~/utils/db.server";
import { MAX_UPLOAD_BYTES } from "~/utils/upload.server";
import { makeDepartment, makePerson, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";

async function uploadRequest(admin: { id: string }, csv: string | Uint8Array<ArrayBuffer>, name = "people.csv") {
  const form = new FormData();
  form.append("file", new File([csv], name, { type: "text/csv" }));
  return makeRequest("/hr/import", { as: admin, form });
}

describe("people", () => {
  it("adds a person and lists them", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment("Logistics"), await makeRole("Driver")];
    const added = await call(
      newPerson.action,
      await makeRequest("/hr/people/new", {
        as: admin,
        form: { intent: "save", name: "  Iva Petrova ", email: "Iva@Example.com", departmentId: d.id, roleId: r.id },
      }),
    );
    expect(added.status).toBe(302);
    const listed = await call(peopleList.loader, await makeRequest("/hr/people?q=iva", { as: admin }));
    expect(listed.data.people).toEqual([
      expect.objectContaining({
        name: "Iva Petrova",
        email: "iva@example.com",
        department: { name: "Logistics" },
        role: { name: "Driver" },
      }),
    ]);
  });

  it("finds an e-mail with an underscore as typed, not reading _ or % as wildcards", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    await makePerson(d.id, r.id, { email: "j_smith@wild.example", name: "Jo Smith" });
    await makePerson(d.id, r.id, { email: "jasmith@wild.example", name: "Jay Smith" });
    await makePerson(d.id, r.id, { email: "pct@wild.example", name: "Top 5% Seller" });
    const search = async (q: string) => {
      const listed = await call(
        peopleList.loader,
        await makeRequest(`/hr/people?q=${encodeURIComponent(q)}`, { as: admin }),
      );
      return listed.data.people.map((p: { email: string }) => p.email);
    };
    expect(await search("J_SMITH")).toEqual(["j_smith@wild.example"]);
    expect(await search("5%")).toEqual(["pct@wild.example"]);
    expect(await search("_")).toEqual(["j_smith@wild.example"]);
    expect(await search("jasmith")).toEqual(["jasmith@wild.example"]);
  });

  it("refuses an empty name and a bad e-mail with a message per field, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    const before = await prisma.person.count();
    const result = await call(
      newPerson.action,
      await makeRequest("/hr/people/new", {
        as: admin,
        form: { intent: "save", name: "   ", email: "nope", departmentId: d.id, roleId: r.id },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      name: "Name is required.",
      email: "Enter a valid e-mail address, like name@example.com.",
    });
    expect(result.data.values).toMatchObject({ email: "nope" });
    expect(await prisma.person.count()).toBe(before);
  });

  it("refuses a duplicate e-mail with 409, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    await makePerson(d.id, r.id, { email: "taken@example.com" });
    const before = await prisma.person.count();
    const result = await call(
      newPerson.action,
      await makeRequest("/hr/people/new", {
        as: admin,
        form: { intent: "save", name: "Other", email: "TAKEN@example.com", departmentId: d.id, roleId: r.id },
      }),
    );
    expect(result.status).toBe(409);
    expect(result.data.errors.email).toBe("Someone in the directory already has the e-mail taken@example.com.");
    expect(await prisma.person.count()).toBe(before);
  });

  it("refuses to put someone in a deactivated department", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    await prisma.department.update({ where: { id: d.id }, data: { active: false } });
    const result = await call(
      newPerson.action,
      await makeRequest("/hr/people/new", {
        as: admin,
        form: { intent: "save", name: "X", email: "x@example.com", departmentId: d.id, roleId: r.id },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors.form).toBe("Choose an active department.");
  });

  it("edits and deactivates a person, and logs both", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    const person = await makePerson(d.id, r.id);
    const params = { personId: person.id };
    const saved = await call(
      editPerson.action,
      await makeRequest(`/hr/people/${person.id}`, {
        as: admin,
        form: { intent: "save", name: "New Name", email: person.email, departmentId: d.id, roleId: r.id },
      }),
      params,
    );
    expect(saved.status).toBe(302);
    await call(
      editPerson.action,
      await makeRequest(`/hr/people/${person.id}`, { as: admin, form: { intent: "deactivate" } }),
      params,
    );
    const stored = await prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored).toMatchObject({ name: "New Name", active: false });
    const actions = (await prisma.auditLog.findMany({ where: { target: person.email } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["person.update", "person.deactivate"]));
  });

  it("answers 404 for an unknown or malformed person id", async () => {
    const admin = await makeUser("ADMIN");
    expect(
      (await call(editPerson.loader, await makeRequest("/hr/people/x", { as: admin }), { personId: "missing" })).status,
    ).toBe(404);
    expect(
      (await call(editPerson.loader, await makeRequest("/hr/people/x", { as: admin }), { personId: "../etc" })).status,
    ).toBe(404);
  });
});

describe("departments and roles", () => {
  it("creates, renames and deactivates a department", async () => {
    const admin = await makeUser("ADMIN");
    const send = async (form: Record<string, string>) =>
      call(departments.action, await makeRequest("/hr/departments", { as: admin, form }));
    expect((await send({ intent: "create", name: "Research" })).status).toBe(302);
    const research = await prisma.department.findUniqueOrThrow({ where: { name: "Research" } });
    expect((await send({ intent: "rename", id: research.id, name: "R&D" })).status).toBe(302);
    expect((await send({ intent: "deactivate", id: research.id })).status).toBe(302);
    expect(await prisma.department.findUniqueOrThrow({ where: { id: research.id } })).toMatchObject({
      name: "R&D",
      active: false,
    });
  });

  it("refuses a duplicate name whatever its case, and an empty one", async () => {
    const admin = await makeUser("ADMIN");
    await makeDepartment("Finance");
    const send = async (form: Record<string, string>) =>
      call(departments.action, await makeRequest("/hr/departments", { as: admin, form }));
    const duplicate = await send({ intent: "create", name: "finance" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.data.errors.name).toBe('There is already a department called "Finance".');
    const empty = await send({ intent: "create", name: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors.name).toBe("The department name is required.");
    expect(await prisma.department.count({ where: { name: { in: ["finance", ""] } } })).toBe(0);
  });

  it("answers 404 for an unknown id and 400 for an unknown intent", async () => {
    const admin = await makeUser("ADMIN");
    const d = await makeDepartment();
    expect(
      (
        await call(
          departments.action,
          await makeRequest("/hr/departments", { as: admin, form: { intent: "rename", id: "nope", name: "X" } }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          departments.action,
          await makeRequest("/hr/departments", { as: admin, form: { intent: "explode", id: d.id } }),
        )
      ).status,
    ).toBe(400);
  });
});

describe("CSV import page", () => {
  it("imports a valid file and reports what changed", async () => {
    const admin = await makeUser("ADMIN");
    const result = await call(
      importRoute.action,
      await uploadRequest(admin, "email;name;department;role\na@imp.io;A;Imp;Dev\n"),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true, file: "people.csv", summary: { created: 1 } });
  });

  it("asks which column is which in a Workday-style export, remembers the choice, and uses it next time", async () => {
    const admin = await makeUser("ADMIN");
    const csv = (email: string) =>
      `Worker ID,Full Name,Work Email,Supervisory Organization,Job Profile\nW-1,Ana Kowalska,${email},Finance WD,Analyst WD\n`;
    const before = await prisma.person.count();
    const asked = await call(importRoute.action, await uploadRequest(admin, csv("ana@wd.io")));
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({
      stage: "map",
      file: "people.csv",
      chosen: { email: "Work Email", name: "Full Name", department: "Supervisory Organization", role: "Job Profile" },
      header: { preview: [["W-1", "Ana Kowalska", "ana@wd.io", "Finance WD", "Analyst WD"]] },
    });
    expect(asked.data.header.message).toMatch(/^The file's first line names its columns "Worker ID", "Full Name"/);
    expect(await prisma.person.count()).toBe(before);

    const choose = async (chosen: Record<string, string>, pending = asked.data.pending as string) =>
      call(
        importRoute.action,
        await makeRequest("/hr/import", { as: admin, form: { intent: "map", pending, ...chosen } }),
      );
    // The same column twice is refused, and nothing is stored.
    const twice = await choose({
      email: "Work Email",
      name: "Full Name",
      department: "Job Profile",
      role: "Job Profile",
    });
    expect(twice.status).toBe(400);
    expect(twice.data.errors).toEqual({ role: '"Job Profile" is already chosen for department.' });
    expect(await prisma.person.count()).toBe(before);
    // Another HR admin cannot use this upload, and a made-up one is gone.
    const colleague = await makeUser("ADMIN");
    const theirs = await call(
      importRoute.action,
      await makeRequest("/hr/import", {
        as: colleague,
        form: { intent: "map", pending: asked.data.pending, ...asked.data.chosen },
      }),
    );
    expect(theirs.status).toBe(410);
    expect(theirs.text).toBe("The file is no longer kept here (it is kept for half an hour). Choose it again.");
    expect((await choose({}, "not-a-pending-upload")).status).toBe(410);

    const imported = await choose(asked.data.chosen);
    expect(imported.status).toBe(200);
    expect(imported.data).toMatchObject({ stage: "done", ok: true, summary: { created: 1 } });
    expect(await prisma.person.findUnique({ where: { email: "ana@wd.io" }, select: { name: true } })).toEqual({
      name: "Ana Kowalska",
    });
    expect(await getImportColumns()).toEqual(asked.data.chosen);
    expect(await prisma.auditLog.count({ where: { action: "setting.import-columns" } })).toBeGreaterThan(0);
    // The upload is used up.
    expect((await choose(asked.data.chosen)).status).toBe(410);

    // The next file of the same layout imports at once, here and on the command line.
    const next = await call(importRoute.action, await uploadRequest(admin, csv("ben@wd.io")));
    expect(next.data).toMatchObject({ stage: "done", ok: true, summary: { created: 1 } });
    const cli = await importPeople(COMMAND_LINE, csv("cy@wd.io"), "nightly.csv", await getImportColumns());
    expect(cli).toMatchObject({ ok: true, summary: { created: 1 } });
  });

  it("shows every bad line of a malformed file and stores nothing", async () => {
    const admin = await makeUser("ADMIN");
    const before = await prisma.person.count();
    const result = await call(
      importRoute.action,
      await uploadRequest(admin, "email,name,department,role\nok@imp.io,Ok,D,R\nbad,,D,R\n"),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringContaining("e-mail") }] });
    expect(await prisma.person.count()).toBe(before);
  });

  it.each([
    [
      "a file that is not UTF-8",
      new Uint8Array([...new TextEncoder().encode("email,name,department,role\na@x.io,Jos"), 0xe9, 0x0a]),
      'The file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and import it again.',
    ],
    ["an empty file", "", "The file is empty."],
    ["a file of nothing but a byte-order mark and blank lines", "\uFEFF\n \n", "The file is empty."],
    [
      "a file over the size limit",
      `email,name,department,role\n${"x".repeat(MAX_UPLOAD_BYTES)}`,
      "The file is larger than 5 MB. Split it into smaller files and import each.",
    ],
  ])("refuses %s with a message for the file field, storing nothing", async (_, content, message) => {
    const admin = await makeUser("ADMIN");
    const before = await prisma.person.count();
    const result = await call(importRoute.action, await uploadRequest(admin, content));
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ stage: "upload", fileError: message });
    expect(await prisma.person.count()).toBe(before);
  });

  it("asks for a file when none was chosen, as a browser sends it or with no file part at all", async () => {
    const admin = await makeUser("ADMIN");
    const unnamed = new FormData();
    unnamed.append("file", new File([], "", { type: "application/octet-stream" }));
    for (const form of [unnamed, new FormData()]) {
      const result = await call(importRoute.action, await makeRequest("/hr/import", { as: admin, form }));
      expect(result.status).toBe(400);
      expect(result.data).toEqual({ stage: "upload", fileError: "Choose a CSV file to import." });
    }
  });

  it("tells the page the size limit", async () => {
    const admin = await makeUser("ADMIN");
    const result = await call(importRoute.loader, await makeRequest("/hr/import", { as: admin }));
    expect(result.data).toEqual({ maxSize: "5 MB" });
  });
});

describe("logins", () => {
  it("creates a manager login for a department", async () => {
    const admin = await makeUser("ADMIN");
    const d = await makeDepartment();
    const result = await call(
      newUser.action,
      await makeRequest("/hr/users/new", {
        as: admin,
        form: {
          name: "Mia",
          email: "mia@example.com",
          role: "MANAGER",
          departmentId: d.id,
          password: "long enough password",
        },
      }),
    );
    expect(result.status).toBe(302);
    const mia = await prisma.user.findUniqueOrThrow({ where: { email: "mia@example.com" } });
    expect(mia).toMatchObject({ role: "MANAGER", departmentId: d.id });
    expect(mia.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(mia.passwordHash).not.toContain("long enough password");
  });

  it("refuses a manager without a department, a short password and a duplicate e-mail", async () => {
    const admin = await makeUser("ADMIN");
    const invalid = await call(
      newUser.action,
      await makeRequest("/hr/users/new", {
        as: admin,
        form: { name: "No Dept", email: "nd@example.com", role: "MANAGER", departmentId: "", password: "short" },
      }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.data.errors).toEqual({
      password: "Password must be at least 12 characters.",
      departmentId: "A manager needs a department.",
    });
    expect(invalid.data.values).not.toHaveProperty("password");
    const duplicate = await call(
      newUser.action,
      await makeRequest("/hr/users/new", {
        as: admin,
        form: { name: "Again", email: admin.email, role: "ADMIN", password: "long enough password" },
      }),
    );
    expect(duplicate.status).toBe(409);
  });

  it("will not let an admin lock themselves out", async () => {
    const admin = await makeUser("ADMIN");
    const result = await call(
      users.action,
      await makeRequest("/hr/users", { as: admin, form: { id: admin.id, intent: "deactivate" } }),
    );
    expect(result.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });
});

describe("audit log", () => {
  it("shows admins who did what, newest first", async () => {
    const admin = await makeUser("ADMIN");
    await call(
      departments.action,
      await makeRequest("/hr/departments", { as: admin, form: { intent: "create", name: "Audited" } }),
    );
    const result = await call(audit.loader, await makeRequest("/hr/audit", { as: admin }));
    expect(result.data.entries[0]).toMatchObject({
      actorEmail: admin.email,
      action: "department.create",
      what: "Added a department",
      target: "Audited",
    });
  });

  it("shows one kind of entry when asked, and refuses a kind it does not know", async () => {
    const admin = await makeUser("ADMIN");
    await call(
      departments.action,
      await makeRequest("/hr/departments", { as: admin, form: { intent: "create", name: "Filtered" } }),
    );
    await call(
      roles.action,
      await makeRequest("/hr/roles", { as: admin, form: { intent: "create", name: "Filtered role" } }),
    );
    const onlyRoles = await call(audit.loader, await makeRequest("/hr/audit?action=role.create", { as: admin }));
    expect(onlyRoles.data.action).toBe("role.create");
    expect(onlyRoles.data.entries.length).toBeGreaterThan(0);
    expect(onlyRoles.data.entries.every((e: { action: string }) => e.action === "role.create")).toBe(true);
    expect(onlyRoles.data.total).toBe(await prisma.auditLog.count({ where: { action: "role.create" } }));
    expect(onlyRoles.data.entries.map((e: { target: string }) => e.target)).toContain("Filtered role");
    expect(
      (await call(audit.loader, await makeRequest("/hr/audit?action=round.delete-everything", { as: admin }))).status,
    ).toBe(400);
    expect((await call(audit.loader, await makeRequest("/hr/audit?action=", { as: admin }))).status).toBe(200);
  });
});
