/**
 * Creates a login from the command line, for the first admin of a real deployment:
 *   npm run create-user -- --email E --name N --role admin|trainer|manager [--department D] [--password P]
 * Without --password, it asks for one without echoing it.
 */
import { parseArgs } from "node:util";
import { newUserSchema } from "~/domain/user-input";
import { applyMigrations } from "./migrate";
import { askHidden } from "./prompt";

const USAGE =
  "Usage: npm run create-user -- --email E --name N --role admin|trainer|manager [--department D] [--password P]";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      department: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  const password = values.password ?? (await askHidden("Password (at least 12 characters): "));
  const parsed = newUserSchema.safeParse({
    email: values.email ?? "",
    name: values.name ?? "",
    role: (values.role ?? "").toUpperCase(),
    departmentId: values.department ?? "",
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const flag = issue.path[0] === "departmentId" ? "department" : String(issue.path[0]);
      console.error(`--${flag}: ${issue.message}`);
    }
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }

  applyMigrations();
  const { COMMAND_LINE } = await import("~/models/audit.server");
  const { createUser, DuplicateEmailError, UnknownDepartmentError } = await import("~/models/users.server");
  const { prisma } = await import("~/utils/db.server");
  try {
    const user = await createUser(COMMAND_LINE, { ...parsed.data, departmentName: values.department });
    console.log(`Created ${user.role.toLowerCase()} login ${user.email}. Sign in at /login.`);
  } catch (error) {
    if (error instanceof DuplicateEmailError || error instanceof UnknownDepartmentError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
