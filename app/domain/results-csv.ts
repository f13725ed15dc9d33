/**
 * The results exports, written from exactly the data the results page shows (so the two always
 * agree): one row per group, withheld groups kept with `suppressed` and no figures.
 */
import { toCsv } from "./csv";
import { type Category, roundTo1 } from "./nps";

export const RESULTS_CSV_HEADER = [
  "breakdown",
  "group",
  "responses",
  "promoters",
  "passives",
  "detractors",
  "nps",
  "ci_low",
  "ci_high",
] as const;

export const SUPPRESSED = "suppressed";

export type Breakdown = "overall" | "department" | "role" | "department_role";

export interface CsvGroup {
  name: string;
  figures: {
    responses: number;
    promoters: number;
    passives: number;
    detractors: number;
    nps: number;
    low: number;
    high: number;
  } | null;
}

export interface CsvBreakdowns {
  overall: CsvGroup | null;
  departments: CsvGroup[];
  roles: CsvGroup[];
  cells: CsvGroup[];
}

function row(breakdown: Breakdown, group: CsvGroup) {
  const f = group.figures;
  if (!f) return [breakdown, group.name, SUPPRESSED, null, null, null, null, null, null];
  return [
    breakdown,
    group.name,
    f.responses,
    f.promoters,
    f.passives,
    f.detractors,
    roundTo1(f.nps),
    roundTo1(f.low),
    roundTo1(f.high),
  ];
}

export function resultsCsv(results: CsvBreakdowns): string {
  return toCsv(RESULTS_CSV_HEADER, [
    ...(results.overall ? [row("overall", results.overall)] : []),
    ...results.departments.map((g) => row("department", g)),
    ...results.roles.map((g) => row("role", g)),
    ...results.cells.map((g) => row("department_role", g)),
  ]);
}

export const COMMENTS_CSV_HEADER = ["department", "role", "category", "question", "comment"] as const;

export interface CsvComment {
  /** Empty when the comment may not be narrowed down to its department. */
  department: string;
  /** Empty when the comment may not be narrowed down to its role. */
  role: string;
  category: Category;
  question: string;
  text: string;
}

/**
 * The comments as CSV. A department or role column that no comment may be narrowed down to
 * would be empty on every row, and is left out.
 */
export function commentsCsv(comments: readonly CsvComment[]): string {
  const withDepartment = comments.some((c) => c.department !== "");
  const withRole = comments.some((c) => c.role !== "");
  const keep = [withDepartment, withRole, true, true, true];
  const pick = <T>(cells: readonly T[]) => cells.filter((_, i) => keep[i]);
  return toCsv(
    pick(COMMENTS_CSV_HEADER),
    comments.map((c) => pick([c.department, c.role, c.category, c.question, c.text])),
  );
}
