/**
 * Charts of results, drawn with chart.js in the browser only (a canvas has nothing to show
 * before then, so no room is kept for it either). Every chart sits above a table with the same
 * numbers, which the server renders, so the figures are there without JavaScript and for screen
 * readers; the canvas itself is labelled as an image of that table.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from "chart.js";
import { useEffect, useState } from "react";
import { Bar, Line } from "react-chartjs-2";
import { heatLevel } from "~/domain/group-figures";
import { categoryOf } from "~/domain/nps";
import type { ScoreName } from "~/domain/round-status";

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Filler,
  Tooltip,
  Legend,
);

export const CATEGORY_COLOURS = { promoter: "#1f8a4c", passive: "#b7862a", detractor: "#c2413a" } as const;
/** The same scale as the .heat-N classes in styles/results.css, from deep red to deep green. */
export const HEAT_COLOURS = ["#b3261e", "#d9534f", "#e99a5b", "#d8c25a", "#8cc084", "#3f9b5f", "#1f7a45"];
/** The eNPS range of each heat level (see `heatLevel`). */
export const HEAT_RANGES = ["below -50", "-50 to -25", "-25 to 0", "0 to 25", "25 to 50", "50 to 75", "75 and up"];
const INTERVAL_FILL = "rgba(47, 91, 211, 0.16)";
const INTERVAL_LINE = "rgba(47, 91, 211, 0.5)";
const INK = "#1d2330";
const GRID = "#e4e7ed";

/** False during the server render and the first browser render, true once hydrated. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The chart's box, only once it can be drawn: without JavaScript there is no blank space, just the table. */
function ChartBox({
  label,
  height,
  name,
  children,
}: {
  label: string;
  height: number;
  name: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <div className="chart-box" style={{ height }} data-chart={name} role="img" aria-label={label}>
      {children}
    </div>
  );
}

// Drawn at once (no animation), so a printed page or a screenshot never catches a half-drawn chart.
const common: ChartOptions<"bar" | "line"> = { animation: false, responsive: true, maintainAspectRatio: false };

export function ScoreDistributionChart({ distribution, label }: { distribution: number[]; label: string }) {
  const data: ChartData<"bar"> = {
    labels: distribution.map((_, score) => String(score)),
    datasets: [
      {
        label: "Responses",
        data: distribution,
        backgroundColor: distribution.map((_, score) => CATEGORY_COLOURS[categoryOf(score)]),
      },
    ],
  };
  const options: ChartOptions<"bar"> = {
    ...(common as ChartOptions<"bar">),
    plugins: { legend: { display: false } },
    scales: {
      x: { title: { display: true, text: "Score", color: INK }, grid: { display: false } },
      y: {
        beginAtZero: true,
        ticks: { precision: 0 },
        title: { display: true, text: "Responses", color: INK },
        grid: { color: GRID },
      },
    },
  };
  return (
    <ChartBox label={label} height={260} name="distribution">
      <Bar data={data} options={options} />
    </ChartBox>
  );
}

export interface ChartGroup {
  name: string;
  nps: number;
  low: number;
  high: number;
}

export interface LegendItem {
  text: string;
  fill: string;
  line: string;
}

/**
 * The legend of a breakdown chart: one swatch per heat colour its bars use (lowest first), with
 * that colour's score range, then the interval band.
 */
export function breakdownLegend(groups: ChartGroup[], measure: ScoreName = "eNPS"): LegendItem[] {
  const levels = [...new Set(groups.map((g) => heatLevel(g.nps)))].sort((a, b) => a - b);
  return [
    ...levels.map((level) => ({
      text: `${measure} ${HEAT_RANGES[level]}`,
      fill: HEAT_COLOURS[level],
      line: HEAT_COLOURS[level],
    })),
    { text: "95% interval", fill: INTERVAL_FILL, line: INTERVAL_LINE },
  ];
}

/**
 * eNPS (or a training's NPS) per group as horizontal bars coloured by heat level, with each
 * group's 95% interval as a pale band behind.
 */
export function BreakdownChart({
  groups,
  label,
  name,
  measure = "eNPS",
}: {
  groups: ChartGroup[];
  label: string;
  name: string;
  measure?: ScoreName;
}) {
  const data: ChartData<"bar", (number | [number, number])[]> = {
    labels: groups.map((g) => g.name),
    datasets: [
      {
        label: measure,
        data: groups.map((g) => g.nps),
        backgroundColor: groups.map((g) => HEAT_COLOURS[heatLevel(g.nps)]),
        barPercentage: 0.5,
        order: 1,
      },
      {
        label: "95% interval",
        data: groups.map((g) => [g.low, g.high] as [number, number]),
        backgroundColor: INTERVAL_FILL,
        borderColor: INTERVAL_LINE,
        borderWidth: 1,
        grouped: false,
        barPercentage: 0.9,
        order: 2,
      },
    ],
  };
  const options: ChartOptions<"bar"> = {
    ...(common as ChartOptions<"bar">),
    indexAxis: "y",
    plugins: {
      legend: {
        position: "bottom",
        // The bars take several colours, so the legend names each one rather than the dataset;
        // hiding a colour would hide every bar, so the entries are not buttons.
        onClick: () => undefined,
        labels: {
          generateLabels: () =>
            breakdownLegend(groups, measure).map((item) => ({
              text: item.text,
              fillStyle: item.fill,
              strokeStyle: item.line,
              lineWidth: 1,
              fontColor: INK,
            })),
        },
      },
    },
    scales: {
      x: { min: -100, max: 100, title: { display: true, text: measure, color: INK }, grid: { color: GRID } },
      y: { grid: { display: false } },
    },
  };
  return (
    <ChartBox label={label} height={Math.max(160, 28 * groups.length + 90)} name={name}>
      <Bar data={data} options={options} />
    </ChartBox>
  );
}

export interface ChartPoint {
  label: string;
  /** Null for a withheld round: the line breaks there instead of dropping to zero. */
  nps: number | null;
  low: number | null;
  high: number | null;
}

/** eNPS over rounds: a line, with the 95% interval as a band; withheld rounds are gaps. */
export function TrendChart({
  points,
  label,
  compact = false,
}: {
  points: ChartPoint[];
  label: string;
  compact?: boolean;
}) {
  const data: ChartData<"line", (number | null)[]> = {
    labels: points.map((p) => p.label),
    datasets: [
      { label: "Interval low", data: points.map((p) => p.low), borderWidth: 0, pointRadius: 0, fill: false },
      {
        label: "95% interval",
        data: points.map((p) => p.high),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: INTERVAL_FILL,
        fill: "-1",
      },
      {
        label: "eNPS",
        data: points.map((p) => p.nps),
        borderColor: "#2f5bd3",
        backgroundColor: "#2f5bd3",
        borderWidth: 2,
        pointRadius: compact ? 2 : 4,
        fill: false,
      },
    ],
  };
  const options: ChartOptions<"line"> = {
    ...(common as ChartOptions<"line">),
    spanGaps: false,
    plugins: {
      legend: { display: !compact, position: "bottom", labels: { filter: (item) => item.text !== "Interval low" } },
      tooltip: { enabled: !compact, filter: (item) => item.dataset.label === "eNPS" },
    },
    scales: {
      x: { display: !compact, grid: { display: false } },
      // The full -100..100 scale keeps pages comparable; a sparkline zooms in on its own range.
      y: compact
        ? { display: false }
        : { min: -100, max: 100, title: { display: true, text: "eNPS", color: INK }, grid: { color: GRID } },
    },
  };
  return (
    <ChartBox label={label} height={compact ? 90 : 300} name={compact ? "sparkline" : "trend"}>
      <Line data={data} options={options} />
    </ChartBox>
  );
}

/** The colours of a training's rounds in its charts: before, after, follow-up. */
export const ROUND_SERIES_COLOURS = ["#8a94a6", "#2f5bd3", "#1f8a8a"] as const;

export interface DistributionSeries {
  label: string;
  /** Share of the responses per score 0..10, as fractions. */
  shares: number[];
  colour: string;
}

/** Several rounds' 0-10 distributions as grouped bars of percentages, so rounds of different sizes compare. */
export function GroupedDistributionChart({ series, label }: { series: DistributionSeries[]; label: string }) {
  const data: ChartData<"bar"> = {
    labels: Array.from({ length: 11 }, (_, score) => String(score)),
    datasets: series.map((s) => ({
      label: s.label,
      data: s.shares.map((share) => Math.round(share * 1000) / 10),
      backgroundColor: s.colour,
    })),
  };
  const options: ChartOptions<"bar"> = {
    ...(common as ChartOptions<"bar">),
    plugins: { legend: { position: "bottom" } },
    scales: {
      x: { title: { display: true, text: "Score", color: INK }, grid: { display: false } },
      y: { beginAtZero: true, title: { display: true, text: "% of responses", color: INK }, grid: { color: GRID } },
    },
  };
  return (
    <ChartBox label={label} height={280} name="distribution-comparison">
      <Bar data={data} options={options} />
    </ChartBox>
  );
}

export interface BeforeAfterBar {
  name: string;
  /** Null where the figure is withheld or not there yet: no bar, never a zero. */
  before: number | null;
  after: number | null;
  change: number | null;
}

/** Before, after and the change per training (or trainer, or topic), as grouped horizontal bars. */
export function BeforeAfterChart({ bars, label }: { bars: BeforeAfterBar[]; label: string }) {
  const data: ChartData<"bar", (number | null)[]> = {
    labels: bars.map((b) => b.name),
    datasets: [
      { label: "Before", data: bars.map((b) => b.before), backgroundColor: ROUND_SERIES_COLOURS[0] },
      { label: "After", data: bars.map((b) => b.after), backgroundColor: ROUND_SERIES_COLOURS[1] },
      { label: "Change", data: bars.map((b) => b.change), backgroundColor: "#e0a23a" },
    ],
  };
  const options: ChartOptions<"bar"> = {
    ...(common as ChartOptions<"bar">),
    indexAxis: "y",
    plugins: { legend: { position: "bottom" } },
    scales: {
      x: {
        suggestedMin: -100,
        suggestedMax: 100,
        title: { display: true, text: "NPS / change in points", color: INK },
        grid: { color: GRID },
      },
      y: { grid: { display: false } },
    },
  };
  return (
    <ChartBox label={label} height={Math.max(180, 54 * bars.length + 90)} name="before-after">
      <Bar data={data} options={options} />
    </ChartBox>
  );
}
