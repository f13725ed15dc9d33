/**
 * Which column of an HR export holds each of the four things Candor imports. Exports name them
 * their own way (Workday: "Work Email", "Full Name", "Supervisory Organization", "Job Profile"),
 * so HR chooses once, helped by suggestions, and Candor remembers the choice for the next import
 * in the app and on the command line.
 */
export const IMPORT_COLUMNS = ["email", "name", "department", "role"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** For each thing Candor imports, the file's column header as written. */
export type ColumnMapping = Record<ImportColumn, string>;

export const IMPORT_COLUMN_LABELS: Record<ImportColumn, string> = {
  email: "E-mail",
  name: "Name",
  department: "Department",
  role: "Role",
};

/** "E-Mail", "e_mail" and " Email " all name the email column. */
export function columnName(header: string): string {
  return header.toLowerCase().replace(/[\s_.-]+/g, "");
}

/** Headers HR systems use for each column, as `columnName` writes them; the first wins. */
const SYNONYMS: Record<ImportColumn, readonly string[]> = {
  email: ["email", "workemail", "emailaddress", "businessemail", "primaryworkemail", "mail", "workemailaddress"],
  name: ["name", "fullname", "workername", "employeename", "displayname", "legalname", "preferredname"],
  department: [
    "department",
    "supervisoryorganization",
    "organization",
    "organisation",
    "orgunit",
    "organizationalunit",
    "team",
    "division",
    "costcenter",
  ],
  role: ["role", "jobprofile", "jobtitle", "position", "businesstitle", "title", "jobfamily"],
};

/**
 * The column index of each thing Candor imports, or the ones missing. A remembered mapping is
 * used when every header it names is in the file; otherwise the headers must be Candor's own
 * names (in any case and spelling).
 */
export function resolveColumns(
  headers: readonly string[],
  mapping?: ColumnMapping | null,
): { ok: true; index: Record<ImportColumn, number> } | { ok: false; missing: ImportColumn[] } {
  const names = headers.map(columnName);
  const chosen = mapping && fitsHeaders(mapping, headers) ? mapping : null;
  const indexOf = (column: ImportColumn) => names.indexOf(columnName(chosen ? chosen[column] : column));
  const index = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, indexOf(c)])) as Record<ImportColumn, number>;
  const missing = IMPORT_COLUMNS.filter((c) => index[c] === -1);
  return missing.length === 0 ? { ok: true, index } : { ok: false, missing };
}

/** Whether every header a mapping names is in the file. */
export function fitsHeaders(mapping: ColumnMapping, headers: readonly string[]): boolean {
  const names = new Set(headers.map(columnName));
  return IMPORT_COLUMNS.every((c) => names.has(columnName(mapping[c])));
}

/** A guess at each column from the headers: Candor's names, then what HR systems call them. */
export function suggestMapping(headers: readonly string[]): Partial<ColumnMapping> {
  const byName = new Map(headers.map((header) => [columnName(header), header]));
  const taken = new Set<string>();
  const suggestion: Partial<ColumnMapping> = {};
  for (const column of IMPORT_COLUMNS) {
    const header = SYNONYMS[column].map((name) => byName.get(name)).find((h) => h !== undefined && !taken.has(h));
    if (header !== undefined) {
      suggestion[column] = header;
      taken.add(header);
    }
  }
  return suggestion;
}

/** HR's choice from the mapping form: every column chosen, each from the file, none twice. */
export function checkMapping(
  chosen: Partial<Record<ImportColumn, string>>,
  headers: readonly string[],
): { ok: true; mapping: ColumnMapping } | { ok: false; errors: Partial<Record<ImportColumn, string>> } {
  const errors: Partial<Record<ImportColumn, string>> = {};
  const seen = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS) {
    const header = chosen[column] ?? "";
    if (!headers.includes(header)) {
      errors[column] = `Choose the column that holds each person's ${IMPORT_COLUMN_LABELS[column].toLowerCase()}.`;
    } else if (seen.has(header)) {
      errors[column] = `"${header}" is already chosen for ${IMPORT_COLUMN_LABELS[seen.get(header)!].toLowerCase()}.`;
    } else {
      seen.set(header, column);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, mapping: chosen as ColumnMapping };
}
