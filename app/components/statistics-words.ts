/**
 * What the staff pages say about intervals and changes, in words for managers rather than
 * formulas (the formulas are in docs/STATISTICS.md). Every such phrase is here, in English, so
 * that it can move into the message catalogue in one piece; the public page's are in
 * app/i18n/messages ("published.change.*", "published.score.*").
 */
import { formatNps } from "~/domain/group-figures";
import type { Control, NpsChange, NpsEstimate, Verdict } from "~/domain/nps-statistics";

/** The short label of a change. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  change: "Clear change",
  noise: "Within the noise",
  "too-few": "Too few answers to tell",
};

/** "+12.5 points, a clear change" */
export function describeChange(change: Pick<NpsChange, "delta" | "verdict">): string {
  return `${formatNps(change.delta)} points, ${VERDICT_LABELS[change.verdict].toLowerCase()}`;
}

/** One sentence on what the label means for this change. */
export function explainChange(change: Pick<NpsChange, "verdict" | "control">): string {
  const onThisPage =
    change.control.method === "alone" ? "" : `, even allowing for the ${change.control.tests} changes checked together`;
  switch (change.verdict) {
    case "change":
      return `A change this size would happen by chance less than 1 time in 20${onThisPage}.`;
    case "noise":
      return "A change this size could well come from who happened to answer, so it is not a clear change.";
    case "too-few":
      return "Too few answers to tell: groups this small could not show a clear change here, whatever they answered.";
  }
}

function familyWords(control: Extract<Control, { method: "holm" | "bh" }>): string {
  const changes = control.tests === 1 ? "1 change" : `${control.tests} changes`;
  const checked =
    control.method === "holm"
      ? `${changes} checked together (Holm's method), so the chance that any of them is called a clear change by chance alone stays under 1 in 20.`
      : `${changes} checked together (Benjamini-Hochberg), so on average fewer than 1 in 20 of those called clear changes are chance.`;
  const excluded =
    control.excluded === 0
      ? ""
      : ` ${control.excluded === 1 ? "1 more has" : `${control.excluded} more have`} too few answers to tell and ${control.excluded === 1 ? "is" : "are"} not counted.`;
  return checked + excluded;
}

/**
 * The footnote of a page of changes: which one is its main question, tested alone, and how the
 * others are checked together. `main` names the main question ("The latest change of the whole
 * company"); null when the page has none.
 */
export function changesFootnote(changes: readonly (NpsChange | null)[], main: string | null): string {
  const family = changes.find((c) => c && c.control.method !== "alone")?.control;
  const parts = [
    "A clear change is one that would happen by chance less than 1 time in 20; anything smaller is within the noise.",
  ];
  if (main && changes.some((c) => c?.control.method === "alone"))
    parts.push(`${main} is the main question and is tested on its own.`);
  if (family && family.method !== "alone") parts.push(`${main ? "The other" : "The"} ${familyWords(family)}`);
  return parts.join(" ");
}

/** Trainings: before and after are mostly the same people, which the test leaves out. */
export const TRAINING_TEST_NOTE =
  "Before and after are answered mostly by the same people, but the test treats them as different people: it is conservative, so it can miss a real change, and a change it calls clear is even less likely to be chance.";

/**
 * What a 95% interval estimates, and what it assumes, next to the interval. `measure` is
 * "eNPS" or "NPS" (a training's).
 */
export function intervalMeaning(
  estimate: Pick<NpsEstimate, "n" | "population">,
  { sharedLink = false, measure = "eNPS" }: { sharedLink?: boolean; measure?: string } = {},
): string {
  const { n, population } = estimate;
  if (population !== null && population === n) {
    return `Everyone invited answered, so this is exactly the ${measure} of these ${n} people: the interval is the score itself.`;
  }
  if (population !== null) {
    return `The 95% interval is where the ${measure} of all ${population} people invited most likely lies, assuming the ${population - n} who did not answer think like the ${n} who did. It never goes beyond what those ${population - n} could change, whatever they think.`;
  }
  const who = sharedLink
    ? "This round has a shared link, so who could answer is not known. "
    : "How many people could answer is not known. ";
  return `${who}The 95% interval is where the ${measure} of people like those who answered most likely lies, assuming those who answered are like those who did not.`;
}

/** The same, for a table or chart of many groups, whose invited counts differ. */
export function intervalsMeaning({
  measure = "eNPS",
  known = true,
}: { measure?: string; known?: boolean } = {}): string {
  return known
    ? `Each 95% interval is where the ${measure} of everyone invited in that group most likely lies, assuming those who did not answer think like those who did; it never goes beyond what they could change.`
    : `Each 95% interval is where the ${measure} of people like those who answered most likely lies, assuming those who answered are like those who did not.`;
}
