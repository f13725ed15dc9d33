/**
 * Before vs after for one training, from figures the results gate has already let through:
 * a figure is null wherever the gate withheld it (or the round has not closed), and nothing
 * here can bring it back. Pure arithmetic on what is shown.
 */
import type { RatingFigures } from "./group-figures";
import { compareNps, type NpsChange, type NpsEstimate } from "./nps";

/** The parts of a group's figures a comparison needs. */
export interface ScoreFigures {
  responses: number;
  nps: number;
  se: number;
  low: number;
  high: number;
}

export function estimateOf(figures: ScoreFigures): NpsEstimate {
  return { n: figures.responses, nps: figures.nps, se: figures.se, low: figures.low, high: figures.high };
}

/** The change from `before` to `after`, or null when either is not shown. */
export function changeBetween(before: ScoreFigures | null, after: ScoreFigures | null): NpsChange | null {
  return before && after ? compareNps(estimateOf(before), estimateOf(after)) : null;
}

export interface GroupSide {
  id: string;
  name: string;
  /** Null when the gate withheld the group in that round. */
  figures: ScoreFigures | null;
}

export interface GroupComparison {
  id: string;
  name: string;
  before: ScoreFigures;
  after: ScoreFigures;
  change: NpsChange;
}

const collator = new Intl.Collator("en");

/** The groups (departments or roles) shown in both rounds, by name, each with its change. */
export function compareGroups(before: readonly GroupSide[], after: readonly GroupSide[]): GroupComparison[] {
  const shownAfter = new Map(after.filter((g) => g.figures).map((g) => [g.id, g.figures!]));
  return before
    .filter((g) => g.figures && shownAfter.has(g.id))
    .map((g) => {
      const later = shownAfter.get(g.id)!;
      return {
        id: g.id,
        name: g.name,
        before: g.figures!,
        after: later,
        change: compareNps(estimateOf(g.figures!), estimateOf(later)),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

export interface RatingComparison {
  id: string;
  text: string;
  /** Null when the item is withheld in that round, or the round is not shown. */
  before: RatingFigures | null;
  after: RatingFigures | null;
  followUp: RatingFigures | null;
  /** After minus before, in points of the 1-5 scale; null unless both are shown. */
  meanChange: number | null;
}

/**
 * Each rating item before, after and at the follow-up. The rounds share one survey, so the
 * i-th rating of each round answers the i-th question. A round that is not shown passes null.
 */
export function compareRatings(
  questions: readonly { id: string; text: string }[],
  rounds: {
    before: readonly (RatingFigures | null)[] | null;
    after: readonly (RatingFigures | null)[] | null;
    followUp: readonly (RatingFigures | null)[] | null;
  },
): RatingComparison[] {
  return questions.map((question, index) => {
    const before = rounds.before?.[index] ?? null;
    const after = rounds.after?.[index] ?? null;
    return {
      id: question.id,
      text: question.text,
      before,
      after,
      followUp: rounds.followUp?.[index] ?? null,
      meanChange: before && after ? after.mean - before.mean : null,
    };
  });
}

/** Each score's share of the responses (0..1), so rounds of different sizes compare. */
export function sharesOf(distribution: readonly number[]): number[] {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  return distribution.map((count) => (total === 0 ? 0 : count / total));
}
