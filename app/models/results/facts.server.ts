/**
 * Part of the results gate (import from ./index.server only). Reads a round's
 * tallies (never its responses), decides which groups may be shown, and computes their figures.
 * The cost depends on the number of department x role cells, not on the number of responses.
 */
import type { Statement } from "better-sqlite3";
import { cellKey, decideVisibility, type CellCount, type GroupCount } from "~/domain/anonymity";
import { parseAudience } from "~/domain/audience";
import { decideCommentGroups } from "~/domain/comment-gate";
import {
  addInto,
  figuresOf,
  ratingFiguresOf,
  RATING_VALUES,
  SCORE_VALUES,
  type GroupFigures,
  type RatingFigures,
} from "~/domain/group-figures";
import type { NpsEstimate } from "~/domain/nps-statistics";
import { prisma, sqlite } from "~/utils/db.server";

export interface RoundRow {
  id: string;
  k: number;
  invitedCount: number;
  responseCount: number;
  audience: string;
  /** Whether the round has a shared (kiosk) link: then who could answer is not known. */
  sharedLink: boolean;
}

interface TallyRow {
  questionId: string;
  type: string;
  departmentId: string;
  roleId: string;
  value: number;
  count: number;
}

let tallyQuery: Statement | undefined;

/** The round's tallies, read on the raw connection: a few thousand rows at most. */
export function readTallies(roundId: string): TallyRow[] {
  tallyQuery ??= sqlite.prepare(
    `SELECT t.questionId AS questionId, q.type AS type, t.departmentId AS departmentId, t.roleId AS roleId,
            t.value AS value, t.count AS count
       FROM Tally t JOIN Question q ON q.id = t.questionId
      WHERE t.roundId = ?`,
  );
  return tallyQuery.all(roundId) as TallyRow[];
}

/** Invitations per department x role (the audience at launch); `addedBeforeLaunch` counts only those. */
export async function invitedCells(roundId: string, { addedBeforeLaunch = false } = {}): Promise<CellCount[]> {
  const rows = await prisma.invitation.groupBy({
    by: ["departmentId", "roleId"],
    where: { roundId, ...(addedBeforeLaunch ? { addedBeforeLaunch: true } : {}) },
    _count: { _all: true },
  });
  return rows.map((row) => ({ departmentId: row.departmentId, roleId: row.roleId, count: row._count._all }));
}

/** Every department x role that was invited or answered, with its response count. */
export function mergeCells(responses: CellCount[], invited: CellCount[]): CellCount[] {
  const merged = new Map<string, CellCount>();
  for (const cell of invited) merged.set(cellKey(cell.departmentId, cell.roleId), { ...cell, count: 0 });
  for (const cell of responses) merged.set(cellKey(cell.departmentId, cell.roleId), { ...cell });
  return [...merged.values()];
}

/** Responses per department x role, from the tallies of the 0-10 question. */
export function npsCellsOf(tallies: TallyRow[]): CellCount[] {
  const cells = new Map<string, CellCount>();
  for (const row of tallies) {
    if (row.type !== "NPS") continue;
    const key = cellKey(row.departmentId, row.roleId);
    const cell = cells.get(key) ?? { departmentId: row.departmentId, roleId: row.roleId, count: 0 };
    cell.count += row.count;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

export interface NamedGroups {
  departments: Set<string>;
  roles: Set<string>;
  cells: Set<string>;
}

export interface GateFacts {
  k: number;
  cells: CellCount[];
  invited: CellCount[];
  groups: GroupCount[];
  visible: Set<string>;
  /**
   * The groups a page names, shown or withheld: those someone was invited to, or the round's
   * audience named, or that are shown. A withheld group that only answers could have created
   * (a shared link lets people pick their department) stays unnamed, so that naming it never
   * tells that someone from it answered.
   */
  named: NamedGroups;
}

/** Which groups of the round may be shown, from the counts alone (what open rounds show). */
export async function gateFacts(round: RoundRow, tallies = readTallies(round.id)): Promise<GateFacts> {
  const invited = await invitedCells(round.id);
  const cells = mergeCells(npsCellsOf(tallies), invited);
  const visibility = decideVisibility(cells, round.k);
  const visible = new Set(visibility.groups.filter((g) => visibility.isVisible(g.key)).map((g) => g.key));
  const audience = parseAudience(round.audience);
  const named: NamedGroups = {
    departments: new Set(audience.departmentIds),
    roles: new Set(audience.roleIds),
    cells: new Set(),
  };
  for (const cell of invited) {
    named.departments.add(cell.departmentId);
    named.roles.add(cell.roleId);
    named.cells.add(cellKey(cell.departmentId, cell.roleId));
  }
  for (const group of visibility.groups) {
    if (!visible.has(group.key)) continue;
    if (group.kind === "department") named.departments.add(group.departmentId!);
    if (group.kind === "role") named.roles.add(group.roleId!);
    if (group.kind === "cell") {
      named.cells.add(group.key);
      named.departments.add(group.departmentId!);
      named.roles.add(group.roleId!);
    }
  }
  return { k: round.k, cells, invited, groups: visibility.groups, visible, named };
}

export interface RoundFacts extends GateFacts {
  /** Figures of every shown group, by group key. */
  figures: Map<string, GroupFigures>;
  /** Per shown group, one entry per rating question (in `ratingQuestionIds` order); null when withheld. */
  ratings: Map<string, (RatingFigures | null)[]>;
  ratingQuestionIds: string[];
  /** The shown groups whose comments may be listed (domain/comment-gate.ts). */
  commentKeys: Set<string>;
  /**
   * Per group with people added to the directory just before the launch: how many of the
   * people invited to it were. Invitations only, never answers.
   */
  addedBeforeLaunch: Map<string, { added: number; invited: number }>;
}

function sumOver(
  group: GroupCount,
  perCell: (index: number) => readonly number[] | undefined,
  width: number,
): number[] {
  const total = new Array<number>(width).fill(0);
  for (const index of group.cells) {
    const values = perCell(index);
    if (values) addInto(total, values);
  }
  return total;
}

/** Per cell index, the distribution of one question's values, from `offset` (0 or 1) up. */
function distributionsByCell(
  tallies: TallyRow[],
  cells: CellCount[],
  accept: (row: TallyRow) => boolean,
  width: number,
  offset: number,
): Map<number, number[]> {
  const indexOf = new Map(cells.map((cell, index) => [cellKey(cell.departmentId, cell.roleId), index]));
  const result = new Map<number, number[]>();
  for (const row of tallies) {
    if (!accept(row)) continue;
    const index = indexOf.get(cellKey(row.departmentId, row.roleId));
    const slot = row.value - offset;
    if (index === undefined || slot < 0 || slot >= width) continue;
    const values = result.get(index) ?? new Array<number>(width).fill(0);
    values[slot] += row.count;
    result.set(index, values);
  }
  return result;
}

/**
 * Every figure of the round's shown groups. Rating items pass a gate of their own over their
 * answer counts (an item can be skipped, so a shown group may hold too few answers to it).
 */
export async function roundFacts(round: RoundRow, ratingQuestionIds: string[]): Promise<RoundFacts> {
  const tallies = readTallies(round.id);
  const gate = await gateFacts(round, tallies);
  const invitedByCell = new Map(gate.invited.map((c) => [cellKey(c.departmentId, c.roleId), c.count]));
  const scores = distributionsByCell(tallies, gate.cells, (row) => row.type === "NPS", SCORE_VALUES, 0);
  const population = !round.sharedLink;

  const figures = new Map<string, GroupFigures>();
  for (const group of gate.groups) {
    if (!gate.visible.has(group.key)) continue;
    const invited =
      group.kind === "overall" && round.invitedCount > 0
        ? round.invitedCount
        : group.cells.reduce(
            (sum, index) =>
              sum + (invitedByCell.get(cellKey(gate.cells[index].departmentId, gate.cells[index].roleId)) ?? 0),
            0,
          );
    const result = figuresOf(
      sumOver(group, (i) => scores.get(i), SCORE_VALUES),
      invited,
      population,
    );
    if (result) figures.set(group.key, result);
  }

  const groupByKey = new Map(gate.groups.map((g) => [g.key, g]));
  const ratings = new Map<string, (RatingFigures | null)[]>();
  for (const key of figures.keys()) ratings.set(key, []);
  for (const questionId of ratingQuestionIds) {
    const answers = distributionsByCell(
      tallies,
      gate.cells,
      (row) => row.questionId === questionId,
      RATING_VALUES.length,
      1,
    );
    const answerCells = gate.cells.map((cell, index) => ({
      ...cell,
      count: (answers.get(index) ?? []).reduce((s, c) => s + c, 0),
    }));
    const itemGate = decideVisibility(answerCells, round.k);
    for (const [key, list] of ratings) {
      const group = groupByKey.get(key)!;
      list.push(
        itemGate.isVisible(key) ? ratingFiguresOf(sumOver(group, (i) => answers.get(i), RATING_VALUES.length)) : null,
      );
    }
  }

  const commentKeys = decideCommentGroups(gate.groups, (key) => gate.visible.has(key), round.k);
  const addedBeforeLaunch = addedBeforeLaunchOf(gate, await invitedCells(round.id, { addedBeforeLaunch: true }));
  return { ...gate, figures, ratings, ratingQuestionIds, commentKeys, addedBeforeLaunch };
}

function addedBeforeLaunchOf(gate: GateFacts, added: CellCount[]): Map<string, { added: number; invited: number }> {
  const byCell = new Map(added.map((c) => [cellKey(c.departmentId, c.roleId), c.count]));
  const invitedByCell = new Map(gate.invited.map((c) => [cellKey(c.departmentId, c.roleId), c.count]));
  const result = new Map<string, { added: number; invited: number }>();
  if (byCell.size === 0) return result;
  for (const group of gate.groups) {
    const keys = group.cells.map((i) => cellKey(gate.cells[i].departmentId, gate.cells[i].roleId));
    const count = keys.reduce((sum, key) => sum + (byCell.get(key) ?? 0), 0);
    if (count > 0) {
      const invited = keys.reduce((sum, key) => sum + (invitedByCell.get(key) ?? 0), 0);
      result.set(group.key, { added: count, invited });
    }
  }
  return result;
}

/** A group's score with its interval, as domain/nps-statistics.ts computed it. */
export type GroupScore = NpsEstimate;

/** The score of a shown group; null when the gate withholds it. */
export function scoreOf(facts: RoundFacts, key: string): GroupScore | null {
  const figures = facts.figures.get(key);
  if (!figures) return null;
  const { responses: n, nps, adjusted, se, low, high, population } = figures;
  return { n, nps, adjusted, se, low, high, population };
}

const CACHE_SIZE = 64;
const cache = new Map<string, { responseCount: number; facts: RoundFacts }>();

/**
 * A closed round's facts, computed once: its tallies cannot change any more. The response
 * count is part of the key, so an answer that was still being written as the round closed is
 * not lost. The least recently used round leaves the cache first.
 */
export async function closedRoundFacts(round: RoundRow, ratingQuestionIds: string[]): Promise<RoundFacts> {
  const hit = cache.get(round.id);
  if (hit && hit.responseCount === round.responseCount) {
    cache.delete(round.id);
    cache.set(round.id, hit);
    return hit.facts;
  }
  const facts = await roundFacts(round, ratingQuestionIds);
  cache.set(round.id, { responseCount: round.responseCount, facts });
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return facts;
}
