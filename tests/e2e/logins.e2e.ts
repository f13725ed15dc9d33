import { describe, it } from "vitest";
import { fitsWidth, signIn } from "./support/browser";
import { useDatabase } from "./support/database";
import { eventually } from "./support/eventually";
import { useOwnServer } from "./support/own-server";

const databaseFile = useDatabase("logins");
const { makeDepartment, makeUser } = await import("../support/fixtures");
const { startServer } = await import("../support/server");

const ADMIN = { email: "hr.logins@company.example", password: "logins-e2e-password" };
const TRAINER = { email: "ines@company.example", password: "first-password-123" };

const app = useOwnServer(async () => {
  await makeUser("ADMIN", "", { email: ADMIN.email, name: "Hanna Kowalska", password: ADMIN.password });
  await makeUser("TRAINER", "", { email: TRAINER.email, name: "Ines Trainer", password: TRAINER.password });
  await makeDepartment("Support");
  return startServer({ databaseFile });
});

describe("logins in the browser", () => {
  it("HR edits a login and sets its password; its owner signs in with it and changes it from the home page", async () => {
    const admin = await app.browser.newPage();
    await signIn(admin, app.server.url, ADMIN.email, ADMIN.password);
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Logins" }).waitFor();
    await admin.getByRole("link", { name: "Ines Trainer" }).click();
    await admin.getByRole("heading", { level: 1, name: "Ines Trainer" }).waitFor();
    await admin.getByLabel("Name", { exact: true }).fill("Ines Manager");
    await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Department manager" });
    await admin.getByLabel("Department (managers only)").selectOption({ label: "Support" });
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByRole("status").filter({ hasText: "Changes to Ines Manager's login were saved." }).waitFor();
    await eventually(() => admin.getByRole("row", { name: /Ines Manager/ }).textContent()).toContain(
      "Department manager · Support",
    );

    await admin.getByRole("link", { name: "Ines Manager" }).click();
    await admin.getByLabel("New password", { exact: true }).fill("second-password-456");
    await admin.getByLabel("New password again").fill("second-password-45");
    await admin.getByRole("button", { name: "Set new password" }).click();
    await admin.getByRole("alert").filter({ hasText: "The two new passwords are not the same" }).waitFor();
    await admin.getByLabel("New password", { exact: true }).fill("second-password-456");
    await admin.getByLabel("New password again").fill("second-password-456");
    await admin.getByRole("button", { name: "Set new password" }).click();
    await admin.getByRole("status").filter({ hasText: "Ines Manager has a new password." }).waitFor();
    await admin.close();

    const owner = await app.browser.newPage();
    await signIn(owner, app.server.url, TRAINER.email, "second-password-456");
    await owner.getByRole("link", { name: "Change my password" }).click();
    await owner.getByLabel("Current password").fill("second-password-456");
    await owner.getByLabel("New password", { exact: true }).fill("third-password-789");
    await owner.getByLabel("New password again").fill("third-password-789");
    await owner.getByRole("button", { name: "Change my password" }).click();
    await owner
      .getByRole("status")
      .filter({ hasText: "Your password is changed, and you are signed out on every other device." })
      .waitFor();
    await owner.getByRole("button", { name: "Sign out" }).click();
    await owner.getByRole("button", { name: "Sign in" }).waitFor();
    await signIn(owner, app.server.url, TRAINER.email, "third-password-789");
    await owner.close();
  });

  it("reads well on a 360 px phone", async () => {
    const page = await app.browser.newPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, app.server.url, ADMIN.email, ADMIN.password);
    await page.goto(`${app.server.url}/hr/users`);
    await page.getByRole("link", { name: /^Ines / }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.goto(`${app.server.url}/hr/password`);
    await eventually(() => fitsWidth(page)).toBe(true);
    await page.close();
  });
});
