import type { NpsChange } from "~/domain/nps-statistics";
import { VERDICT_LABELS } from "../statistics-words";

const BADGE_CLASS: Record<NpsChange["verdict"], string> = {
  change: "badge badge-ok",
  noise: "badge badge-warn",
  "too-few": "badge badge-muted",
};

/** Whether a change is clear, within the noise, or impossible to tell from so few answers, in words. */
export function ChangeBadge({ change }: { change: NpsChange }) {
  return <span className={BADGE_CLASS[change.verdict]}>{VERDICT_LABELS[change.verdict]}</span>;
}
