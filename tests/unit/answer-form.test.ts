import { describe, expect, it } from "vitest";
import { parseAnswerForm, TEXT_MAX, type FormQuestion } from "~/domain/answer-form";

const questions: FormQuestion[] = [
  { id: "n", type: "NPS" },
  { id: "why", type: "TEXT" },
  { id: "r1", type: "RATING" },
];

const parse = (fields: [string, string][]) => parseAnswerForm(fields, questions);

describe("parseAnswerForm", () => {
  it("reads a full answer", () => {
    expect(
      parse([
        ["score", "9"],
        ["text:why", "  Great people \r\n and pay "],
        ["rating:r1", "4"],
        ["lang", "uk"],
      ]),
    ).toEqual({
      ok: true,
      answers: [
        { questionId: "n", type: "NPS", value: 9 },
        { questionId: "why", type: "TEXT", text: "Great people \n and pay" },
        { questionId: "r1", type: "RATING", value: 4 },
      ],
    });
  });

  it("accepts 0 and 10 and leaves optional questions out when blank", () => {
    expect(
      parse([
        ["score", "0"],
        ["text:why", "   "],
        ["rating:r1", ""],
      ]),
    ).toEqual({ ok: true, answers: [{ questionId: "n", type: "NPS", value: 0 }] });
    expect(parse([["score", "10"]])).toMatchObject({ ok: true });
  });

  it.each([["11"], ["-1"], ["7.5"], ["1e1"], ["abc"], [""], [" "], ["010"]])("refuses the score %j", (score) => {
    expect(parse([["score", score]])).toEqual({ ok: false, problems: { n: "score" } });
  });

  it("requires the score", () => {
    expect(parse([["text:why", "no score"]])).toEqual({ ok: false, problems: { n: "score" } });
  });

  it.each([["0"], ["6"], ["3.5"], ["x"]])("refuses the rating %j", (rating) => {
    expect(
      parse([
        ["score", "5"],
        ["rating:r1", rating],
      ]),
    ).toEqual({ ok: false, problems: { r1: "rating" } });
  });

  it(`refuses text over ${TEXT_MAX} characters, counting characters not bytes`, () => {
    expect(
      parse([
        ["score", "5"],
        ["text:why", "я".repeat(TEXT_MAX)],
      ]),
    ).toMatchObject({ ok: true });
    expect(
      parse([
        ["score", "5"],
        ["text:why", "😀".repeat(TEXT_MAX)],
      ]),
    ).toMatchObject({ ok: true });
    expect(
      parse([
        ["score", "5"],
        ["text:why", "x".repeat(TEXT_MAX + 1)],
      ]),
    ).toEqual({ ok: false, problems: { why: "tooLong" } });
  });

  it("refuses answers to questions the survey does not have", () => {
    expect(
      parse([
        ["score", "5"],
        ["text:nope", "x"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["rating:why", "3"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["text:r1", "3"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["surprise", "x"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
  });

  it("refuses a field name whose prefix is not the question's type", () => {
    expect(
      parse([
        ["score", "5"],
        ["other:why", "x"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["other:r1", "3"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["other:n", "x"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["text:n", "x"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
  });

  it("refuses one question answered under two field names", () => {
    expect(
      parse([
        ["score", "5"],
        ["text:why", "a"],
        ["other:why", "b"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
    expect(
      parse([
        ["score", "5"],
        ["rating:r1", "3"],
        ["x:r1", "4"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
  });

  it("refuses a field sent twice, which could otherwise count one person twice", () => {
    expect(
      parse([
        ["score", "5"],
        ["score", "10"],
      ]),
    ).toEqual({ ok: false, fault: "unknownQuestion" });
  });
});
