/**
 * The one label every withheld group carries, whatever the reason (anonymity rule 5): a reader
 * must not be able to tell "fewer than k answered" from "held back so that a smaller group
 * cannot be worked out", since the difference itself would say something.
 */
export const WITHHELD = "Withheld";

export function Withheld() {
  return (
    <span className="suppressed">
      {WITHHELD}
      <sup aria-hidden="true">*</sup>
    </span>
  );
}

/**
 * With the round's threshold when there is one round; "k" (explained) across rounds. While a
 * round is open its counts go by the people invited, not by the answers so far.
 */
export function withheldExplanation(k?: number, basis: "responses" | "invited" = "responses"): string {
  const unit = basis === "invited" ? "people invited" : "responses";
  const fewer = k === undefined ? `Fewer than k ${unit} (the round's reporting threshold)` : `Fewer than ${k} ${unit}`;
  return `${fewer}, or held back so a smaller group cannot be worked out.`;
}

export function WithheldFootnote({ k, basis }: { k?: number; basis?: "responses" | "invited" }) {
  return (
    <p className="footnote" id="withheld-note">
      <span aria-hidden="true">* </span>
      {WITHHELD}: {withheldExplanation(k, basis)}
    </p>
  );
}
