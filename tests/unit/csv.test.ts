import { describe, expect, it } from "vitest";
import { CsvSyntaxError, detectDelimiter, neutraliseFormula, parseCsv, toCsv } from "~/domain/csv";

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe("parseCsv", () => {
  it("reads comma-separated lines", () => {
    expect(fields("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("drops a UTF-8 byte-order mark so the first header is clean", () => {
    expect(fields("\uFEFFemail,name\nx@y.z,X")[0]).toEqual(["email", "name"]);
  });

  it("detects semicolons, as European spreadsheets write them", () => {
    expect(detectDelimiter("email;name;department\n")).toBe(";");
    expect(fields("email;name\na@b.c;Łucja Żak")).toEqual([
      ["email", "name"],
      ["a@b.c", "Łucja Żak"],
    ]);
  });

  it("ignores delimiters inside quotes when detecting", () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    expect(fields('name,note\n"Doe, Jane","said ""hi""\nthen left"\n')).toEqual([
      ["name", "note"],
      ["Doe, Jane", 'said "hi"\nthen left'],
    ]);
  });

  it("numbers each record by the line it starts on, across quoted line breaks", () => {
    const { records } = parseCsv('h1,h2\n"multi\nline",x\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("accepts CRLF and lone CR line ends and skips blank lines", () => {
    expect(fields("a,b\r\n1,2\r\n\r\n3,4\r5,6")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });

  it("trims unquoted fields but keeps spaces inside quotes", () => {
    expect(fields(' a , " b " ')).toEqual([["a", " b "]]);
  });

  it("keeps empty fields", () => {
    expect(fields("a,,c\n,,")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });

  it("reports an unclosed quote with the line it starts on", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrowError(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  it("refuses text after a closing quote, naming the record's line, and reads on", () => {
    const { records } = parseCsv('a,b\n"a"b,c\nok,fine\n"x" ,y\n"p";q\n');
    expect(records.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.'],
      [3, null],
      [4, null],
      [5, 'Text follows a closing quote on this line. Write "" for a quote inside a quoted field.'],
    ]);
    expect(records[3].fields).toEqual(["x", "y"]);
  });

  it("keeps a quote inside an unquoted field as written", () => {
    expect(parseCsv('a,b\n5" screen,c\n').records[1]).toEqual({ line: 2, fields: ['5" screen', "c"] });
  });

  it("reads an empty file as no records", () => {
    expect(parseCsv("").records).toEqual([]);
    expect(parseCsv("\uFEFF\n\n").records).toEqual([]);
  });
});

describe("neutraliseFormula", () => {
  it.each([
    ["=SUM(A1:A2)"],
    ["+1"],
    ["-1+1"],
    ["@cmd"],
    ["\tTAB"],
    ["\rCR"],
    ["   =after spaces"],
    ["\u3000=after an ideographic space"],
    ["＝HYPERLINK()"],
    ["＋1"],
    ["－1"],
    ["＠x"],
  ])("prefixes %j so a spreadsheet keeps it as text", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each([["plain"], ["a=b"], ["e-mail"], [""], ["1.5"]])("leaves %j alone", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe("toCsv", () => {
  it("writes a byte-order mark, CRLF line ends and every text cell quoted", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", null],
          ["plain", ""],
        ],
      ),
    ).toBe('\uFEFF"a","b"\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n"plain",""\r\n');
  });

  it("writes numbers as numbers, unquoted, negative ones included", () => {
    expect(toCsv(["nps"], [[-12.5], [0]])).toBe('\uFEFF"nps"\r\n-12.5\r\n0\r\n');
  });

  it("neutralises formula-looking text cells", () => {
    expect(toCsv(["comment"], [["=1+1"], ["-5 is my score"]])).toBe(
      `\uFEFF"comment"\r\n"'=1+1"\r\n"'-5 is my score"\r\n`,
    );
  });

  it("quotes text with a semicolon, so a spreadsheet that splits on ';' cannot start a cell with a formula", () => {
    expect(toCsv(["comment"], [['x;=HYPERLINK("http://evil.example")'], ["a;b", 1]])).toBe(
      '\uFEFF"comment"\r\n"x;=HYPERLINK(""http://evil.example"")"\r\n"a;b",1\r\n',
    );
    const semicolonSplit = parseCsv(toCsv(["a", "b"], [["x;=1+1", "y"]]).replace(/,/g, ";"));
    expect(semicolonSplit.records[1].fields).toEqual(["x;=1+1", "y"]);
  });

  it("round-trips through the parser", () => {
    const rows = [
      ['Zoë, "the" boss', "第一\n行"],
      ["plain", ""],
    ];
    const parsed = parseCsv(toCsv(["a", "b"], rows)).records.map((r) => r.fields);
    expect(parsed).toEqual([["a", "b"], ...rows]);
  });
});
