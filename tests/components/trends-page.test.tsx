// @vitest-environment jsdom
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { departmentKey, OVERALL_KEY } from "~/domain/anonymity";
import Trends from "~/routes/hr.trends";

afterEach(cleanup);

type Point = {
  roundId: string;
  name: string;
  closedOn: string;
  score: { nps: number; low: number; high: number; n: number } | null;
  change: null;
  asked: boolean;
};

const point = (n: number, score: Point["score"], asked = true): Point => ({
  roundId: `r${n}`,
  name: `Q${n} 2026`,
  closedOn: `2026-0${n * 3}-28`,
  score,
  change: null,
  asked,
});

function renderTrends(points: Point[], selected = OVERALL_KEY, name = "Everyone") {
  const data = {
    canPick: true,
    selected,
    name,
    departments: [{ key: departmentKey("d1"), name: "Sales" }],
    roles: [],
    points,
  };
  const Stub = createRemixStub([{ path: "/hr/trends", Component: Trends, loader: () => data }]);
  render(<Stub initialEntries={["/hr/trends"]} />);
}

describe("the trends page", () => {
  it("says that every figure of a group is withheld, and draws no empty chart", async () => {
    renderTrends([point(1, null), point(2, null)], departmentKey("d1"), "Sales");
    const note = await screen.findByText(/Every round's figure for Sales is withheld/);
    expect(note).toHaveTextContent("Their answers still count in the company's figures.");
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByLabelText("Group")).toHaveValue(departmentKey("d1"));
  });

  it("says that no round asked a group nobody was ever invited from, rather than that too few answered", async () => {
    renderTrends([point(1, null, false), point(2, null, false)], departmentKey("d1"), "Sales");
    expect(
      await screen.findByText("None of these rounds invited anyone in Sales, so there is no figure to follow yet."),
    ).toBeInTheDocument();
    expect(screen.queryByText(/did enough people answer/)).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("names the first round as having nothing to compare with, and says nothing about withholding when a figure shows", async () => {
    renderTrends([point(1, { nps: 20, low: 5, high: 35, n: 40 }), point(2, null)]);
    const table = await screen.findByRole("table", { name: "eNPS per round, Everyone" });
    const [first, second] = within(table).getAllByRole("row").slice(1);
    expect(first).toHaveTextContent("No earlier round to compare with");
    expect(second).toHaveTextContent("No comparison: a figure is withheld");
    expect(screen.queryByText(/Every round.s figure/)).toBeNull();
    expect(
      screen.getByRole("img", { name: /^eNPS over time, Everyone: Q1 2026 \+20.0, Q2 2026 withheld/ }),
    ).toBeInTheDocument();
  });
});
