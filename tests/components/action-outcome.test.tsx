// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ActionOutcomeCard } from "~/components/action-outcome";
import { outcomeOf, type ScoredRound } from "~/domain/action-outcome";
import { estimateNps } from "~/domain/nps-statistics";

afterEach(cleanup);

const before = estimateNps({ promoters: 2, passives: 2, detractors: 6 })!;
const better = estimateNps({ promoters: 7, passives: 2, detractors: 1 })!;
const slightly = estimateNps({ promoters: 2, passives: 3, detractors: 5 })!;
const round = (name: string, score: typeof before | null): ScoredRound => ({
  round: { id: name, name, k: 5 },
  closed: true,
  score,
});
const card = () => screen.getByRole("region", { name: "Did it work?" });

describe("Did it work?", () => {
  it("shows both rounds with their intervals, what they estimate, and a clear change", () => {
    render(
      <ActionOutcomeCard
        outcome={outcomeOf("Sales", round("2025 Q4", before), round("2026 Q1", better), "periodic")}
        deadline="2026-01-31"
      />,
    );
    expect(card()).toHaveTextContent("Before · 2025 Q4-40.095% interval -74.1 to +12.6 · 10 responses");
    expect(card()).toHaveTextContent("After the deadline · 2026 Q1+60.095% interval +7.0 to +85.3 · 10 responses");
    expect(card()).toHaveTextContent(
      "How many people could answer is not known. The 95% interval is where the eNPS of people like those who answered most likely lies, assuming those who answered are like those who did not.",
    );
    // Adjusted -30.8 -> +46.2 over sqrt(22.12^2 + 19.96^2) = 29.79: z = 2.58, p = 0.0098.
    expect(card()).toHaveTextContent(
      "Change: +100.0 points, clear change. A change this size would happen by chance less than 1 time in 20.",
    );
  });

  it("says when a change is within the noise", () => {
    render(
      <ActionOutcomeCard
        outcome={outcomeOf("Sales", round("2025 Q4", before), round("2026 Q1", slightly), "periodic")}
        deadline="2026-01-31"
      />,
    );
    expect(card()).toHaveTextContent(
      "Change: +10.0 points, within the noise. A change this size could well come from who happened to answer",
    );
  });

  it("says why there is no figure, with the withheld wording and no number", () => {
    render(
      <ActionOutcomeCard
        outcome={outcomeOf("Sales", round("2025 Q4", before), round("2026 Q1", null), "periodic")}
        deadline="2026-01-31"
      />,
    );
    expect(card()).toHaveTextContent(
      "No change to show. In 2026 Q1, Sales is withheld: fewer than 5 responses, or held back so a smaller group cannot be worked out.",
    );
    expect(card()).not.toHaveTextContent("Change:");
    cleanup();
    render(
      <ActionOutcomeCard
        outcome={outcomeOf("Sales", round("2025 Q4", before), null, "periodic")}
        deadline="2026-01-31"
      />,
    );
    expect(card()).toHaveTextContent("No periodic eNPS round has closed after the deadline (31 Jan 2026) yet.");
    cleanup();
    render(<ActionOutcomeCard outcome={{ state: "no-round" }} deadline="2026-01-31" />);
    expect(card()).toHaveTextContent("This item is not linked to a round");
  });
});
