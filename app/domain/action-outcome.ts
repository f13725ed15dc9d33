/**
 * "Did it work?": an action item's group scored in the round it came from and again in the
 * latest closed round after its deadline. Pure rules: which round counts as "after", what the
 * comparison says, and the one-line score a new item's description starts with. The figures
 * themselves come from the results gate (models/results/index.server.ts).
 */
import { todayOf } from "./action-items";
import { formatNps } from "./group-figures";
import { labelAlone, testChange, type NpsChange, type NpsEstimate } from "./nps-statistics";
import { HR_LOCALE, plural } from "./plural";

export interface ClosedRound {
  id: string;
  closedOn: Date;
}

/**
 * The round that tells whether an item worked: of the closed rounds of its series, the one
 * that closed last, on a day after the deadline (the server's calendar day, as deadlines are)
 * and after the round the item came from. Null while there is none.
 */
export function pickFollowUpRound<T extends ClosedRound>(
  closed: readonly T[],
  { deadline, origin }: { deadline: string; origin: ClosedRound },
): T | null {
  let latest: T | null = null;
  for (const round of closed) {
    if (round.id === origin.id || round.closedOn <= origin.closedOn || todayOf(round.closedOn) <= deadline) continue;
    if (
      !latest ||
      round.closedOn > latest.closedOn ||
      (round.closedOn.getTime() === latest.closedOn.getTime() && round.id > latest.id)
    ) {
      latest = round;
    }
  }
  return latest;
}

/** Which rounds follow an item up: its training's, when it came from a training round; else periodic eNPS. */
export type FollowUpSeries = { kind: "training"; trainingId: string } | { kind: "periodic" };

export function followUpSeries(origin: { trainingId: string | null }): FollowUpSeries {
  return origin.trainingId ? { kind: "training", trainingId: origin.trainingId } : { kind: "periodic" };
}

export interface OutcomeRound {
  id: string;
  name: string;
  k: number;
}

export type ActionOutcome =
  /** The item names no round, so there is nothing to measure against. */
  | { state: "no-round" }
  /** The viewer does not see this group's results (an owner outside the item's scope). */
  | { state: "not-visible" }
  /** The round the item came from has not closed: no scores yet (anonymity rule 7). */
  | { state: "origin-open"; group: string; origin: OutcomeRound }
  | { state: "origin-withheld"; group: string; origin: OutcomeRound }
  | { state: "no-follow-up"; group: string; origin: OutcomeRound; before: NpsEstimate; series: FollowUpSeries["kind"] }
  | { state: "follow-up-withheld"; group: string; origin: OutcomeRound; before: NpsEstimate; followUp: OutcomeRound }
  | {
      state: "compared";
      group: string;
      origin: OutcomeRound;
      before: NpsEstimate;
      followUp: OutcomeRound;
      after: NpsEstimate;
      change: NpsChange;
    };

export interface ScoredRound {
  round: OutcomeRound;
  closed: boolean;
  /** Null when the round is open or the group withheld in it. */
  score: NpsEstimate | null;
}

/**
 * What the "Did it work?" card says, from the group's score in the round the item came from
 * and, when a later round exists, in that one. A change is given only when both are shown.
 */
export function outcomeOf(
  group: string,
  origin: ScoredRound,
  followUp: ScoredRound | null,
  series: FollowUpSeries["kind"],
): ActionOutcome {
  if (!origin.closed) return { state: "origin-open", group, origin: origin.round };
  if (!origin.score) return { state: "origin-withheld", group, origin: origin.round };
  const before = origin.score;
  if (!followUp) return { state: "no-follow-up", group, origin: origin.round, before, series };
  if (!followUp.score)
    return { state: "follow-up-withheld", group, origin: origin.round, before, followUp: followUp.round };
  return {
    state: "compared",
    group,
    origin: origin.round,
    before,
    followUp: followUp.round,
    after: followUp.score,
    // The one question the item asked when it was made: tested alone at 5%.
    change: labelAlone(testChange(before, followUp.score)),
  };
}

/**
 * The line a new item's description starts with when it is created from a results group:
 * "Sales / Engineer: eNPS -12.0 (95% CI -40.3 to +18.2, 23 answers) in Q3 2026 eNPS."
 */
export function scoreLine(group: string, score: NpsEstimate, roundName: string): string {
  const answers = plural(HR_LOCALE, score.n, { one: "# answer", other: "# answers" });
  return `${group}: eNPS ${formatNps(score.nps)} (95% CI ${formatNps(score.low)} to ${formatNps(score.high)}, ${answers}) in ${roundName}.`;
}
