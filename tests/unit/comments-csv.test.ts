import { describe, expect, it } from "vitest";
import { commentsCsv, type CsvComment } from "~/domain/results-csv";

const comment = (department: string, role: string, text: string): CsvComment => ({
  department,
  role,
  category: "promoter",
  question: "Why?",
  text,
});
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("the comments export", () => {
  it("keeps the department and role columns where some comment may be narrowed down to them", () => {
    expect(lines(commentsCsv([comment("Sales", "", "Good"), comment("", "", "Fine")]))).toEqual([
      '"department","category","question","comment"',
      '"Sales","promoter","Why?","Good"',
      '"","promoter","Why?","Fine"',
    ]);
  });

  it("leaves out a column that would be empty on every row", () => {
    expect(lines(commentsCsv([comment("", "", "Good"), comment("", "", "Fine")]))).toEqual([
      '"category","question","comment"',
      '"promoter","Why?","Good"',
      '"promoter","Why?","Fine"',
    ]);
    expect(lines(commentsCsv([comment("Sales", "Lead", "Good")]))[0]).toBe(
      '"department","role","category","question","comment"',
    );
  });
});
