import { Form, Link } from "@remix-run/react";
import { BreakdownChart } from "~/components/charts";
import { EmptyState, Notice, PageHeader } from "~/components/page";
import {
  AddedBeforeLaunchFootnote,
  AddedBeforeLaunchNote,
  BreakdownTable,
  CrossTable,
  type BreakdownRow,
} from "~/components/results/breakdown-table";
import { CommentsSection } from "~/components/results/comments-section";
import { roundKindLabel } from "~/components/results/format";
import { HeatLegend } from "~/components/results/heat-legend";
import { LinksDownloadedWarning } from "~/components/results/links-downloaded";
import { NpsSummary, RatingTable, ScoreDistribution } from "~/components/results/nps-summary";
import { PrintBar } from "~/components/results/print-bar";
import { withheldExplanation, WithheldFootnote } from "~/components/results/withheld";
import { intervalMeaning } from "~/components/statistics-words";
import { newActionHref } from "~/domain/action-items";
import { ADDED_BEFORE_LAUNCH_DAYS } from "~/domain/added-before-launch";
import { closingTime, scoreNameOf } from "~/domain/round-status";
import { formatDay } from "~/domain/utc-time";
import type { ClosedResultsPage, LeanGroup } from "~/pages/results-page.server";
import { PageContents } from "./page-contents";

const actionHref = (roundId: string, group: { departmentId: string | null; roleId: string | null }) =>
  newActionHref({ roundId, departmentId: group.departmentId, roleId: group.roleId });

/** A closed round's results: the focused group in full, then every breakdown and the comments. */
export function ClosedRound({ data }: { data: ClosedResultsPage }) {
  const { round, focus, print } = data;
  const measure = scoreNameOf(round.kind);
  const rowOf = (group: LeanGroup): BreakdownRow => ({
    key: group.key,
    name: group.name,
    figures: group.figures,
    detailsHref: print ? undefined : `?group=${encodeURIComponent(group.key)}#focus`,
    actionHref: print ? undefined : actionHref(round.id, group),
    addedBeforeLaunch: group.addedBeforeLaunch,
  });
  const anyAdded = [data.overall, ...data.departments, ...data.roles, ...data.cross.cells].some(
    (group) => group?.addedBeforeLaunch,
  );
  const shownDepartments = data.departments.filter((d) => d.figures !== null);
  const printQuery = new URLSearchParams({ print: "1", ...(focus ? { group: focus.key } : {}) });

  return (
    <div className={print ? "results print-view" : "results"}>
      <PageHeader
        title={round.name}
        description={`${roundKindLabel(round.kind)} · closed ${formatDay(closingTime(round))} · reporting threshold ${round.k}`}
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
      <LinksDownloadedWarning at={round.linksDownloadedAt} />
      <Notice
        message={
          data.withheldRequest &&
          `${data.withheldRequest} is withheld in this round. ${withheldExplanation(round.k)}${focus ? ` Shown instead: ${focus.name}.` : ""}`
        }
      />
      {print ? null : (
        <PageContents
          sections={[
            focus && { id: "focus", label: "Summary" },
            focus && { id: "scores", label: "Scores" },
            focus && data.ratingQuestions.length > 0 && { id: "ratings", label: "Rating items" },
            data.departments.length > 0 && { id: "departments", label: "By department" },
            data.roles.length > 0 && { id: "roles", label: "By role" },
            data.cross.cells.length > 0 && { id: "cross", label: "By department and role" },
            focus && { id: "comments", label: "Comments" },
          ]}
        />
      )}
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
            <AddedBeforeLaunchNote added={focus.addedBeforeLaunch} />
            <NpsSummary name={focus.name} figures={focus.figures} measure={measure} />
            <p className="footnote">
              {intervalMeaning(
                { n: focus.figures.responses, population: focus.figures.population },
                { sharedLink: round.sharedLink, measure },
              )}
            </p>
          </section>
          <section className="card" id="scores" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">Scores · {focus.name}</h2>
            <ScoreDistribution name={focus.name} distribution={focus.figures.distribution} print={print} />
          </section>
          {data.ratingQuestions.length > 0 ? (
            <section className="card" id="ratings" aria-labelledby="ratings-heading">
              <h2 id="ratings-heading">Rating items · {focus.name}</h2>
              <RatingTable questions={data.ratingQuestions} ratings={focus.ratings} name={focus.name} />
            </section>
          ) : null}
        </>
      )}
      {data.departments.length > 0 ? (
        <section className="card" id="departments" aria-labelledby="departments-heading">
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
        <section className="card" id="roles" aria-labelledby="roles-heading">
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
        <section className="card" id="cross" aria-labelledby="cross-heading">
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
      {anyAdded ? <AddedBeforeLaunchFootnote days={ADDED_BEFORE_LAUNCH_DAYS} /> : null}
    </div>
  );
}

/**
 * Picks the group the summary, scores, ratings and comments are about (a GET form). Cells are
 * picked from the department x role grid instead, which would make this list very long.
 */
function GroupPicker({ data }: { data: ClosedResultsPage }) {
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
