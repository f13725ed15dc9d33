import { z } from "zod";
import { getRoundComments, getRoundResults, type GroupResult, type ResultsViewer } from "~/models/results/index.server";
import { forbidden, notFound } from "~/utils/http.server";
import { pageFrom, queryText, requireId } from "~/utils/params.server";

const categorySchema = z.enum(["promoter", "passive", "detractor"]).nullable().catch(null);

type LeanFigures = Pick<
  NonNullable<GroupResult["figures"]>,
  "responses" | "rate" | "promoters" | "passives" | "detractors" | "shares" | "nps" | "low" | "high"
>;

export interface LeanGroup {
  key: string;
  name: string;
  departmentId: string | null;
  roleId: string | null;
  figures: LeanFigures | null;
  addedBeforeLaunch: GroupResult["addedBeforeLaunch"];
}

/** What the breakdown tables need of a group (the full figures go only to the focused group). */
function lean(group: GroupResult): LeanGroup {
  const f = group.figures;
  return {
    key: group.key,
    name: group.name,
    departmentId: group.departmentId,
    roleId: group.roleId,
    addedBeforeLaunch: group.addedBeforeLaunch,
    figures: f && {
      responses: f.responses,
      rate: f.rate,
      promoters: f.promoters,
      passives: f.passives,
      detractors: f.detractors,
      shares: f.shares,
      nps: f.nps,
      low: f.low,
      high: f.high,
    },
  };
}

/**
 * What the results page shows of a round: counts while it is open; once closed, the focused
 * group in full, the breakdowns lean, the department x role grid and the focused comments.
 */
export async function loadResultsPage(
  request: Request,
  params: Record<string, string | undefined>,
  user: ResultsViewer,
) {
  const roundId = requireId(params, "roundId");
  const results = await getRoundResults(roundId, user);
  if (!results) throw notFound("We could not find that round.");
  const canExport = user.role === "ADMIN";
  if (results.state !== "closed") return { view: "counts" as const, round: results.round, results, canExport };

  const url = new URL(request.url);
  const groups = [results.overall, ...results.departments, ...results.roles, ...results.cells].filter(
    (g): g is GroupResult => g !== null,
  );
  const requested = url.searchParams.get("group");
  // A group outside what this viewer may see (another department, for a manager) is refused,
  // not quietly replaced by one they may see.
  if (requested && !groups.some((g) => g.key === requested)) {
    throw user.role === "ADMIN"
      ? notFound("There is no such group in this round.")
      : forbidden("That group is not yours to see.");
  }
  const shown = groups.filter((g) => g.figures !== null);
  const focus = shown.find((g) => g.key === requested) ?? shown[0] ?? null;
  // A withheld group asked for (from a trend, or an address kept from another round) is said to
  // be withheld, so the figures shown instead are not read as its own.
  const withheldRequest = requested && focus?.key !== requested ? groups.find((g) => g.key === requested)!.name : null;
  const category = categorySchema.parse(url.searchParams.get("category"));
  const filters = { q: queryText(url, "q"), category: category ?? "" };
  const comments =
    focus && focus.comments
      ? await getRoundComments(roundId, user, {
          groupKey: focus.key,
          search: filters.q,
          category,
          page: pageFrom(url),
        })
      : null;
  return {
    view: "results" as const,
    round: results.round,
    canExport,
    print: url.searchParams.get("print") === "1",
    overall: results.overall && lean(results.overall),
    departments: results.departments.map(lean),
    roles: results.roles.map(lean),
    cross: crossOf(results.cells),
    focus: focus && {
      ...lean(focus),
      figures: focus.figures!,
      ratings: focus.ratings,
    },
    ratingQuestions: results.ratingQuestions,
    comments,
    filters,
    withheldRequest,
  };
}

/** The department x role grid: its rows and columns, and each cell's eNPS and responses only. */
function crossOf(cells: GroupResult[]) {
  const named = (pairs: [string, string][]) =>
    [...new Map(pairs).entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    departments: named(cells.map((c) => [c.departmentId!, c.departmentName!])),
    roles: named(cells.map((c) => [c.roleId!, c.roleName!])),
    cells: cells.map((c) => ({
      key: c.key,
      departmentId: c.departmentId!,
      roleId: c.roleId!,
      figures: c.figures && { nps: c.figures.nps, responses: c.figures.responses },
      addedBeforeLaunch: c.addedBeforeLaunch,
    })),
  };
}

export type ResultsPage = Awaited<ReturnType<typeof loadResultsPage>>;
export type ClosedResultsPage = Extract<ResultsPage, { view: "results" }>;
