import { formatNps } from "~/domain/group-figures";
import type { NpsChange } from "~/domain/nps";

/** "+23.5 points (the noise of these samples is ±18.2)" */
export function describeTrainingChange(change: NpsChange): string {
  return `${formatNps(change.delta)} points (the noise of these samples is ±${change.threshold.toFixed(1)})`;
}

/** Whether a change is larger than the noise of the two samples, in words. */
export function ChangeBadge({ change }: { change: NpsChange }) {
  return change.significant ? (
    <span className="badge badge-ok">Significant</span>
  ) : (
    <span className="badge badge-warn">Within the noise</span>
  );
}
