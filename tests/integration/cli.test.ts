import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

// Each command runs as the operator would run it, on a database of its own that it migrates.
const dir = path.resolve("tmp/test-db");
const dbFile = path.join(dir, `cli-${crypto.randomUUID()}.db`);
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
});

function runCli(script: string, args: string[], input?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: "production" },
    encoding: "utf8",
    input,
  });
}

function query<T>(sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function run(sql: string): void {
  const db = new Database(dbFile);
  try {
    db.prepare(sql).run();
  } finally {
    db.close();
  }
}

describe("npm run create-user", () => {
  it("creates the first admin of an empty database", () => {
    const result = runCli("app/cli/create-user.ts", [
      "--email",
      "First@Example.com",
      "--name",
      "First Admin",
      "--role",
      "admin",
      "--password",
      "a long password here",
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Created admin login first@example.com");
    expect(query("SELECT email, role FROM User")).toEqual([{ email: "first@example.com", role: "ADMIN" }]);
    expect(query<{ actorEmail: string; action: string }>("SELECT actorEmail, action FROM AuditLog")).toEqual([
      { actorEmail: "command line", action: "user.create" },
    ]);
  });

  it("reads the password from the prompt when not given", () => {
    const result = runCli(
      "app/cli/create-user.ts",
      ["--email", "t@example.com", "--name", "T", "--role", "trainer"],
      "prompted password\n",
    );
    expect(result.status).toBe(0);
    expect(query("SELECT role FROM User WHERE email = 't@example.com'")).toEqual([{ role: "TRAINER" }]);
  });

  it("explains what is wrong and creates nothing", () => {
    const result = runCli("app/cli/create-user.ts", [
      "--email",
      "bad",
      "--name",
      "",
      "--role",
      "boss",
      "--password",
      "short",
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--email: Enter a valid e-mail address");
    expect(result.stderr).toContain("--role: Choose a role");
    expect(result.stderr).toContain("--password: Password must be at least 12 characters.");
    const manager = runCli("app/cli/create-user.ts", [
      "--email",
      "m@example.com",
      "--name",
      "M",
      "--role",
      "manager",
      "--department",
      "Nowhere",
      "--password",
      "a long password here",
    ]);
    expect(manager.status).toBe(1);
    expect(manager.stderr).toContain('There is no department called "Nowhere". Import the directory first.');
    expect(query("SELECT email FROM User WHERE email IN ('bad', 'm@example.com')")).toEqual([]);
  });
});

describe("npm run import-people", () => {
  it("imports a file and then finds nothing to change", () => {
    const file = path.join(dir, `people-${crypto.randomUUID()}.csv`);
    fs.writeFileSync(
      file,
      "\uFEFFEmail;Name;Department;Role;Cost centre\nana@x.io;Ana;Ops;Lead;42\nbo@x.io;Bo;ops;Dev;7\n",
    );
    const first = runCli("app/cli/import-people.ts", [file]);
    expect(first.stdout).toContain("2 added, 0 updated, 0 unchanged");
    const second = runCli("app/cli/import-people.ts", [file]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("0 added, 0 updated, 2 unchanged");
    fs.rmSync(file);
  });

  it("lists bad lines, exits 1 and writes nothing", () => {
    const file = path.join(dir, `bad-${crypto.randomUUID()}.csv`);
    fs.writeFileSync(file, "email,name,department,role\nnew@x.io,New,Newdept,Dev\nwrong,,Ops,Dev\n");
    const result = runCli("app/cli/import-people.ts", [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("line 3:");
    expect(query("SELECT email FROM Person WHERE email = 'new@x.io'")).toEqual([]);
    expect(query("SELECT name FROM Department WHERE name = 'Newdept'")).toEqual([]);
    fs.rmSync(file);
  });
});

describe("npm run import-people with a file of other column names", () => {
  const workday = (email: string) =>
    `Worker ID,Full Name,Work Email,Supervisory Organization,Job Profile\nW-7,Cy Ortega,${email},Field WD,Driver WD\n`;

  it("says the first line is the problem, and how to choose the columns, writing nothing", () => {
    const file = path.join(dir, `workday-${crypto.randomUUID()}.csv`);
    fs.writeFileSync(file, workday("cy.cli@x.io"));
    const result = runCli("app/cli/import-people.ts", [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Nothing was imported from ${file}. The file's first line names its columns`);
    expect(result.stderr).toContain("Import such a file once on the Import page");
    expect(result.stderr).not.toContain("line 1:");
    expect(query("SELECT email FROM Person WHERE email = 'cy.cli@x.io'")).toEqual([]);
    fs.rmSync(file);
  });

  it("imports it with the columns HR chose on the Import page", () => {
    const mapping = {
      email: "Work Email",
      name: "Full Name",
      department: "Supervisory Organization",
      role: "Job Profile",
    };
    run(`INSERT INTO Setting (key, value) VALUES ('importColumns', '${JSON.stringify(mapping)}')`);
    const file = path.join(dir, `workday-${crypto.randomUUID()}.csv`);
    fs.writeFileSync(file, workday("cy.mapped@x.io"));
    const result = runCli("app/cli/import-people.ts", [file]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("1 added");
    expect(query("SELECT name FROM Person WHERE email = 'cy.mapped@x.io'")).toEqual([{ name: "Cy Ortega" }]);
    run("DELETE FROM Setting WHERE key = 'importColumns'");
    fs.rmSync(file);
  });
});

describe("npm run create-user for a manager", () => {
  it("finds the department whatever its case, and lists the departments when none matches", () => {
    const file = path.join(dir, `people-${crypto.randomUUID()}.csv`);
    fs.writeFileSync(file, "email,name,department,role\nlee@x.io,Lee,Customer Support,Agent\n");
    expect(runCli("app/cli/import-people.ts", [file]).status).toBe(0);
    fs.rmSync(file);
    const wrong = runCli("app/cli/create-user.ts", [
      "--email",
      "boss@x.io",
      "--name",
      "Boss",
      "--role",
      "manager",
      "--department",
      "Support",
      "--password",
      "a long password here",
    ]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('There is no department called "Support". The departments are:');
    expect(wrong.stderr).toContain("Customer Support");
    const right = runCli("app/cli/create-user.ts", [
      "--email",
      "boss@x.io",
      "--name",
      "Boss",
      "--role",
      "manager",
      "--department",
      "customer support",
      "--password",
      "a long password here",
    ]);
    expect(right.stderr).toBe("");
    expect(
      query("SELECT d.name FROM User u JOIN Department d ON d.id = u.departmentId WHERE u.email = 'boss@x.io'"),
    ).toEqual([{ name: "Customer Support" }]);
  });
});
