import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BreakdownChart } from "~/components/charts";
import { EmptyState, Notice, PageHeader } from "~/components/page";
import { BreakdownTable, CrossTable, type BreakdownRow, type RowFigures } from "~/components/results/breakdown-table";
import { CommentsSection } from "~/components/results/comments-section";
import { roundKindLabel } from "~/components/results/format";
import { HeatLegend } from "~/components/results/heat-legend";
import { intervalMethod, NpsSummary, RatingTable, ScoreDistribution } from "~/components/results/nps-summary";
import { OpenRoundView } from "~/components/results/open-round";
import { PrintBar } from "~/components/results/print-bar";
import { withheldExplanation, WithheldFootnote } from "~/components/results/withheld";
import { newActionHref } from "~/domain/action-items";
import { scoreNameOf } from "~/domain/round-status";
import { formatDay } from "~/domain/utc-time";
import { getRoundComments, getRoundResults, type GroupResult } from "~/models/results/index.server";
import { requireUser } from "~/pages/auth.server";
import { forbidden, notFound, withRefusals } from "~/utils/http.server";
import { pageFrom, queryText, requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.name ?? "Results"} · Results · Candor` },
];

const categorySchema = z.enum(["promoter", "passive", "detractor"]).nullable().catch(null);

interface LeanGroup {
  key: string;
  name: string;
  departmentId: string | null;
  roleId: string | null;
  figures: RowFigures | null;
}

/** What the breakdown tables need of a group (the full figures go only to the focused group). */
function lean(group: GroupResult): LeanGroup {
  const f = group.figures;
  return {
    key: group.key,
    name: group.name,
    departmentId: group.departmentId,
    roleId: group.roleId,
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

export const loader = withRefusals(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request, ["ADMIN", "MANAGER", "TRAINER"]);
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
});

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
    })),
  };
}

type ResultsData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "results" }>;

export default function RoundResultsPage() {
  const data = useLoaderData<typeof loader>();
  return data.view === "counts" ? <OpenRoundView results={data.results} /> : <ClosedRound data={data} />;
}

const actionHref = (roundId: string, group: { departmentId: string | null; roleId: string | null }) =>
  newActionHref({ roundId, departmentId: group.departmentId, roleId: group.roleId });

function ClosedRound({ data }: { data: ResultsData }) {
  const { round, focus, print } = data;
  const measure = scoreNameOf(round.kind);
  const rowOf = (group: LeanGroup): BreakdownRow => ({
    key: group.key,
    name: group.name,
    figures: group.figures,
    detailsHref: print ? undefined : `?group=${encodeURIComponent(group.key)}#focus`,
    actionHref: print ? undefined : actionHref(round.id, group),
  });
  const shownDepartments = data.departments.filter((d) => d.figures !== null);
  const printQuery = new URLSearchParams({ print: "1", ...(focus ? { group: focus.key } : {}) });

  return (
    <div className={print ? "results print-view" : "results"}>
      <PageHeader
        title={round.name}
        description={`${roundKindLabel(round.kind)} · closed ${formatDay(round.closedAt && round.closedAt < round.closesAt ? round.closedAt : round.closesAt)} · reporting threshold ${round.k}`}
        actions={
          print ? null : (
            <>
              <Link className="button button-secondary" to={`?${printQuery}`}>
                Print version
              </Link>
              {data.canExport ? (
                <>
                  <a className="button button-secondary" href={`/hr/rounds/${round.id}/results.csv`} download>
                    Results CSV
                  </a>
                  <a className="button button-secondary" href={`/hr/rounds/${round.id}/comments.csv`} download>
                    Comments CSV
                  </a>
                </>
              ) : null}
            </>
          )
        }
      />
      {print ? <PrintBar roundId={round.id} focusKey={focus?.key} /> : null}
      <Notice
        message={
          data.withheldRequest &&
          `${data.withheldRequest} is withheld in this round. ${withheldExplanation(round.k)}${focus ? ` Shown instead: ${focus.name}.` : ""}`
        }
      />
      {!focus ? (
        <EmptyState title="Every group is withheld">
          <p>
            Too few people answered this round for any figure to be shown without risking that someone could be
            recognised.
          </p>
        </EmptyState>
      ) : (
        <>
          <section className="card" id="focus" aria-labelledby="focus-heading">
            <div className="focus-head">
              <h2 id="focus-heading">{focus.name}</h2>
              {print ? null : (
                <div className="row">
                  <GroupPicker data={data} />
                  <Link className="button button-small" to={actionHref(round.id, focus)}>
                    Create action
                  </Link>
                </div>
              )}
            </div>
            <NpsSummary name={focus.name} figures={focus.figures} measure={measure} />
            <p className="footnote">{intervalMethod(focus.figures, round.sharedLink)}</p>
          </section>
          <section className="card" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">Scores · {focus.name}</h2>
            <ScoreDistribution name={focus.name} distribution={focus.figures.distribution} print={print} />
          </section>
          {data.ratingQuestions.length > 0 ? (
            <section className="card" aria-labelledby="ratings-heading">
              <h2 id="ratings-heading">Rating items · {focus.name}</h2>
              <RatingTable questions={data.ratingQuestions} ratings={focus.ratings} name={focus.name} />
            </section>
          ) : null}
        </>
      )}
      {data.departments.length > 0 ? (
        <section className="card" aria-labelledby="departments-heading">
          <h2 id="departments-heading">By department</h2>
          {shownDepartments.length > 0 ? (
            <BreakdownChart
              name="departments"
              measure={measure}
              label={`${measure} by department: ${shownDepartments.map((d) => `${d.name} ${d.figures!.nps.toFixed(1)}`).join(", ")}`}
              groups={shownDepartments.map((d) => ({
                name: d.name,
                nps: d.figures!.nps,
                low: d.figures!.low,
                high: d.figures!.high,
              }))}
            />
          ) : null}
          <BreakdownTable
            caption={`${measure} by department`}
            groupLabel="Department"
            rows={data.departments.map(rowOf)}
            measure={measure}
          />
        </section>
      ) : null}
      {data.roles.length > 0 ? (
        <section className="card" aria-labelledby="roles-heading">
          <h2 id="roles-heading">By role</h2>
          <BreakdownTable
            caption={`${measure} by role`}
            groupLabel="Role"
            rows={data.roles.map(rowOf)}
            measure={measure}
          />
        </section>
      ) : null}
      {data.cross.cells.length > 0 ? (
        <section className="card" aria-labelledby="cross-heading">
          <h2 id="cross-heading">By department and role</h2>
          <CrossTable
            departments={data.cross.departments}
            roles={data.cross.roles}
            cells={data.cross.cells}
            detailsHref={print ? undefined : (key) => `?group=${encodeURIComponent(key)}#focus`}
            measure={measure}
          />
          <HeatLegend measure={measure} />
        </section>
      ) : null}
      {focus ? (
        <section className="card" id="comments" aria-labelledby="comments-heading">
          <h2 id="comments-heading">Comments · {focus.name}</h2>
          {data.comments ? (
            <CommentsSection
              groupKey={focus.key}
              groupName={focus.name}
              view={data.comments}
              filters={data.filters}
              print={print}
            />
          ) : (
            <p className="muted">
              The comments of {focus.name} are not listed on their own: comparing them with other groups' lists could
              narrow a comment down to fewer than {round.k} people. Its comments are part of larger groups' lists.
            </p>
          )}
        </section>
      ) : null}
      <WithheldFootnote k={round.k} />
    </div>
  );
}

/**
 * Picks the group the summary, scores, ratings and comments are about (a GET form). Cells are
 * picked from the department x role grid instead, which would make this list very long.
 */
function GroupPicker({ data }: { data: ResultsData }) {
  const option = (g: LeanGroup) =>
    g.figures ? (
      <option key={g.key} value={g.key}>
        {g.name}
      </option>
    ) : null;
  const groups = [
    { label: "Departments", list: data.departments },
    { label: "Roles", list: data.roles },
    ...(data.focus && data.focus.departmentId && data.focus.roleId
      ? [{ label: "Department and role", list: [data.focus] }]
      : []),
  ].filter((g) => g.list.some((item) => item.figures));
  return (
    <Form method="get" className="group-picker" preventScrollReset>
      <label htmlFor="group">Group</label>
      <select key={data.focus?.key} id="group" name="group" defaultValue={data.focus?.key}>
        {data.overall?.figures ? option(data.overall) : null}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.list.map(option)}
          </optgroup>
        ))}
      </select>
      <button type="submit" className="secondary small">
        Show
      </button>
    </Form>
  );
}
