import { describe, expect, it } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { importPeople } from "~/models/people.server";
import { prisma, sqlite } from "~/utils/db.server";

const HEADER = "email,name,department,role";

async function directoryState() {
  const [people, departments, roles] = await Promise.all([
    prisma.person.findMany({
      orderBy: { email: "asc" },
      select: { email: true, name: true, departmentId: true, roleId: true, updatedAt: true },
    }),
    prisma.department.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.role.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { people, departments, roles };
}

describe("importPeople", () => {
  it("creates people with their new departments and roles", async () => {
    const outcome = await importPeople(
      COMMAND_LINE,
      `${HEADER}\nolena@x.io,Олена Коваль,Продажі,Менеджер\nwei@x.io,王伟,Sales,Rep\n`,
      "a.csv",
    );
    expect(outcome).toEqual({
      ok: true,
      summary: {
        created: 2,
        updated: 0,
        unchanged: 0,
        newDepartments: ["Продажі", "Sales"],
        newRoles: ["Менеджер", "Rep"],
      },
    });
    const olena = await prisma.person.findUniqueOrThrow({
      where: { email: "olena@x.io" },
      include: { department: true },
    });
    expect(olena.name).toBe("Олена Коваль");
    expect(olena.department.name).toBe("Продажі");
  });

  it("changes nothing when the same file is imported again", async () => {
    const csv = `\uFEFFEmail;Name;Department;Role\nsame1@x.io;Same One;Ops;Lead\nsame2@x.io;"Two; Same";ops;lead\n`;
    await importPeople(COMMAND_LINE, csv, "same.csv");
    const before = await directoryState();
    const again = await importPeople(COMMAND_LINE, csv, "same.csv");
    expect(again).toMatchObject({
      ok: true,
      summary: { created: 0, updated: 0, unchanged: 2, newDepartments: [], newRoles: [] },
    });
    expect(await directoryState()).toEqual(before);
  });

  it("writes nothing at all when one line is bad", async () => {
    const before = await directoryState();
    const auditBefore = await prisma.auditLog.count();
    const outcome = await importPeople(
      COMMAND_LINE,
      `${HEADER}\nfine@x.io,Fine,Brand New Dept,Brand New Role\nbroken-email,Broken,Brand New Dept,Brand New Role\n`,
      "bad.csv",
    );
    expect(outcome).toEqual({ ok: false, errors: [{ line: 3, message: expect.stringContaining("valid e-mail") }] });
    expect(await directoryState()).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("updates a moved person and records the import in the audit log", async () => {
    await importPeople(COMMAND_LINE, `${HEADER}\nmover@x.io,Mover,Alpha,Dev\n`, "one.csv");
    const outcome = await importPeople(COMMAND_LINE, `${HEADER}\nmover@x.io,Mover,Beta,Dev\n`, "two.csv");
    expect(outcome).toMatchObject({ ok: true, summary: { updated: 1, newDepartments: ["Beta"] } });
    const mover = await prisma.person.findUniqueOrThrow({
      where: { email: "mover@x.io" },
      include: { department: true },
    });
    expect(mover.department.name).toBe("Beta");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { target: "two.csv" } });
    expect(entry).toMatchObject({
      action: "people.import",
      actorEmail: "command line",
      details: "0 added, 1 updated, 0 unchanged",
    });
  });

  it("never deactivates or reactivates anyone", async () => {
    await importPeople(COMMAND_LINE, `${HEADER}\nleft@x.io,Left,Gamma,Dev\n`, "a.csv");
    await prisma.person.update({ where: { email: "left@x.io" }, data: { active: false } });
    await importPeople(COMMAND_LINE, `${HEADER}\nleft@x.io,Left,Gamma,Dev\n`, "a.csv");
    expect((await prisma.person.findUniqueOrThrow({ where: { email: "left@x.io" } })).active).toBe(false);
  });

  it("adds nobody to a deactivated department, and writes nothing when a line tries", async () => {
    await importPeople(COMMAND_LINE, `${HEADER}\nold@x.io,Old Hand,Closing,Dev\n`, "a.csv");
    await prisma.department.update({ where: { name: "Closing" }, data: { active: false } });
    const before = await directoryState();
    const outcome = await importPeople(
      COMMAND_LINE,
      `${HEADER}\nfresh@x.io,Fresh,Open Dept,Dev\nnewcomer@x.io,Newcomer,closing,Dev\n`,
      "b.csv",
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [{ line: 3, message: expect.stringContaining('The department "Closing" is inactive') }],
    });
    expect(await directoryState()).toEqual(before);
    const again = await importPeople(COMMAND_LINE, `${HEADER}\nold@x.io,Old Hand,Closing,Dev\n`, "a.csv");
    expect(again).toMatchObject({ ok: true, summary: { unchanged: 1 } });
  });
});

describe("importPeople of a large file", () => {
  const manyLines = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => `${prefix}${i}@big.io,Big ${i},Big dept ${i % 3},Big role ${i % 2}`);

  it("checks every line before writing any: a bad line far down refuses the whole file", async () => {
    const before = await directoryState();
    const lines = manyLines(1_600, "far");
    lines[1_450] = "not-an-email,Someone,Big dept 0,Big role 0";
    const outcome = await importPeople(COMMAND_LINE, `${HEADER}\n${lines.join("\n")}\n`, "far.csv");
    expect(outcome).toEqual({ ok: false, errors: [{ line: 1_452, message: expect.stringContaining("valid e-mail") }] });
    expect(await directoryState()).toEqual(before);
  });

  it("finishes an import that was cut short when it is run again, and a third run changes nothing", async () => {
    const csv = `${HEADER}\n${manyLines(1_600, "cut").join("\n")}\n`;
    // The database refuses one person half way through, as if the process died there.
    sqlite.exec(
      "CREATE TRIGGER cut_short BEFORE INSERT ON Person WHEN NEW.email = 'cut1234@big.io' BEGIN SELECT RAISE(ABORT, 'cut short'); END",
    );
    await expect(importPeople(COMMAND_LINE, csv, "cut.csv")).rejects.toThrow();
    sqlite.exec("DROP TRIGGER cut_short");
    const written = await prisma.person.count({ where: { email: { startsWith: "cut" } } });
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1_600);

    const rerun = await importPeople(COMMAND_LINE, csv, "cut.csv");
    expect(rerun).toMatchObject({ ok: true, summary: { created: 1_600 - written, updated: 0, unchanged: written } });
    expect(await prisma.person.count({ where: { email: { startsWith: "cut" } } })).toBe(1_600);
    expect(await prisma.department.count({ where: { name: { startsWith: "Big dept" } } })).toBe(3);
    const state = await directoryState();
    const third = await importPeople(COMMAND_LINE, csv, "cut.csv");
    expect(third).toMatchObject({ ok: true, summary: { created: 0, updated: 0, unchanged: 1_600 } });
    expect(await directoryState()).toEqual(state);
  });
});
