/**
 * Part of the results gate (import from ./index.server only): response counts and rates, what a
 * round shows while it is open (rule 7), overall and per department, and the final counts once
 * it has closed.
 *
 * While a round is open, which groups show a count depends on the invited counts only (the gate
 * over the invited cells), never on answers; the counts of groups of fewer than 50 invited are
 * the ones taken at the last full hour (domain/open-round-counts.ts). Once it has closed, the
 * counts pass the same gate as its figures.
 */
import { departmentKey, OVERALL_KEY, type CellCount } from "~/domain/anonymity";
import { parseAudience } from "~/domain/audience";
import { countsAreDue, liveGroupKeys, shownWhileOpen, type ShownGroup } from "~/domain/open-round-counts";
import type { ResultsViewer } from "~/domain/results-access";
import { prisma } from "~/utils/db.server";
import { gateFacts, invitedCells, npsCellsOf, readTallies } from "./facts.server";
import {
  assertMayView,
  byName,
  findRound,
  isClosed,
  namesOf,
  roundSelect,
  rowOf,
  type LoadedRound,
} from "./round-source.server";

export interface CountFigure {
  invited: number;
  /** Null when the anonymity rules hold the figure back ("fewer than k"). */
  responses: number | null;
  rate: number | null;
  /**
   * True when the count is as of now. False while the round is open for a group of fewer than
   * 50 invited: its count is the one taken at `countedAt`.
   */
  live: boolean;
}

export interface DepartmentCount extends CountFigure {
  id: string;
  name: string;
}

export interface RoundCounts extends CountFigure {
  k: number;
  departments: DepartmentCount[];
  /** Whether the round is still to come or open (counts only, rule 7) rather than closed. */
  open: boolean;
  /**
   * While open: when the counts that are not live were taken (null before the first time);
   * null once the round has closed.
   */
  countedAt: Date | null;
}

/**
 * Response counts and rates of a round, overall and per department, as they may be shown:
 * counts only while it is open, and any count the anonymity rules withhold is null.
 * Departments are named only when someone there was invited, the audience names them, or
 * their count is shown.
 */
export async function getRoundCounts(roundId: string, now = new Date()): Promise<RoundCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  return countsOf(round, now);
}

function countsOf(round: LoadedRound, now: Date): Promise<RoundCounts> {
  return isClosed(round, now) ? closedCounts(round) : openCounts(round);
}

// With a shared link anyone may answer: the invited count is not who could, and there is no rate.
const rateOf = (round: LoadedRound) => (responses: number | null, invited: number) =>
  responses === null || invited === 0 || round.sharedKey !== null ? null : responses / invited;

function invitedByDepartment(invited: CellCount[]): Map<string, number> {
  const byDepartment = new Map<string, number>();
  for (const cell of invited) {
    byDepartment.set(cell.departmentId, (byDepartment.get(cell.departmentId) ?? 0) + cell.count);
  }
  return byDepartment;
}

async function closedCounts(round: LoadedRound): Promise<RoundCounts> {
  const gate = await gateFacts(rowOf(round));
  const invitedBy = invitedByDepartment(gate.invited);
  const answered = new Map(gate.groups.filter((g) => g.kind === "department").map((g) => [g.departmentId!, g.count]));
  const names = await namesOf(gate.named.departments, []);
  const rate = rateOf(round);
  const total = gate.cells.reduce((sum, c) => sum + c.count, 0);
  const overall = gate.visible.has(OVERALL_KEY) ? total : null;
  return {
    k: round.k,
    invited: round.invitedCount,
    responses: overall,
    rate: rate(overall, round.invitedCount),
    live: true,
    open: false,
    countedAt: null,
    departments: [...gate.named.departments]
      .filter((id) => names.department.has(id))
      .map((id) => {
        const shown = gate.visible.has(departmentKey(id)) ? (answered.get(id) ?? 0) : null;
        const invited = invitedBy.get(id) ?? 0;
        return {
          id,
          name: names.department.get(id)!,
          invited,
          responses: shown,
          rate: rate(shown, invited),
          live: true,
        };
      })
      .sort(byName),
  };
}

interface OpenGate {
  /** The whole round and the departments that show a count, with their invited counts. */
  shown: ShownGroup[];
  named: Set<string>;
  invitedBy: Map<string, number>;
}

/** Which groups an open round shows a count for: decided from the invited cells alone. */
async function openGate(round: { id: string; k: number; audience: string }): Promise<OpenGate> {
  const invited = await invitedCells(round.id);
  const invitedBy = invitedByDepartment(invited);
  const named = new Set([...parseAudience(round.audience).departmentIds, ...invitedBy.keys()]);
  return { shown: shownWhileOpen(invited, round.k, named), named, invitedBy };
}

/** The response counts of the given groups now, from the tallies. */
function currentCounts(roundId: string, groups: readonly ShownGroup[]): Map<string, number> {
  if (groups.length === 0) return new Map();
  const cells = npsCellsOf(readTallies(roundId));
  const counts = new Map<string, number>();
  for (const group of groups) {
    const inGroup = cells.filter((cell) => group.kind === "overall" || departmentKey(cell.departmentId) === group.key);
    counts.set(
      group.key,
      inGroup.reduce((sum, cell) => sum + cell.count, 0),
    );
  }
  return counts;
}

async function openCounts(round: LoadedRound): Promise<RoundCounts> {
  const gate = await openGate(round);
  const total = gate.shown.find((g) => g.kind === "overall")?.invited ?? round.invitedCount;
  const live = liveGroupKeys(gate.shown, total);
  const current = currentCounts(
    round.id,
    gate.shown.filter((group) => live.has(group.key)),
  );
  const snapshot = await prisma.roundCountSnapshot.findUnique({
    where: { roundId: round.id },
    select: { takenAt: true, counts: true },
  });
  const taken = snapshot ? (JSON.parse(snapshot.counts) as Record<string, number>) : null;
  const shownKeys = new Set(gate.shown.map((g) => g.key));
  const responsesOf = (key: string) =>
    !shownKeys.has(key) ? null : live.has(key) ? current.get(key)! : taken ? (taken[key] ?? 0) : null;
  const rate = rateOf(round);
  const names = await namesOf(gate.named, []);
  const overall = responsesOf(OVERALL_KEY);
  return {
    k: round.k,
    invited: round.invitedCount,
    responses: overall,
    rate: rate(overall, round.invitedCount),
    live: live.has(OVERALL_KEY),
    open: true,
    countedAt: snapshot?.takenAt ?? null,
    departments: [...gate.named]
      .filter((id) => names.department.has(id))
      .map((id) => {
        const key = departmentKey(id);
        const invited = gate.invitedBy.get(id) ?? 0;
        const responses = responsesOf(key);
        return {
          id,
          name: names.department.get(id)!,
          invited,
          responses,
          rate: rate(responses, invited),
          live: live.has(key),
        };
      })
      .sort(byName),
  };
}

/**
 * Takes the counts of every open round whose counts were last taken before the current clock
 * hour (the scheduler calls this every minute, so once an hour), keeping only the latest, and
 * drops those of rounds that have closed. Returns how many rounds were counted.
 */
export async function refreshOpenRoundCounts(now = new Date()): Promise<number> {
  const rounds = await prisma.round.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now }, OR: [{ closedAt: null }, { closedAt: { gt: now } }] },
    select: { id: true, k: true, audience: true, countSnapshot: { select: { takenAt: true } } },
  });
  let counted = 0;
  for (const round of rounds) {
    if (!countsAreDue(round.countSnapshot?.takenAt ?? null, now)) continue;
    const { shown } = await openGate(round);
    const counts = JSON.stringify(Object.fromEntries(currentCounts(round.id, shown)));
    await prisma.roundCountSnapshot.upsert({
      where: { roundId: round.id },
      create: { roundId: round.id, takenAt: now, counts },
      update: { takenAt: now, counts },
    });
    counted++;
  }
  await prisma.roundCountSnapshot.deleteMany({
    where: { round: { OR: [{ closedAt: { lte: now } }, { closesAt: { lte: now } }] } },
  });
  return counted;
}

export interface ScopedCounts {
  k: number;
  /** Null when the viewer may not see the whole round (a manager). */
  overall: CountFigure | null;
  departments: DepartmentCount[];
  open: boolean;
  countedAt: Date | null;
}

function scopeCounts(counts: RoundCounts, viewer: ResultsViewer): ScopedCounts {
  const { departments, k, open, countedAt, ...overall } = counts;
  if (viewer.role !== "MANAGER") return { k, overall, departments, open, countedAt };
  return { k, overall: null, departments: departments.filter((d) => d.id === viewer.departmentId), open, countedAt };
}

/** A loaded round's counts as `viewer` may see them; the caller has checked the round is theirs. */
export async function scopedCountsOf(
  round: LoadedRound,
  viewer: ResultsViewer,
  now = new Date(),
): Promise<ScopedCounts> {
  return scopeCounts(await countsOf(round, now), viewer);
}

/**
 * A round's counts as `viewer` may see them (a manager: their department's row only). Null for
 * an unknown round; throws ResultsForbiddenError when the round is not the viewer's.
 */
export async function getRoundCountsFor(
  roundId: string,
  viewer: ResultsViewer,
  now = new Date(),
): Promise<ScopedCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  return scopedCountsOf(round, viewer, now);
}

export interface OpenRound {
  id: string;
  name: string;
  kind: string;
  closesAt: Date;
  counts: ScopedCounts;
}

/**
 * The rounds open now that the viewer may follow, with their response counts and rates: all
 * of them for an admin, a manager's department's share of those it takes part in, a trainer's
 * trainings' rounds.
 */
export async function listOpenRounds(viewer: ResultsViewer, now = new Date()): Promise<OpenRound[]> {
  if (viewer.role === "MANAGER" && !viewer.departmentId) return [];
  const rounds = await prisma.round.findMany({
    where: {
      opensAt: { lte: now },
      closesAt: { gt: now },
      OR: [{ closedAt: null }, { closedAt: { gt: now } }],
      ...(viewer.role === "TRAINER" ? { training: { trainerId: viewer.id } } : {}),
    },
    orderBy: { closesAt: "asc" },
    select: roundSelect,
  });
  const open: OpenRound[] = [];
  for (const round of rounds) {
    const counts = await scopedCountsOf(round, viewer, now);
    // A manager follows only the rounds their department takes part in.
    if (counts.overall || counts.departments.length > 0) {
      open.push({ id: round.id, name: round.name, kind: round.kind, closesAt: round.closesAt, counts });
    }
  }
  return open;
}
