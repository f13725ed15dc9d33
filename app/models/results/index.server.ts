/**
 * The results gate (anonymity rule 9): the one way into a round's figures. Every figure derived
 * from responses leaves the database through this folder, after the anonymity rules have been
 * applied; routes, charts and exports never count responses themselves. Import from this index
 * only (lint refuses the other files of the folder from outside it).
 *
 * Figures are read from the tallies, and a closed round's are computed once and kept (they
 * cannot change). Scores of an open round never leave (rule 7).
 *
 *   round-source   how a round is read, who may open it, its group names
 *   facts          tallies -> the anonymity decision (domain/anonymity.ts) -> figures
 *   comment-source a closed round's comments, shuffled and undated
 *   counts         counts and rates: an open round's (fixed groups, hourly for small ones), a closed one's
 *   round-results  a round's results page, one group's score, the follow-up round
 *   comments       a group's comments and the comments export
 *   trends         one group over the periodic rounds
 *   public         the "you said, we did" page
 */
export type { GroupRef, ResultsViewer } from "~/domain/results-access";
export { groupKeyOf } from "~/domain/results-access";
export type { GroupScore } from "./facts.server";
export { listViewableRounds, ResultsForbiddenError, type QuestionLabel } from "./round-source.server";
export {
  getRoundCounts,
  getRoundCountsFor,
  listOpenRounds,
  refreshOpenRoundCounts,
  type CountFigure,
  type DepartmentCount,
  type OpenRound,
  type RoundCounts,
  type ScopedCounts,
} from "./counts.server";
export {
  findFollowUpRound,
  getGroupScore,
  getRoundResults,
  getViewedGroupScore,
  type ClosedRoundResults,
  type GroupResult,
  type OpenRoundResults,
  type RoundResults,
  type RoundSummary,
  type ViewedGroupScore,
  type ViewedRound,
} from "./round-results.server";
export {
  getCommentsExport,
  getRoundComments,
  type CommentPage,
  type CommentQuery,
  type ListedComment,
} from "./comments.server";
export { getTrend, type TrendPoint } from "./trends.server";
export { getPublicResults, type PublicGroup, type PublicResults, type PublicRound } from "./public.server";
