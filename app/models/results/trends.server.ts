/**
 * Part of the results gate (import from ./index.server only): one group's eNPS over the
 * periodic rounds.
 */
import { cellKey, OVERALL_KEY } from "~/domain/anonymity";
import type { NpsChange } from "~/domain/nps-statistics";
import { groupKeyOf, mayFollowGroup, type GroupRef, type ResultsViewer } from "~/domain/results-access";
import { closingTime } from "~/domain/round-status";
import { changesAlong } from "~/domain/trend";
import { scoreOf, type GroupScore, type RoundFacts } from "./facts.server";
import { closedRoundsOf, factsOf, ResultsForbiddenError } from "./round-source.server";

export interface TrendPoint {
  roundId: string;
  name: string;
  closedOn: Date;
  /** Null when the group is withheld in that round: a gap, never a zero. */
  score: GroupScore | null;
  /** The change from the round before; null for the first round and next to a gap. */
  change: NpsChange | null;
  /** Whether the round invited anyone of the group or named it in its audience. */
  asked: boolean;
}

/** How many closed periodic rounds a trend follows: its changes are labelled as one page. */
export const TREND_ROUNDS = 24;

/** eNPS of one group in the last `limit` closed periodic rounds, oldest first. */
export async function getTrend(
  viewer: ResultsViewer,
  group: GroupRef,
  { limit = TREND_ROUNDS, now = new Date() } = {},
): Promise<TrendPoint[]> {
  if (!mayFollowGroup(viewer, group)) throw new ResultsForbiddenError();
  const recent = (await closedRoundsOf({ kind: "periodic" }, now)).slice(-limit);
  const key = groupKeyOf(group);
  const scores: (GroupScore | null)[] = [];
  const asked: boolean[] = [];
  for (const round of recent) {
    const facts = await factsOf(round);
    scores.push(scoreOf(facts, key));
    asked.push(scores.at(-1) !== null || wasAsked(facts, group));
  }
  const changes = changesAlong(scores, { latestIsPrimary: key === OVERALL_KEY });
  return recent.map((round, index) => ({
    roundId: round.id,
    name: round.name,
    closedOn: closingTime(round),
    score: scores[index],
    change: changes[index],
    asked: asked[index],
  }));
}

/** Whether a round asked a group: invited someone of it or named it in its audience. */
function wasAsked(facts: RoundFacts, group: GroupRef): boolean {
  const { named } = facts;
  if (group.departmentId && group.roleId) return named.cells.has(cellKey(group.departmentId, group.roleId));
  if (group.departmentId) return named.departments.has(group.departmentId);
  if (group.roleId) return named.roles.has(group.roleId);
  return true;
}
