// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { LatestScore, OpenRoundsCard } from "~/components/results/home-cards";
import type { OpenRound } from "~/models/results/index.server";

afterEach(cleanup);

function renderInRemix(node: ReactNode) {
  const Stub = createRemixStub([{ path: "/", Component: () => <>{node}</> }]);
  render(<Stub />);
}

const openRound = (name: string, k: number, responses: number | null): OpenRound => ({
  id: name,
  name,
  kind: "PULSE",
  closesAt: new Date("2026-12-01T17:00:00Z"),
  counts: {
    k,
    overall: { invited: 40, responses, rate: responses === null ? null : responses / 40, live: true },
    departments: [],
    open: true,
    countedAt: null,
  },
});

describe("the open rounds card", () => {
  it("shows each round's responses and rate, and no withheld footnote when nothing is withheld", () => {
    renderInRemix(<OpenRoundsCard rounds={[openRound("Pulse", 5, 12)]} />);
    expect(screen.getByRole("row", { name: /Pulse/ })).toHaveTextContent("12 of 4030%");
    expect(screen.queryByText(/held back so a smaller group/)).toBeNull();
  });

  it("shows the responses of a round with a shared link without a rate, which could pass 100%", () => {
    const kiosk: OpenRound = {
      ...openRound("Kiosk", 5, 52),
      counts: {
        k: 5,
        overall: { invited: 40, responses: 52, rate: null, live: true },
        departments: [],
        open: true,
        countedAt: null,
      },
    };
    renderInRemix(<OpenRoundsCard rounds={[kiosk]} />);
    const row = screen.getByRole("row", { name: /Kiosk/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual([expect.any(String), "52", "None: anyone with the shared link can answer"]);
  });

  it("explains a withheld count in a footnote that the cell points to, with the round's k", () => {
    renderInRemix(<OpenRoundsCard rounds={[openRound("Pulse", 5, 12), openRound("Small team", 4, null)]} />);
    const cell = within(screen.getByRole("row", { name: /Small team/ }))
      .getByText("Withheld")
      .closest("td")!;
    const note = document.getElementById(cell.getAttribute("aria-describedby")!)!;
    expect(note).toHaveTextContent(
      "* Withheld: Fewer than 4 people invited, or held back so a smaller group cannot be worked out.",
    );
  });

  it("speaks of k, not a number, when the withheld rounds have different thresholds", () => {
    renderInRemix(<OpenRoundsCard rounds={[openRound("A", 4, null), openRound("B", 6, null)]} />);
    expect(
      screen.getByText(/Withheld: Fewer than k people invited \(the round's reporting threshold\)/),
    ).toBeInTheDocument();
  });
});

describe("the latest score card", () => {
  it("explains a withheld latest score in the same words as every results page", () => {
    const trend = [
      { roundId: "r1", name: "Q3 2026", closedOn: new Date("2026-09-30"), score: null, change: null, asked: true },
    ];
    renderInRemix(<LatestScore trend={trend} manager />);
    expect(screen.getByRole("heading", { name: "Your department's eNPS" })).toBeInTheDocument();
    expect(screen.getByText("Withheld").closest("p")).toHaveAccessibleDescription(
      "Fewer than k responses (the round's reporting threshold), or held back so a smaller group cannot be worked out.",
    );
  });
});
