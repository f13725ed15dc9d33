/**
 * What an open round's counts show (anonymity rule 7). Reading the counts, waiting for one
 * known person to answer, and reading again must tell nothing about that person:
 *
 * 1. Which groups show a count is decided from the invited counts alone (the gate of
 *    domain/anonymity.ts over the invited cells), so it is fixed at launch and never changes
 *    as answers arrive.
 * 2. A count that fewer than LIVE_MIN_INVITED people take part in does not tick answer by
 *    answer: it shows the count taken at the last full hour. Only large groups count live,
 *    and only while an answer that changes no live count comes from 0 or at least
 *    LIVE_MIN_INVITED people: otherwise the live whole round minus the live departments would
 *    tick for the small rest.
 */
import { decideVisibility, departmentKey, OVERALL_KEY, type CellCount } from "./anonymity";

export const LIVE_MIN_INVITED = 50;

/** Counts of small groups are taken once per clock hour (UTC), never more often. */
export const COUNT_INTERVAL_MS = 60 * 60 * 1000;

export interface ShownGroup {
  key: string;
  kind: "overall" | "department";
  invited: number;
}

/**
 * The groups an open round shows a count for, among the whole round and the given departments
 * (those the round names): what the gate shows of the invited cells. Answers play no part.
 */
export function shownWhileOpen(
  invited: readonly CellCount[],
  k: number,
  departmentIds: Iterable<string>,
): ShownGroup[] {
  const visibility = decideVisibility(invited, k);
  const invitedIn = new Map<string, number>();
  for (const cell of invited) invitedIn.set(cell.departmentId, (invitedIn.get(cell.departmentId) ?? 0) + cell.count);
  const shown: ShownGroup[] = [];
  if (visibility.isVisible(OVERALL_KEY)) {
    shown.push({ key: OVERALL_KEY, kind: "overall", invited: invited.reduce((sum, cell) => sum + cell.count, 0) });
  }
  for (const id of new Set(departmentIds)) {
    const key = departmentKey(id);
    if (invitedIn.has(id) && visibility.isVisible(key))
      shown.push({ key, kind: "department", invited: invitedIn.get(id)! });
  }
  return shown;
}

/**
 * The shown groups whose counts may tick live. Departments are disjoint, so one answer moves
 * the whole round and at most one live department: each live department must hold at least
 * LIVE_MIN_INVITED invited people, and so must the people outside every live department when
 * the whole round counts live (or there are none).
 */
export function liveGroupKeys(shown: readonly ShownGroup[], totalInvited: number): Set<string> {
  const live = new Set<string>();
  let inLiveDepartments = 0;
  for (const group of shown) {
    if (group.kind === "department" && group.invited >= LIVE_MIN_INVITED) {
      live.add(group.key);
      inLiveDepartments += group.invited;
    }
  }
  const overall = shown.find((group) => group.kind === "overall");
  const rest = totalInvited - inLiveDepartments;
  if (overall && totalInvited >= LIVE_MIN_INVITED && (rest === 0 || rest >= LIVE_MIN_INVITED)) live.add(overall.key);
  return live;
}

const hourOf = (date: Date) => Math.floor(date.getTime() / COUNT_INTERVAL_MS);

/** Whether the counts taken at `takenAt` are due to be taken again: a new clock hour has begun. */
export function countsAreDue(takenAt: Date | null, now: Date): boolean {
  return takenAt === null || hourOf(now) > hourOf(takenAt);
}
