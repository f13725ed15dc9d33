import { describe, expect, it } from "vitest";
import {
  changeBetween,
  compareGroups,
  compareRatings,
  estimateOf,
  sharesOf,
  type ScoreFigures,
} from "~/domain/training-comparison";

const figures = (nps: number, se: number, responses = 10): ScoreFigures => ({
  responses,
  nps,
  se,
  low: nps - 1.96 * se,
  high: nps + 1.96 * se,
});

describe("changeBetween", () => {
  it("gives the change and the threshold 1.96 * sqrt(SE1^2 + SE2^2)", () => {
    const change = changeBetween(figures(-10, 12), figures(30, 16))!;
    expect(change.delta).toBe(40);
    expect(change.threshold).toBeCloseTo(1.96 * 20, 10);
    expect(change.significant).toBe(true);
  });

  it("calls a change within the threshold noise", () => {
    expect(changeBetween(figures(10, 12), figures(30, 16))!.significant).toBe(false);
  });

  it("gives nothing when either side is not shown", () => {
    expect(changeBetween(null, figures(30, 16))).toBeNull();
    expect(changeBetween(figures(30, 16), null)).toBeNull();
  });

  it("turns figures into an estimate", () => {
    expect(estimateOf(figures(5, 2, 7))).toEqual({ n: 7, nps: 5, se: 2, low: 5 - 3.92, high: 5 + 3.92 });
  });
});

describe("compareGroups", () => {
  it("keeps only the groups shown in both rounds, sorted by name, each with its change", () => {
    const compared = compareGroups(
      [
        { id: "s", name: "Sales", figures: figures(0, 10) },
        { id: "o", name: "Operations", figures: figures(-20, 10) },
        { id: "f", name: "Finance", figures: null },
        { id: "l", name: "Legal", figures: figures(50, 10) },
      ],
      [
        { id: "s", name: "Sales", figures: figures(40, 10) },
        { id: "o", name: "Operations", figures: figures(-10, 10) },
        { id: "f", name: "Finance", figures: figures(10, 10) },
        { id: "x", name: "New", figures: figures(10, 10) },
      ],
    );
    expect(compared.map((g) => [g.name, g.change.delta, g.change.significant])).toEqual([
      ["Operations", 10, false],
      ["Sales", 40, true],
    ]);
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
