// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import {
  BeforeAfterChart,
  BreakdownChart,
  breakdownLegend,
  GroupedDistributionChart,
  HEAT_COLOURS,
  HEAT_RANGES,
  ScoreDistributionChart,
  TrendChart,
  type ChartGroup,
} from "~/components/charts";
import { ScoreDistribution } from "~/components/results/nps-summary";
import { heatLevel } from "~/domain/group-figures";

afterEach(cleanup);

const group = (name: string, nps: number): ChartGroup => ({ name, nps, low: nps - 10, high: nps + 10 });

describe("breakdownLegend", () => {
  it("names each heat colour the bars use, lowest first, once each, then the interval band", () => {
    const legend = breakdownLegend([
      group("Sales", 30),
      group("Finance", -40),
      group("Support", 45),
      group("Product", 80),
    ]);
    expect(legend.map((item) => item.text)).toEqual([
      "eNPS -50 to -25",
      "eNPS 25 to 50",
      "eNPS 75 and up",
      "95% interval",
    ]);
    expect(legend.slice(0, 3).map((item) => item.fill)).toEqual([HEAT_COLOURS[1], HEAT_COLOURS[4], HEAT_COLOURS[6]]);
    expect(legend.at(-1)).toEqual({
      text: "95% interval",
      fill: "rgba(47, 91, 211, 0.16)",
      line: "rgba(47, 91, 211, 0.5)",
    });
  });

  it("has no colour swatch for a chart without bars", () => {
    expect(breakdownLegend([]).map((item) => item.text)).toEqual(["95% interval"]);
  });

  it("gives every heat level a colour and the range `heatLevel` puts in it", () => {
    expect(HEAT_RANGES).toHaveLength(HEAT_COLOURS.length);
    const cases: [number, string][] = [
      [-100, "below -50"],
      [-50.1, "below -50"],
      [-50, "-50 to -25"],
      [-25, "-25 to 0"],
      [-0.1, "-25 to 0"],
      [0, "0 to 25"],
      [25, "25 to 50"],
      [50, "50 to 75"],
      [74.9, "50 to 75"],
      [75, "75 and up"],
      [100, "75 and up"],
    ];
    for (const [nps, range] of cases) expect(HEAT_RANGES[heatLevel(nps)]).toBe(range);
  });
});

describe("charts before the browser draws them", () => {
  const charts = {
    distribution: <ScoreDistributionChart distribution={[1, 0, 0, 0, 0, 0, 2, 3, 1, 4, 5]} label="Scores" />,
    breakdown: <BreakdownChart groups={[group("Sales", 30)]} label="By department" name="departments" />,
    trend: <TrendChart points={[{ label: "Q1", nps: 10, low: 0, high: 20 }]} label="Trend" />,
    grouped: (
      <GroupedDistributionChart
        series={[{ label: "Before", shares: Array(11).fill(1 / 11), colour: "#888" }]}
        label="Shares"
      />
    ),
    beforeAfter: (
      <BeforeAfterChart bars={[{ name: "Course", before: 10, after: 30, change: 20 }]} label="Before and after" />
    ),
  };

  it.each(Object.entries(charts))("the %s chart keeps no blank space in the page the server sends", (_, chart) => {
    expect(renderToString(chart)).toBe("");
  });

  it("takes its place, labelled with its numbers, once the page runs in a browser", () => {
    render(<ScoreDistribution name="Sales" distribution={[1, 0, 0, 0, 0, 0, 2, 3, 1, 4, 5]} />);
    const chart = screen.getByRole("img", { name: /^Responses per score, Sales/ });
    expect(chart).toHaveAttribute("data-chart", "distribution");
    expect(chart).toHaveAccessibleName(
      "Responses per score, Sales. 0: 1, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 2, 7: 3, 8: 1, 9: 4, 10: 5.",
    );
  });

  it("carries the label it is given as its accessible name", () => {
    render(charts.breakdown);
    expect(screen.getByRole("img", { name: "By department" })).toHaveAttribute("data-chart", "departments");
  });
});
