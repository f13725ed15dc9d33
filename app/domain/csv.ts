/**
 * CSV as HR systems and spreadsheets write it: UTF-8 with or without a byte-order mark, comma,
 * semicolon or tab between fields, quoted fields with "" for a quote and line breaks inside,
 * LF or CRLF line ends. Text after a closing quote (`"a"b`) has no one right reading, so the
 * record carries an error instead of a guess; an importer lists it with the other bad lines.
 * (csv-parse, tried for this, stops reading records after the first bad quote even when told to
 * skip bad records, so the lines after it would go unchecked and unreported.)
 */

export interface CsvRecord {
  /** The line of the file on which this record starts (1 is the first line). */
  line: number;
  fields: string[];
  /** Why this record cannot be read as written, if so. */
  error?: string;
}

const TEXT_AFTER_QUOTE = 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.';

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter used most often outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

export function parseCsv(input: string): { delimiter: string; records: CsvRecord[] } {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldWasQuoted = false;
  let recordError: string | undefined;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    fields.push(fieldWasQuoted ? field : field.trim());
    field = "";
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank)
      records.push(recordError ? { line: recordLine, fields, error: recordError } : { line: recordLine, fields });
    fields = [];
    recordError = undefined;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === "") {
      quoted = true;
      fieldWasQuoted = true;
      field = "";
    } else if (char === delimiter) {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (!fieldWasQuoted) {
      field += char;
    } else if (char !== " " && char !== "\t") {
      // Spaces between a closing quote and the delimiter are layout; anything else is bad quoting.
      recordError = TEXT_AFTER_QUOTE;
    }
  }
  if (quoted) {
    throw new CsvSyntaxError(recordLine, 'A quoted field is never closed (a " is missing).');
  }
  if (field !== "" || fields.length > 0 || fieldWasQuoted) endRecord();
  return { delimiter, records };
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, a tab or carriage return, also after
 * spaces, also in their full-width forms) is prefixed with an apostrophe so it stays text.
 */
const FORMULA_START = /^[ \u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvCell = string | number | null | undefined;

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return `"${neutraliseFormula(cell).replace(/"/g, '""')}"`;
}

/**
 * Writes rows as CSV with CRLF line ends and a byte-order mark (so spreadsheet programs read
 * names in any script correctly). Numbers are written as numbers. Every text cell is
 * neutralised, so a name or comment can never run as a formula, and quoted: a spreadsheet in
 * a locale that splits on ";" (Polish, Bulgarian, Ukrainian, Russian Excel) would otherwise cut
 * "x;=HYPERLINK(...)" into a cell that starts with "=".
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(formatCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
