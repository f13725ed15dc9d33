import type { ScoreName } from "~/domain/round-status";

const LEVELS = ["below -50", "-50 to -25", "-25 to 0", "0 to 25", "25 to 50", "50 to 75", "75 and up"];

/** What the breakdown colours mean; the numbers are always written out as well. */
export function HeatLegend({ measure = "eNPS" }: { measure?: ScoreName }) {
  return (
    <div className="heat-legend">
      <span className="muted small">{measure} colour:</span>
      <ul>
        {LEVELS.map((label, level) => (
          <li key={label}>
            <span className={`swatch heat heat-${level}`} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
