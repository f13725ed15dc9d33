/**
 * Imports people from an HR export, for a nightly job:
 *   npm run import-people -- path/to/file.csv
 * Exits 0 on success, 1 when a line is bad (every bad line is listed, nothing is written).
 * Safe to run next to a running server: it writes in short transactions and waits its turn for
 * the database, and an import cut short finishes when run again.
 */
import fs from "node:fs";
import path from "node:path";
import { decodeUtf8 } from "~/domain/decode-text";
import { quotedNames } from "~/domain/people-import";
import { applyMigrations } from "./migrate";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: npm run import-people -- path/to/file.csv");
    process.exitCode = 2;
    return;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    console.error(`Cannot read ${file}.`);
    process.exitCode = 1;
    return;
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    console.error(`${file} is not UTF-8 text. Export it as "CSV UTF-8".`);
    process.exitCode = 1;
    return;
  }

  applyMigrations();
  const { COMMAND_LINE } = await import("~/models/audit.server");
  const { importPeople } = await import("~/models/people.server");
  const { getImportColumns } = await import("~/models/settings.server");
  const { prisma } = await import("~/utils/db.server");
  try {
    // The columns HR chose on the Import page for this layout of file, if it fits.
    const outcome = await importPeople(COMMAND_LINE, text, path.basename(file), await getImportColumns());
    if (!outcome.ok && "header" in outcome) {
      console.error(`Nothing was imported from ${file}. ${outcome.header.message}`);
      console.error(
        "Import such a file once on the Import page (Directory) to choose the columns; this command then uses the same choice.",
      );
      process.exitCode = 1;
      return;
    }
    if (!outcome.ok) {
      console.error(
        outcome.written === undefined
          ? `Nothing was imported: ${outcome.errors.length} line(s) of ${file} need fixing.`
          : `The import stopped after ${outcome.written} line(s) of ${file}: the directory changed meanwhile, and ${outcome.errors.length} line(s) need fixing. Fix them and run the import again; the lines already imported stay as they are.`,
      );
      for (const error of outcome.errors) console.error(`  line ${error.line}: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    const { created, updated, unchanged, newDepartments, newRoles } = outcome.summary;
    console.log(`Imported ${file}: ${created} added, ${updated} updated, ${unchanged} unchanged.`);
    if (newDepartments.length > 0) console.log(`New departments: ${quotedNames(newDepartments)}`);
    if (newRoles.length > 0) console.log(`New roles: ${quotedNames(newRoles)}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
