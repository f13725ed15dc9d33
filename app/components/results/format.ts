import { formatNps } from "~/domain/group-figures";
import { ROUND_KIND_LABELS, type RoundKind } from "~/domain/round-status";

/** "-5.8 to +30.8": an interval's bounds as pages print them. */
export function formatInterval(low: number, high: number): string {
  return `${formatNps(low)} to ${formatNps(high)}`;
}

/** A response rate as a whole-number percentage, or a dash when the invited count is unknown. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)}%`;
}

/** "Periodic eNPS", "After training", ...; an unknown kind as it is stored. */
export function roundKindLabel(kind: string): string {
  return ROUND_KIND_LABELS[kind as RoundKind] ?? kind;
}
