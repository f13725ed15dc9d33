import { describe, expect, it } from "vitest";
import { COMMAND_LINE } from "~/models/audit.server";
import { updateUser, UserChangeError } from "~/models/users.server";
import * as home from "~/routes/hr._index";
import * as ownPassword from "~/routes/hr.password";
import * as editUser from "~/routes/hr.users.$userId";
import * as login from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { call, cookieFor, makeRequest } from "../support/http";

const NEW_PASSWORD = "a brand new passphrase";

async function edit(as: { id: string }, userId: string, form: Record<string, string>) {
  return call(editUser.action, await makeRequest(`/hr/users/${userId}`, { as, form }), { userId });
}

async function signsIn(email: string, password: string) {
  const result = await call(
    login.action,
    await makeRequest("/login", { form: { email, password, redirectTo: "/hr" } }),
  );
  return result.status === 302;
}

const lastAudit = (action: string) => prisma.auditLog.findFirst({ where: { action }, orderBy: { id: "desc" } });

describe("editing a login", () => {
  it("shows the login, and changes its name, role and a manager's department, audited with what changed", async () => {
    const admin = await makeUser("ADMIN");
    const trainer = await makeUser("TRAINER");
    const sales = await makeDepartment("Sales floor");
    const page = await call(editUser.loader, await makeRequest(`/hr/users/${trainer.id}`, { as: admin }), {
      userId: trainer.id,
    });
    expect(page.data).toMatchObject({
      user: { id: trainer.id, email: trainer.email, role: "TRAINER", active: true },
      isMe: false,
    });
    expect(page.data.departments.map((d: { name: string }) => d.name)).toContain("Sales floor");

    const saved = await edit(admin, trainer.id, {
      intent: "save",
      name: "Tia Trainer",
      role: "MANAGER",
      departmentId: sales.id,
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/hr/users");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: trainer.id } })).toMatchObject({
      name: "Tia Trainer",
      role: "MANAGER",
      departmentId: sales.id,
    });
    expect(await lastAudit("user.update")).toMatchObject({
      actorEmail: admin.email,
      target: trainer.email,
      details: `name "${trainer.name}" -> "Tia Trainer", role Trainer -> Department manager, department none -> Sales floor`,
    });

    // Back to a trainer: the department goes with the manager role.
    await edit(admin, trainer.id, { intent: "save", name: "Tia Trainer", role: "TRAINER", departmentId: sales.id });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: trainer.id } })).toMatchObject({
      role: "TRAINER",
      departmentId: null,
    });
  });

  it("refuses a manager without a department and an unknown role, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const trainer = await makeUser("TRAINER");
    const noDepartment = await edit(admin, trainer.id, {
      intent: "save",
      name: "X",
      role: "MANAGER",
      departmentId: "",
    });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.data).toMatchObject({
      form: "details",
      errors: { departmentId: "A manager needs a department." },
    });
    const badRole = await edit(admin, trainer.id, { intent: "save", name: "X", role: "OWNER" });
    expect(badRole.data.errors.role).toBe("Choose a role: HR admin, trainer or manager.");
    const unknownDepartment = await edit(admin, trainer.id, {
      intent: "save",
      name: "X",
      role: "MANAGER",
      departmentId: "nope",
    });
    expect(unknownDepartment.status).toBe(409);
    expect(unknownDepartment.data.errors.departmentId).toBe("Choose the manager's department from the list.");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: trainer.id } })).toMatchObject({
      name: trainer.name,
      role: "TRAINER",
    });
  });

  it("refuses an admin taking the HR admin role from themselves, but lets them rename themselves", async () => {
    const admin = await makeUser("ADMIN");
    await makeUser("ADMIN");
    const demoted = await edit(admin, admin.id, { intent: "save", name: admin.name, role: "TRAINER" });
    expect(demoted.status).toBe(409);
    expect(demoted.data.errors.role).toBe(
      "You cannot take the HR admin role from yourself. Ask another HR admin to do it.",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect((await edit(admin, admin.id, { intent: "save", name: "Renamed Admin", role: "ADMIN" })).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Renamed Admin");
  });

  it("answers 404 for an unknown login and 400 for an unknown action", async () => {
    const admin = await makeUser("ADMIN");
    expect(
      (await call(editUser.loader, await makeRequest("/hr/users/x", { as: admin }), { userId: "missing" })).status,
    ).toBe(404);
    expect((await edit(admin, admin.id, { intent: "explode" })).status).toBe(400);
  });
});

describe("an admin setting a new password", () => {
  it("replaces the old password, audited, and refuses a mistyped or short one", async () => {
    const admin = await makeUser("ADMIN");
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    const mistyped = await edit(admin, manager.id, {
      intent: "password",
      newPassword: NEW_PASSWORD,
      confirmPassword: "a brand new passphrase!",
    });
    expect(mistyped.status).toBe(400);
    expect(mistyped.data).toEqual({
      form: "password",
      errors: { confirmPassword: "The two new passwords are not the same. Type it again." },
      values: {},
    });
    const short = await edit(admin, manager.id, { intent: "password", newPassword: "short", confirmPassword: "short" });
    expect(short.data.errors.newPassword).toBe("Password must be at least 12 characters.");
    expect(await signsIn(manager.email, TEST_PASSWORD)).toBe(true);

    const set = await edit(admin, manager.id, {
      intent: "password",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(set.status).toBe(302);
    expect(await signsIn(manager.email, TEST_PASSWORD)).toBe(false);
    expect(await signsIn(manager.email, NEW_PASSWORD)).toBe(true);
    expect(await lastAudit("user.password")).toMatchObject({
      actorEmail: admin.email,
      target: manager.email,
      details: "set by an HR admin",
    });
    expect(JSON.stringify(await prisma.auditLog.findMany())).not.toContain(NEW_PASSWORD);
  });

  it("is not how an admin changes their own password: that needs the current one", async () => {
    const admin = await makeUser("ADMIN");
    const refused = await edit(admin, admin.id, {
      intent: "password",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(refused.status).toBe(400);
    expect(await signsIn(admin.email, TEST_PASSWORD)).toBe(true);
  });
});

describe("changing my own password", () => {
  const change = async (as: { id: string }, form: Record<string, string>) =>
    call(ownPassword.action, await makeRequest("/hr/password", { as, form }));

  it("is open to every signed-in user, and linked from the home page", async () => {
    for (const role of ["ADMIN", "TRAINER", "MANAGER"] as const) {
      const user = await makeUser(role, role === "MANAGER" ? (await makeDepartment()).id : "");
      expect((await call(ownPassword.loader, await makeRequest("/hr/password", { as: user }))).status).toBe(200);
      expect((await call(home.loader, await makeRequest("/hr", { as: user }))).status).toBe(200);
    }
    const anonymous = await call(ownPassword.loader, await makeRequest("/hr/password"));
    expect(anonymous.status).toBe(302);
  });

  it("needs the current password and the new one twice; nothing is sent back", async () => {
    const trainer = await makeUser("TRAINER");
    const wrong = await change(trainer, {
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toEqual({ errors: { currentPassword: "That is not your current password." } });
    const mistyped = await change(trainer, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: "something else entirely",
    });
    expect(mistyped.data).toEqual({
      errors: { confirmPassword: "The two new passwords are not the same. Type it again." },
    });
    const same = await change(trainer, {
      currentPassword: TEST_PASSWORD,
      newPassword: TEST_PASSWORD,
      confirmPassword: TEST_PASSWORD,
    });
    expect(same.data.errors.newPassword).toBe("Choose a new password, not the current one.");
    expect(
      (await change(trainer, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).data.errors.currentPassword,
    ).toBe("Enter your current password.");
    expect(await signsIn(trainer.email, TEST_PASSWORD)).toBe(true);

    const changed = await change(trainer, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(302);
    expect(changed.headers.get("Location")).toBe("/hr");
    expect(await signsIn(trainer.email, NEW_PASSWORD)).toBe(true);
    expect(await signsIn(trainer.email, TEST_PASSWORD)).toBe(false);
    expect(await lastAudit("user.password")).toMatchObject({
      actorEmail: trainer.email,
      target: trainer.email,
      details: "changed their own password",
    });
  });

  it("lets a signed-in browser guess the current password no faster than the sign-in page", async () => {
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    const guess = async (currentPassword: string) =>
      call(
        ownPassword.action,
        await makeRequest("/hr/password", {
          as: manager,
          form: { currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        }),
        {},
        { clientAddress: "192.0.2.200" },
      );
    for (let i = 0; i < 5; i++) expect((await guess(`guess number ${i}`)).status).toBe(400);
    const locked = await guess(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(/Too many wrong passwords\. Please wait 1 minute/);
    expect(await signsIn(manager.email, TEST_PASSWORD)).toBe(true);
    expect(await signsIn(manager.email, NEW_PASSWORD)).toBe(false);
  });
});

describe("after a change of password", () => {
  const homeWith = async (cookie: string) =>
    call(home.loader, await makeRequest("/hr", { headers: { Cookie: cookie } }));

  it("the browser that changed it stays signed in, and every other session of the login ends", async () => {
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    const otherDevice = await cookieFor(manager);
    const changed = await call(
      ownPassword.action,
      await makeRequest("/hr/password", {
        as: manager,
        form: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      }),
    );
    const thisBrowser = changed.headers.get("Set-Cookie")!.split(";")[0];
    expect((await homeWith(thisBrowser)).status).toBe(200);
    expect((await homeWith(otherDevice)).status).toBe(302);
  });

  it("set by an admin, every session of that login ends", async () => {
    const admin = await makeUser("ADMIN");
    const trainer = await makeUser("TRAINER");
    const trainersCookie = await cookieFor(trainer);
    expect((await homeWith(trainersCookie)).status).toBe(200);
    await edit(admin, trainer.id, { intent: "password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect((await homeWith(trainersCookie)).status).toBe(302);
  });
});

describe("the last HR admin", () => {
  it("keeps the role: nobody could manage logins otherwise", async () => {
    const admin = await makeUser("ADMIN");
    await prisma.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { active: false } });
    const change = updateUser(COMMAND_LINE, admin.id, { name: admin.name, role: "TRAINER", departmentId: "" });
    await expect(change).rejects.toThrow(UserChangeError);
    await expect(change).rejects.toThrow(
      `${admin.name} is the only active HR admin. Make someone else an HR admin first.`,
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });
});
