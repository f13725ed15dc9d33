// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { formatInterval } from "~/components/results/format";
import { DistributionComparison, ScoresSideBySide, TOO_FEW } from "~/components/trainings/comparison";
import { OverallChange, TrainingsTable } from "~/components/trainings/overview";
import { figuresOf } from "~/domain/group-figures";
import { estimateNps } from "~/domain/nps-statistics";
import { compareTraining } from "~/domain/training-comparison";
import { summariseTrainings, type RoundOutcome, type TrainingRow } from "~/domain/training-pooling";
import type { ComparedRound, TrainingComparison } from "~/models/training-results.server";

afterEach(cleanup);

function renderInRemix(node: ReactNode) {
  const Stub = createRemixStub([{ path: "/", Component: () => <>{node}</> }]);
  render(<Stub />);
}

const before = figuresOf([1, 0, 0, 1, 0, 1, 3, 1, 1, 2, 1], 24, true)!;
const after = figuresOf([0, 0, 0, 0, 0, 0, 1, 1, 2, 4, 5], 24, true)!;

function round(kind: ComparedRound["kind"], figures: ComparedRound["figures"], withheld = false): ComparedRound {
  return {
    id: kind,
    name: kind,
    kind,
    status: "closed",
    k: 5,
    closesAt: new Date("2026-03-01"),
    closedAt: null,
    sharedLink: false,
    figures,
    withheld,
  };
}

const comparison: TrainingComparison = {
  before: round("TRAINING_PRE", before),
  after: round("TRAINING_POST", after),
  followUp: round("TRAINING_FOLLOWUP", null, true),
  change: compareTraining({
    before,
    after,
    followUp: null,
    departments: { before: [], after: [] },
    roles: { before: [], after: [] },
  }).change,
  followUpChange: null,
  ratings: [],
  departments: [],
  roles: [],
  comments: null,
};

describe("ScoresSideBySide", () => {
  it("puts before and after side by side with intervals and n, says whether the change is clear, and withholds a small round", () => {
    renderInRemix(<ScoresSideBySide comparison={comparison} />);
    const beforeSide = screen.getByRole("region", { name: "Before" });
    expect(within(beforeSide).getByLabelText("NPS before: -27.3")).toBeInTheDocument();
    expect(beforeSide).toHaveTextContent("n = 11 of 24 invited (46%)");
    expect(beforeSide).toHaveTextContent(`95% interval ${formatInterval(before.low, before.high)}`);
    expect(
      within(screen.getByRole("region", { name: "After" })).getByLabelText("NPS after: +61.5"),
    ).toBeInTheDocument();
    const followUp = screen.getByRole("region", { name: "Follow-up" });
    expect(followUp).toHaveTextContent("Withheld");
    expect(followUp).toHaveTextContent(TOO_FEW);
    expect(followUp.textContent).not.toMatch(/\d/);
    expect(beforeSide).toHaveTextContent(
      "where the NPS of all 24 people invited most likely lies, assuming the 13 who",
    );
    // Adjusted -21.4 -> +50.0 over sqrt(22.4^2 + 17.1^2) = 28.2: p = 0.011, tested alone.
    expect(screen.getByText(/Change after the training:/).parentElement).toHaveTextContent(
      "+88.8 points Clear change A change this size would happen by chance less than 1 time in 20.",
    );
    expect(screen.getByText(/The change after the training is the main question/)).toHaveTextContent(
      "the test treats them as different people: it is conservative",
    );
    expect(screen.getByText(/Change at the follow-up/).parentElement).toHaveTextContent(
      "No comparison until both rounds show a score.",
    );
  });
});

describe("DistributionComparison", () => {
  it("labels the grouped chart with the numbers and lists the same numbers per round in a table", () => {
    renderInRemix(<DistributionComparison comparison={comparison} />);
    expect(screen.getByRole("img", { name: /^Share of responses per score: Before: 0: 1, 1: 0/ })).toHaveAttribute(
      "data-chart",
      "distribution-comparison",
    );
    const table = screen.getByRole("table", { name: "Responses per score, before and after the training" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => within(r).queryByRole("rowheader")?.textContent ?? "")).toEqual(["", "Before", "After"]);
    const afterCells = within(rows[2])
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(afterCells.at(-1)).toBe("13");
    expect(afterCells[10]).toBe("5 38.5%");
  });
});

const score = (promoters: number, passives: number, detractors: number) => ({
  ...estimateNps({ promoters, passives, detractors })!,
  promoters,
  passives,
  detractors,
  population: null,
});
const shown = (p: number, pa: number, d: number): RoundOutcome => ({ state: "shown", k: 5, score: score(p, pa, d) });

describe("the trainings overview", () => {
  const rows: TrainingRow[] = [
    {
      id: "a",
      title: "Listening",
      topic: "Communication",
      trainer: { id: "u", name: "Uma" },
      startsOn: new Date("2026-02-01"),
      before: shown(2, 3, 2),
      after: shown(4, 3, 2),
    },
    {
      id: "b",
      title: "Budgets",
      topic: "Finance",
      trainer: { id: "u", name: "Uma" },
      startsOn: new Date("2026-01-01"),
      before: { state: "withheld", k: 5 },
      after: shown(5, 0, 0),
    },
  ];
  const summary = summariseTrainings(rows);

  it("shows each training's before, after and change, notes small samples, and withholds what the gate withholds", () => {
    renderInRemix(<TrainingsTable rows={summary.rows} showTrainer={false} />);
    const table = screen.getByRole("table", { name: /^NPS before and after each training/ });
    const listening = within(table).getByRole("row", { name: /Listening/ });
    expect(listening).toHaveTextContent("+22.2 points");
    expect(listening).toHaveTextContent("Within the noise");
    expect(listening).toHaveTextContent("n = 7 before, 9 after");
    const budgets = within(table).getByRole("row", { name: /Budgets/ });
    expect(budgets).toHaveTextContent("Withheld");
    expect(within(budgets).getByText("No comparison")).toBeInTheDocument();
    expect(within(table).queryByRole("columnheader", { name: "Trainer" })).toBeNull();
  });

  it("pools only the compared trainings in the overall change", () => {
    renderInRemix(<OverallChange pool={summary.overall} whose="your trainings" />);
    expect(screen.getByRole("heading", { name: "Overall change, your trainings" })).toBeInTheDocument();
    expect(
      screen.getByText(
        /The answers of 1 training pooled \(n = 7 before, 9 after\); 1 more not compared yet or withheld\./,
      ),
    ).toBeInTheDocument();
  });
});
