import { followUpSeries, outcomeOf, scoreLine, type ActionOutcome, type ScoredRound } from "~/domain/action-outcome";
import {
  findFollowUpRound,
  getViewedGroupScore,
  ResultsForbiddenError,
  type GroupRef,
  type ResultsViewer,
  type ViewedGroupScore,
} from "./results/index.server";

/**
 * "Did it work?" for one action item, as `viewer` may see it. Every figure comes through the
 * results gate, with the viewer's scope of the results page: an owner who may not see the
 * group's results gets no figure. The caller has checked that the viewer may see the item.
 */
export async function getActionOutcome(
  viewer: ResultsViewer,
  item: { roundId: string | null; departmentId: string | null; roleId: string | null; deadline: string },
  now = new Date(),
): Promise<ActionOutcome> {
  if (!item.roundId) return { state: "no-round" };
  const group: GroupRef = { departmentId: item.departmentId, roleId: item.roleId };
  try {
    const origin = await getViewedGroupScore(viewer, item.roundId, group, now);
    if (!origin) return { state: "no-round" };
    const followUpRound =
      origin.round.closed && origin.score ? await findFollowUpRound(origin.round, item.deadline, now) : null;
    const followUp = followUpRound ? await getViewedGroupScore(viewer, followUpRound.id, group, now) : null;
    return outcomeOf(origin.group, scored(origin), followUp && scored(followUp), followUpSeries(origin.round).kind);
  } catch (error) {
    if (error instanceof ResultsForbiddenError) return { state: "not-visible" };
    throw error;
  }
}

function scored({ round, score }: ViewedGroupScore): ScoredRound {
  return { round: { id: round.id, name: round.name, k: round.k }, closed: round.closed, score };
}

/**
 * The line a new item's description starts with when it is created from a results group: the
 * group's eNPS in that round. Null unless the gate shows the group and the viewer sees it.
 */
export async function getScoreLine(
  viewer: ResultsViewer,
  roundId: string,
  group: GroupRef,
  now = new Date(),
): Promise<string | null> {
  try {
    const viewed = await getViewedGroupScore(viewer, roundId, group, now);
    return viewed?.score ? scoreLine(viewed.group, viewed.score, viewed.round.name) : null;
  } catch (error) {
    if (error instanceof ResultsForbiddenError) return null;
    throw error;
  }
}
