import { describe, expect, it } from "vitest";
import { compareRatings, compareTraining, sharesOf, type ScoreFigures } from "~/domain/training-comparison";

const figures = (adjusted: number, se: number, responses = 10): ScoreFigures => ({
  responses,
  nps: adjusted,
  adjusted,
  se,
  low: adjusted - 1.96 * se,
  high: adjusted + 1.96 * se,
});

const noGroups = { before: [], after: [] };
const sides = (before: ScoreFigures | null, after: ScoreFigures | null, followUp: ScoreFigures | null = null) => ({
  before,
  after,
  followUp,
  departments: noGroups,
  roles: noGroups,
});

describe("compareTraining", () => {
  it("tests after vs before alone: the difference over sqrt(SE1^2 + SE2^2)", () => {
    // 40 / sqrt(12^2 + 16^2) = 40 / 20 = 2.0: p = 0.0455 < 0.05.
    const { change } = compareTraining(sides(figures(-10, 12), figures(30, 16)));
    expect(change).toMatchObject({ delta: 40, se: 20, verdict: "change", control: { method: "alone" } });
    expect(change!.p).toBeCloseTo(0.0455, 4);
    // 20 / 20 = 1.0: p = 0.3173.
    expect(compareTraining(sides(figures(10, 12), figures(30, 16))).change!.verdict).toBe("noise");
  });

  it("gives nothing when either side is not shown", () => {
    expect(compareTraining(sides(null, figures(30, 16)))).toMatchObject({ change: null, followUpChange: null });
    expect(compareTraining(sides(figures(30, 16), null, figures(30, 16))).change).toBeNull();
  });

  it("labels the follow-up and the groups shown in both rounds as one family, sorted by name", () => {
    const result = compareTraining({
      ...sides(figures(0, 10, 40), figures(30, 10, 40), figures(10, 10, 40)),
      departments: {
        before: [
          { id: "s", name: "Sales", figures: figures(0, 10) },
          { id: "o", name: "Operations", figures: figures(-20, 10) },
          { id: "f", name: "Finance", figures: null },
        ],
        after: [
          { id: "s", name: "Sales", figures: figures(40, 10) },
          { id: "o", name: "Operations", figures: figures(-10, 10) },
          { id: "f", name: "Finance", figures: figures(10, 10) },
        ],
      },
      roles: noGroups,
    });
    // Follow-up 10 / 14.142136 (p = 0.4795), Sales 40 / 14.142136 = 2.828427 (p = 0.004678 <= 0.05 / 3),
    // Operations 10 / 14.142136 (p = 0.4795): Holm over 3.
    expect(result.followUpChange).toMatchObject({ verdict: "noise", control: { method: "holm", tests: 3 } });
    expect(result.departments.map((g) => [g.name, g.change.delta, g.change.verdict])).toEqual([
      ["Operations", 10, "noise"],
      ["Sales", 40, "change"],
    ]);
  });

  it("gives a group that holds every answer of both rounds the whole training's label, counted once", () => {
    const result = compareTraining({
      ...sides(figures(0, 10, 12), figures(30, 10, 12)),
      departments: {
        before: [{ id: "s", name: "Sales", figures: figures(0, 10, 12) }],
        after: [{ id: "s", name: "Sales", figures: figures(30, 10, 12) }],
      },
      roles: noGroups,
    });
    expect(result.departments[0].change).toEqual(result.change);
    expect(result.change!.control).toEqual({ method: "alone" });
  });
});

describe("compareRatings", () => {
  const questions = [
    { id: "q1", text: "Relevant" },
    { id: "q2", text: "Clear" },
  ];
  const rating = (mean: number, answers = 10) => ({ answers, mean, distribution: [0, 0, 0, 0, answers] });

  it("pairs each item's before, after and follow-up and gives the change in mean", () => {
    const rows = compareRatings(questions, {
      before: [rating(3), rating(4)],
      after: [rating(4.5), null],
      followUp: [rating(4), rating(3.5)],
    });
    expect(rows.map((r) => [r.text, r.before?.mean, r.after?.mean ?? null, r.followUp?.mean, r.meanChange])).toEqual([
      ["Relevant", 3, 4.5, 4, 1.5],
      ["Clear", 4, null, 3.5, null],
    ]);
  });

  it("shows every item as withheld for a round that is not shown", () => {
    const rows = compareRatings(questions, { before: null, after: [rating(4), rating(4)], followUp: null });
    expect(rows.every((r) => r.before === null && r.followUp === null && r.meanChange === null)).toBe(true);
  });
});

describe("sharesOf", () => {
  it("gives each score's share of the responses, and zeros for none", () => {
    expect(sharesOf([1, 0, 3])).toEqual([0.25, 0, 0.75]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
  });
});
