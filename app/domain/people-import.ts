import { z } from "zod";
import { CsvSyntaxError, parseCsv } from "./csv";
import { IMPORT_COLUMNS, resolveColumns, suggestMapping, type ColumnMapping } from "./import-columns";
import { emailAddress, LABEL_MAX, NAME_MAX, requiredText } from "./text";

export const IMPORT_MAX_ROWS = 20_000;

export interface ImportRow {
  line: number;
  email: string;
  name: string;
  department: string;
  role: string;
}

export interface LineError {
  line: number;
  message: string;
}

const rowSchema = z.object({
  email: emailAddress,
  name: requiredText("Name", NAME_MAX),
  department: requiredText("Department", LABEL_MAX),
  role: requiredText("Role", LABEL_MAX),
});

/** The file's first line lacks a column Candor needs: HR chooses which column is which. */
export interface HeaderProblem {
  message: string;
  headers: string[];
  suggested: Partial<ColumnMapping>;
  /** The first lines after the header, cell by cell, for HR to recognise the columns. */
  preview: string[][];
}

const PREVIEW_LINES = 3;

export interface ReadOutcome {
  rows: ImportRow[];
  errors: LineError[];
  header?: HeaderProblem;
}

/**
 * Reads an HR export into rows, or the reason each bad line is bad. Headers are matched
 * whatever their case, spaces, hyphens and underscores, through `mapping` when it fits the
 * file, and other columns are ignored. A header without the columns needed is the file's
 * problem, not a line's: it comes back with suggestions and the first lines.
 */
export function readPeopleCsv(text: string, mapping?: ColumnMapping | null): ReadOutcome {
  let records;
  try {
    records = parseCsv(text).records;
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      return { rows: [], errors: [{ line: error.line, message: error.message }] };
    }
    throw error;
  }
  if (records.length === 0) {
    return { rows: [], errors: [{ line: 1, message: "The file is empty." }] };
  }
  const [header, ...lines] = records;
  if (header.error) return { rows: [], errors: [{ line: header.line, message: header.error }] };
  // A spreadsheet writes rows it once formatted as empty fields (";;;"): they hold nobody.
  const body = lines.filter((record) => record.fields.some((field) => field.trim() !== ""));
  const resolved = resolveColumns(header.fields, mapping);
  if (!resolved.ok) {
    const named = header.fields.flatMap((field, i) => (field.trim() !== "" ? [i] : []));
    const headers = named.map((i) => header.fields[i]);
    return {
      rows: [],
      errors: [],
      header: {
        message: `The file's first line names its columns ${quotedNames(headers)}: none of them is called ${resolved.missing.join(", ")}, so say which column holds what.`,
        headers,
        suggested: suggestMapping(headers),
        preview: body.slice(0, PREVIEW_LINES).map((record) => named.map((i) => record.fields[i] ?? "")),
      },
    };
  }
  if (body.length === 0) {
    return { rows: [], errors: [{ line: header.line, message: "The file has no people in it." }] };
  }
  if (body.length > IMPORT_MAX_ROWS) {
    return {
      rows: [],
      errors: [
        {
          line: header.line,
          message: `The file has ${body.length} people; at most ${IMPORT_MAX_ROWS} can be imported at once.`,
        },
      ],
    };
  }

  const { index } = resolved;
  const rows: ImportRow[] = [];
  const errors: LineError[] = [];
  const firstLineOf = new Map<string, number>();

  for (const record of body) {
    if (record.error) {
      errors.push({ line: record.line, message: record.error });
      continue;
    }
    const raw = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, record.fields[index[column]] ?? ""]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const messages = parsed.error.issues.map((issue) => issue.message);
      errors.push({ line: record.line, message: [...new Set(messages)].join(" ") });
      continue;
    }
    const earlier = firstLineOf.get(parsed.data.email);
    if (earlier !== undefined) {
      errors.push({
        line: record.line,
        message: `The e-mail ${parsed.data.email} is also on line ${earlier}.`,
      });
      continue;
    }
    firstLineOf.set(parsed.data.email, record.line);
    rows.push({ line: record.line, ...parsed.data });
  }
  return { rows, errors };
}

export interface DirectorySnapshot {
  departments: { id: string; name: string; active: boolean }[];
  roles: { id: string; name: string; active: boolean }[];
  people: { email: string; name: string; departmentId: string; roleId: string }[];
}

/** A department or role: an existing id, or the name of one the import will create. */
export type GroupRef = { id: string } | { newName: string };

export interface PersonChange {
  line: number;
  email: string;
  name: string;
  department: GroupRef;
  role: GroupRef;
}

export interface ImportPlan {
  newDepartments: string[];
  newRoles: string[];
  creates: PersonChange[];
  updates: PersonChange[];
  unchanged: number;
  /** Lines that would put someone into a deactivated department or role: the import must stop. */
  errors: LineError[];
}

const idOf = (ref: GroupRef) => ("id" in ref ? ref.id : undefined);

/**
 * Works out what an import changes. Department and role names match existing ones whatever
 * their case, so "sales" joins "Sales". People are matched by e-mail; a person whose name,
 * department and role are already as in the file is left alone, so importing the same file
 * twice changes nothing the second time. As on the person form, nobody is added to or moved
 * into a deactivated department or role; someone already in one may stay there.
 */
export function planPeopleImport(rows: ImportRow[], directory: DirectorySnapshot): ImportPlan {
  const resolver = (existing: { id: string; name: string; active: boolean }[]) => {
    const byName = new Map(existing.map((g) => [g.name.toLowerCase(), g.id]));
    const inactive = new Map(existing.filter((g) => !g.active).map((g) => [g.id, g.name]));
    const created = new Map<string, string>();
    return {
      created,
      /** The name of the deactivated group `ref` points to, if it does. */
      inactiveName: (ref: GroupRef) => ("id" in ref ? inactive.get(ref.id) : undefined),
      resolve(name: string): GroupRef {
        const key = name.toLowerCase();
        const id = byName.get(key);
        if (id) return { id };
        if (!created.has(key)) created.set(key, name);
        return { newName: created.get(key)! };
      },
    };
  };
  const departments = resolver(directory.departments);
  const roles = resolver(directory.roles);
  const people = new Map(directory.people.map((p) => [p.email, p]));

  const plan: ImportPlan = { newDepartments: [], newRoles: [], creates: [], updates: [], unchanged: 0, errors: [] };
  for (const row of rows) {
    const change: PersonChange = {
      line: row.line,
      email: row.email,
      name: row.name,
      department: departments.resolve(row.department),
      role: roles.resolve(row.role),
    };
    const current = people.get(row.email);
    const closed = [
      {
        kind: "department",
        name: departments.inactiveName(change.department),
        kept: idOf(change.department) === current?.departmentId,
      },
      { kind: "role", name: roles.inactiveName(change.role), kept: idOf(change.role) === current?.roleId },
    ].filter((group) => group.name !== undefined && !group.kept);
    if (closed.length > 0) {
      plan.errors.push({
        line: row.line,
        message: closed
          .map(
            ({ kind, name }) =>
              `The ${kind} "${name}" is inactive, so nobody new can be put in it: reactivate it or change this line.`,
          )
          .join(" "),
      });
      continue;
    }
    if (!current) {
      plan.creates.push(change);
    } else if (
      current.name !== row.name ||
      !("id" in change.department && change.department.id === current.departmentId) ||
      !("id" in change.role && change.role.id === current.roleId)
    ) {
      plan.updates.push(change);
    } else {
      plan.unchanged++;
    }
  }
  plan.newDepartments = [...departments.created.values()];
  plan.newRoles = [...roles.created.values()];
  return plan;
}

/** Names as a readable list, each quoted: a name may itself hold a comma ("R&D, Labs"). */
export function quotedNames(names: string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
