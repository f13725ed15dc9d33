/**
 * Part of the results gate (import from ./index.server only): a group's comments page and the
 * comments export.
 */
import { cellKey, departmentKey, OVERALL_KEY, roleKey } from "~/domain/anonymity";
import type { FrequentTerms } from "~/domain/frequent-words";
import type { Category } from "~/domain/nps";
import { groupInScope, mayExportComments, type ResultsViewer } from "~/domain/results-access";
import type { CsvComment } from "~/domain/results-csv";
import { closedRoundComments, commentsOfGroup, termsOfGroup } from "./comment-source.server";
import {
  assertMayView,
  collator,
  factsOf,
  findRound,
  isClosed,
  namesOf,
  questionsOf,
  ResultsForbiddenError,
  rowOf,
} from "./round-source.server";

export interface CommentQuery {
  groupKey: string;
  search?: string;
  category?: Category | null;
  page?: number;
  pageSize?: number;
}

export interface ListedComment {
  text: string;
  category: Category;
  question: string;
}

export interface CommentPage {
  groupKey: string;
  /** Comments matching the search and category. */
  total: number;
  page: number;
  pageSize: number;
  comments: ListedComment[];
  /** The group's most frequent words and phrases per category (over all its comments). */
  terms: Record<Category, FrequentTerms>;
}

/**
 * One page of a group's comments (shuffled, undated, tagged with their category), or null when
 * the round is not closed or the group's comments may not be listed for this viewer.
 */
export async function getRoundComments(
  roundId: string,
  viewer: ResultsViewer,
  query: CommentQuery,
  now = new Date(),
): Promise<CommentPage | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  if (!isClosed(round, now)) return null;
  const facts = await factsOf(round);
  const group = facts.groups.find((g) => g.key === query.groupKey);
  if (!group || !facts.commentKeys.has(group.key) || !groupInScope(viewer, group)) return null;
  const comments = closedRoundComments(rowOf(round));
  const questions = new Map(questionsOf(round, "TEXT").map((q) => [q.id, q.text]));
  const search = (query.search ?? "").trim().toLowerCase();
  const ofGroup = commentsOfGroup(comments, group);
  const matching =
    !query.category && search === ""
      ? ofGroup
      : ofGroup.filter(
          (c) => (!query.category || c.category === query.category) && (search === "" || c.haystack.includes(search)),
        );
  const pageSize = query.pageSize ?? 50;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  return {
    groupKey: group.key,
    total: matching.length,
    page,
    pageSize,
    comments: matching.slice((page - 1) * pageSize, page * pageSize).map((c) => ({
      text: c.text,
      category: c.category,
      question: questions.get(c.questionId) ?? "",
    })),
    terms: termsOfGroup(comments, group),
  };
}

/**
 * Every listable comment of a closed round with the department and role it may be narrowed
 * down to (blank where it may not), for the comments export, which only admins may take. Null
 * when the round is unknown or not closed.
 */
export async function getCommentsExport(
  roundId: string,
  viewer: ResultsViewer,
  now = new Date(),
): Promise<CsvComment[] | null> {
  if (!mayExportComments(viewer)) throw new ResultsForbiddenError();
  const round = await findRound(roundId);
  if (!round || !isClosed(round, now)) return null;
  const facts = await factsOf(round);
  if (!facts.commentKeys.has(OVERALL_KEY)) return [];
  const comments = closedRoundComments(rowOf(round)).all;
  const names = await namesOf(new Set(comments.map((c) => c.departmentId)), new Set(comments.map((c) => c.roleId)));
  const questions = new Map(questionsOf(round, "TEXT").map((q) => [q.id, q.text]));
  const order: Record<Category, number> = { promoter: 0, passive: 1, detractor: 2 };
  return comments
    .map((c) => {
      const wholeCell = facts.commentKeys.has(cellKey(c.departmentId, c.roleId));
      const byDepartment = wholeCell || facts.commentKeys.has(departmentKey(c.departmentId));
      const byRole = wholeCell || facts.commentKeys.has(roleKey(c.roleId));
      return {
        department: byDepartment ? (names.department.get(c.departmentId) ?? "") : "",
        role: byRole ? (names.role.get(c.roleId) ?? "") : "",
        category: c.category,
        question: questions.get(c.questionId) ?? "",
        text: c.text,
      };
    })
    .sort(
      (a, b) =>
        collator.compare(a.department, b.department) ||
        collator.compare(a.role, b.role) ||
        order[a.category] - order[b.category],
    );
}
