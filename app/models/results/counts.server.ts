/**
 * Part of the results gate (import from ./index.server only): response counts and rates, what a
 * round shows while it is open (rule 7), overall and per department.
 */
import { departmentKey, OVERALL_KEY } from "~/domain/anonymity";
import type { ResultsViewer } from "~/domain/results-access";
import { prisma } from "~/utils/db.server";
import { gateFacts } from "./facts.server";
import { assertMayView, byName, findRound, namesOf, roundSelect, rowOf, type LoadedRound } from "./round-source.server";

export interface DepartmentCount {
  id: string;
  name: string;
  invited: number;
  /** Null when the anonymity rules hold the figure back ("fewer than k"). */
  responses: number | null;
  rate: number | null;
}

export interface RoundCounts {
  k: number;
  invited: number;
  responses: number | null;
  rate: number | null;
  departments: DepartmentCount[];
}

/**
 * Response counts and rates of a round, overall and per department, as they may be shown
 * while the round is open (rule 7): counts only, and any count the anonymity rules withhold
 * is null. Departments are named only when someone there was invited, the audience names
 * them, or their count is shown.
 */
export async function getRoundCounts(roundId: string): Promise<RoundCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  return countsOf(round);
}

async function countsOf(round: LoadedRound): Promise<RoundCounts> {
  const gate = await gateFacts(rowOf(round));
  const invitedBy = new Map<string, number>();
  for (const cell of gate.invited) {
    invitedBy.set(cell.departmentId, (invitedBy.get(cell.departmentId) ?? 0) + cell.count);
  }
  const answered = new Map(gate.groups.filter((g) => g.kind === "department").map((g) => [g.departmentId!, g.count]));
  const names = await namesOf(gate.named.departments, []);
  // With a shared link anyone may answer: the invited count is not who could, and there is no rate.
  const rate = (responses: number | null, invited: number) =>
    responses === null || invited === 0 || round.sharedKey !== null ? null : responses / invited;
  const total = gate.cells.reduce((sum, c) => sum + c.count, 0);
  const overall = gate.visible.has(OVERALL_KEY) ? total : null;
  return {
    k: round.k,
    invited: round.invitedCount,
    responses: overall,
    rate: rate(overall, round.invitedCount),
    departments: [...gate.named.departments]
      .filter((id) => names.department.has(id))
      .map((id) => {
        const shown = gate.visible.has(departmentKey(id)) ? (answered.get(id) ?? 0) : null;
        const invited = invitedBy.get(id) ?? 0;
        return { id, name: names.department.get(id)!, invited, responses: shown, rate: rate(shown, invited) };
      })
      .sort(byName),
  };
}

export interface ScopedCounts {
  k: number;
  /** Null when the viewer may not see the whole round (a manager). */
  overall: { invited: number; responses: number | null; rate: number | null } | null;
  departments: DepartmentCount[];
}

function scopeCounts(counts: RoundCounts, viewer: ResultsViewer): ScopedCounts {
  if (viewer.role !== "MANAGER") {
    const { departments, k, ...overall } = counts;
    return { k, overall, departments };
  }
  return { k: counts.k, overall: null, departments: counts.departments.filter((d) => d.id === viewer.departmentId) };
}

/** A loaded round's counts as `viewer` may see them; the caller has checked the round is theirs. */
export async function scopedCountsOf(round: LoadedRound, viewer: ResultsViewer): Promise<ScopedCounts> {
  return scopeCounts(await countsOf(round), viewer);
}

/**
 * A round's counts as `viewer` may see them (a manager: their department's row only). Null for
 * an unknown round; throws ResultsForbiddenError when the round is not the viewer's.
 */
export async function getRoundCountsFor(roundId: string, viewer: ResultsViewer): Promise<ScopedCounts | null> {
  const round = await findRound(roundId);
  if (!round) return null;
  await assertMayView(viewer, round);
  return scopedCountsOf(round, viewer);
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
    const counts = await scopedCountsOf(round, viewer);
    // A manager follows only the rounds their department takes part in.
    if (counts.overall || counts.departments.length > 0) {
      open.push({ id: round.id, name: round.name, kind: round.kind, closesAt: round.closesAt, counts });
    }
  }
  return open;
}
