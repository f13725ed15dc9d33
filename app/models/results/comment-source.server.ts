/**
 * Part of the results gate (import from ./index.server only). The open-text
 * answers of a closed round, read once (never with anything that identifies the response),
 * shuffled once so their order says nothing about when they were given, and kept in memory.
 */
import crypto from "node:crypto";
import type { Statement } from "better-sqlite3";
import { showControlCharacters, withoutControlMarks } from "~/domain/control-characters";
import { frequentTermsByCategory, type FrequentTerms } from "~/domain/frequent-words";
import { categoryOf, type Category } from "~/domain/nps";
import { sqlite } from "~/utils/db.server";

export interface StoredComment {
  text: string;
  /** The text lower-cased, for search. */
  haystack: string;
  category: Category;
  questionId: string;
  departmentId: string;
  roleId: string;
}

interface Row {
  text: string;
  questionId: string;
  departmentId: string;
  roleId: string;
  score: number;
}

let commentQuery: Statement | undefined;

function readComments(roundId: string): StoredComment[] {
  commentQuery ??= sqlite.prepare(
    `SELECT a.text AS text, a.questionId AS questionId, r.departmentId AS departmentId, r.roleId AS roleId, r.score AS score
       FROM Response r JOIN Answer a ON a.responseId = r.id
      WHERE r.roundId = ? AND a.text IS NOT NULL AND trim(a.text) <> ''`,
  );
  return (commentQuery.all(roundId) as Row[]).map((row) => {
    // Every page and export reads comments from here: none can be reordered on screen.
    const text = showControlCharacters(row.text);
    return {
      text,
      haystack: text.toLowerCase(),
      category: categoryOf(row.score),
      questionId: row.questionId,
      departmentId: row.departmentId,
      roleId: row.roleId,
    };
  });
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface RoundComments {
  all: StoredComment[];
  /** Each group's comments and frequent terms, worked out on its first request. */
  byGroup: Map<string, StoredComment[]>;
  terms: Map<string, Record<Category, FrequentTerms>>;
}

const CACHE_SIZE = 16;
const cache = new Map<string, { responseCount: number; comments: RoundComments }>();

/** A closed round's comments, in one fixed random order. */
export function closedRoundComments(round: { id: string; responseCount: number }): RoundComments {
  const hit = cache.get(round.id);
  if (hit && hit.responseCount === round.responseCount) {
    cache.delete(round.id);
    cache.set(round.id, hit);
    return hit.comments;
  }
  const comments: RoundComments = { all: shuffle(readComments(round.id)), byGroup: new Map(), terms: new Map() };
  cache.set(round.id, { responseCount: round.responseCount, comments });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return comments;
}

export interface GroupSelector {
  key: string;
  departmentId: string | null;
  roleId: string | null;
}

export function commentsOfGroup(comments: RoundComments, group: GroupSelector): StoredComment[] {
  let list = comments.byGroup.get(group.key);
  if (!list) {
    list = comments.all.filter(
      (c) =>
        (group.departmentId === null || c.departmentId === group.departmentId) &&
        (group.roleId === null || c.roleId === group.roleId),
    );
    comments.byGroup.set(group.key, list);
  }
  return list;
}

export function termsOfGroup(comments: RoundComments, group: GroupSelector): Record<Category, FrequentTerms> {
  let terms = comments.terms.get(group.key);
  if (!terms) {
    // The marks that stand for control characters are no words.
    const texts = commentsOfGroup(comments, group).map((c) => ({ ...c, text: withoutControlMarks(c.text) }));
    terms = frequentTermsByCategory(texts);
    comments.terms.set(group.key, terms);
  }
  return terms;
}
