import { decideVisibility, departmentKey, OVERALL_KEY, type CellCount } from "~/domain/anonymity";
import { prisma } from "~/utils/db.server";

/**
 * The results gate (anonymity rule 9). Every figure derived from responses leaves the database
 * through this module, after the anonymity rules have been applied; routes, charts and exports
 * never count responses themselves.
 */

/** Responses per department x role: the tallies of the round's 0-10 question. */
export async function responseCells(roundId: string): Promise<CellCount[]> {
  const rows = await prisma.tally.groupBy({
    by: ["departmentId", "roleId"],
    where: { roundId, question: { type: "NPS" } },
    _sum: { count: true },
  });
  return rows.map((row) => ({ departmentId: row.departmentId, roleId: row.roleId, count: row._sum.count ?? 0 }));
}

/** Invitations per department x role (the audience at launch). */
async function invitedCells(roundId: string): Promise<CellCount[]> {
  const rows = await prisma.invitation.groupBy({ by: ["departmentId", "roleId"], where: { roundId }, _count: { _all: true } });
  return rows.map((row) => ({ departmentId: row.departmentId, roleId: row.roleId, count: row._count._all }));
}

/** Every department x role that was invited or answered, with its response count. */
export function mergeCells(responses: CellCount[], invited: CellCount[]): CellCount[] {
  const key = (c: { departmentId: string; roleId: string }) => `${c.departmentId}|${c.roleId}`;
  const merged = new Map<string, CellCount>();
  for (const cell of invited) merged.set(key(cell), { departmentId: cell.departmentId, roleId: cell.roleId, count: 0 });
  for (const cell of responses) merged.set(key(cell), { ...cell });
  return [...merged.values()];
}

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
 * is null.
 */
export async function getRoundCounts(roundId: string): Promise<RoundCounts | null> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { k: true, invitedCount: true } });
  if (!round) return null;
  const [responses, invited] = await Promise.all([responseCells(roundId), invitedCells(roundId)]);
  const cells = mergeCells(responses, invited);
  const visibility = decideVisibility(cells, round.k);
  const invitedBy = new Map<string, number>();
  for (const cell of invited) invitedBy.set(cell.departmentId, (invitedBy.get(cell.departmentId) ?? 0) + cell.count);
  const answeredBy = new Map<string, number>();
  for (const cell of cells) answeredBy.set(cell.departmentId, (answeredBy.get(cell.departmentId) ?? 0) + cell.count);
  const names = await prisma.department.findMany({
    where: { id: { in: [...answeredBy.keys()] } },
    select: { id: true, name: true },
  });
  const rate = (answered: number | null, asked: number) => (answered === null || asked === 0 ? null : answered / asked);
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const overall = visibility.isVisible(OVERALL_KEY) ? total : null;
  return {
    k: round.k,
    invited: round.invitedCount,
    responses: overall,
    rate: rate(overall, round.invitedCount),
    departments: names
      .map(({ id, name }) => {
        const shown = visibility.isVisible(departmentKey(id)) ? answeredBy.get(id)! : null;
        const asked = invitedBy.get(id) ?? 0;
        return { id, name, invited: asked, responses: shown, rate: rate(shown, asked) };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
