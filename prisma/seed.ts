/**
 * Seeds the demo company. `--if-empty` (used on every start) seeds only a database without any
 * login, and otherwise just reminds of the demo login when it still works.
 */
import { COMMAND_LINE } from "~/models/audit.server";
import { importPeople } from "~/models/people.server";
import { createUser, findLogin } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { seedDemoActivity } from "./demo-activity";
import { DEMO_DEPARTMENTS, DEMO_LOGINS, DEMO_PASSWORD, demoPeopleCsv } from "./demo-company";

function printDemoLogin() {
  console.log(
    [
      "",
      "  Demo data is loaded. Sign in as HR:",
      `    e-mail:   ${DEMO_LOGINS.admin.email}`,
      `    password: ${DEMO_PASSWORD}`,
      `  (also ${DEMO_LOGINS.trainer.email} as a trainer and ${DEMO_LOGINS.manager.email} as a manager, same password)`,
      "  A real deployment starts empty with SEED_DEMO=false.",
      "",
    ].join("\n"),
  );
}

async function demoLoginStillWorks() {
  const login = await findLogin(DEMO_LOGINS.admin.email);
  return login !== null && (await verifyPassword(DEMO_PASSWORD, login.passwordHash));
}

export async function seedDemo() {
  const started = Date.now();
  const imported = await importPeople(COMMAND_LINE, demoPeopleCsv(), "demo-company.csv");
  if (!imported.ok) throw new Error(`Demo directory is invalid: ${JSON.stringify(imported)}`);
  const login = (kind: keyof typeof DEMO_LOGINS, role: "ADMIN" | "TRAINER" | "MANAGER") =>
    createUser(COMMAND_LINE, {
      ...DEMO_LOGINS[kind],
      role,
      departmentId: "",
      departmentName: role === "MANAGER" ? DEMO_DEPARTMENTS[0] : undefined,
      password: DEMO_PASSWORD,
    });
  await seedDemoActivity({
    admin: await login("admin", "ADMIN"),
    trainer: await login("trainer", "TRAINER"),
    manager: await login("manager", "MANAGER"),
  });
  console.log(`Seeded the demo company in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const hasLogins = (await prisma.user.count()) > 0;
  if (hasLogins && ifEmpty) {
    if (await demoLoginStillWorks()) printDemoLogin();
    return;
  }
  if (hasLogins) {
    console.error("The database already has logins; the demo is only seeded into an empty database.");
    process.exitCode = 1;
    return;
  }
  await seedDemo();
  printDemoLogin();
}

await main();
await prisma.$disconnect();
