/**
 * Before vs after for one training, from figures the results gate has already let through:
 * a figure is null wherever the gate withheld it (or the round has not closed), and nothing
 * here can bring it back. Pure arithmetic on what is shown.
 */
import type { RatingFigures } from "./group-figures";
import { labelChanges, testChange, type ChangeTest, type NpsChange, type TestedScore } from "./nps-statistics";

/** The parts of a group's figures a comparison needs. */
export interface ScoreFigures {
  responses: number;
  nps: number;
  adjusted: number;
  se: number;
  low: number;
  high: number;
}

function tested(figures: ScoreFigures): TestedScore {
  return { n: figures.responses, nps: figures.nps, adjusted: figures.adjusted, se: figures.se };
}

/** The change test from `before` to `after`, or null when either is not shown. */
function testBetween(before: ScoreFigures | null, after: ScoreFigures | null): ChangeTest | null {
  return before && after ? testChange(tested(before), tested(after)) : null;
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

/** The groups (departments or roles) shown in both rounds, by name, with their change tests. */
function pairGroups(before: readonly GroupSide[], after: readonly GroupSide[]) {
  const shownAfter = new Map(after.filter((g) => g.figures).map((g) => [g.id, g.figures!]));
  return before
    .filter((g) => g.figures && shownAfter.has(g.id))
    .map((g) => ({ id: g.id, name: g.name, before: g.figures!, after: shownAfter.get(g.id)! }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export interface TrainingSides {
  before: ScoreFigures | null;
  after: ScoreFigures | null;
  followUp: ScoreFigures | null;
  /** Departments and roles of the before and the after round; empty unless both are shown. */
  departments: { before: readonly GroupSide[]; after: readonly GroupSide[] };
  roles: { before: readonly GroupSide[]; after: readonly GroupSide[] };
}

export interface TrainingChanges {
  /** After vs before: the page's primary question; null unless both are shown. */
  change: NpsChange | null;
  /** Follow-up vs before; null unless both are shown. */
  followUpChange: NpsChange | null;
  /** Departments and roles shown in both the before and the after round, each with its change. */
  departments: GroupComparison[];
  roles: GroupComparison[];
}

const PRIMARY = "after";

/**
 * Every change on a training's page, labelled together: after vs before alone at 5%, the
 * follow-up and the groups as one family. A group that holds every answer of both rounds is
 * the whole training again: the same test, with the primary's label.
 */
export function compareTraining(sides: TrainingSides): TrainingChanges {
  const main = testBetween(sides.before, sides.after);
  const followUp = testBetween(sides.before, sides.followUp);
  const wholeRound = (g: { before: ScoreFigures; after: ScoreFigures }) =>
    g.before.responses === sides.before?.responses && g.after.responses === sides.after?.responses;
  const pair = (kind: string, groups: TrainingSides["departments"]) =>
    pairGroups(groups.before, groups.after).map((g) => ({
      ...g,
      key: wholeRound(g) ? PRIMARY : `${kind}:${g.id}`,
      test: testChange(tested(g.before), tested(g.after)),
    }));
  const departments = pair("department", sides.departments);
  const roles = pair("role", sides.roles);
  const labels = labelChanges(main && { key: PRIMARY, test: main }, [
    ...(followUp ? [{ key: "follow-up", test: followUp }] : []),
    ...departments,
    ...roles,
  ]);
  const labelled = (groups: typeof departments): GroupComparison[] =>
    groups.map(({ id, name, before, after, key }) => ({ id, name, before, after, change: labels.get(key)! }));
  return {
    change: main && labels.get(PRIMARY)!,
    followUpChange: followUp && labels.get("follow-up")!,
    departments: labelled(departments),
    roles: labelled(roles),
  };
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
