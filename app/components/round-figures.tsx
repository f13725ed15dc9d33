import { LIVE_MIN_INVITED } from "~/domain/open-round-counts";
import type { RoundStatus } from "~/domain/round-status";
import { formatUtc } from "~/domain/utc-time";
import { Withheld, WithheldFootnote } from "./results/withheld";

const STATUS: Record<RoundStatus, { label: string; className: string }> = {
  scheduled: { label: "Scheduled", className: "badge badge-info" },
  open: { label: "Open", className: "badge badge-ok" },
  closed: { label: "Closed", className: "badge" },
};

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  return <span className={STATUS[status].className}>{STATUS[status].label}</span>;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** Marks a count taken at the last full hour; pages using it show OpenCountsNote. */
export function HourlyMark() {
  return (
    <>
      <sup aria-hidden="true">†</sup>
      <span className="visually-hidden"> (counted hourly)</span>
    </>
  );
}

/**
 * A response count as the results gate gave it: null means the anonymity rules withhold it,
 * with the one label every withheld figure carries (pages using it show WithheldFootnote).
 */
export function ResponseCount({
  responses,
  rate,
  live = true,
}: {
  responses: number | null;
  rate: number | null;
  live?: boolean;
}) {
  if (responses === null) return <Withheld />;
  return (
    <>
      {responses}
      {live ? null : <HourlyMark />}
      {rate !== null ? <span className="muted"> ({percent(rate)})</span> : null}
    </>
  );
}

interface CountFigureView {
  invited: number;
  responses: number | null;
  rate: number | null;
  live: boolean;
}

export interface CountsView {
  k: number;
  /** Null when the viewer sees only their department (a manager). */
  overall: CountFigureView | null;
  departments: (CountFigureView & { id: string; name: string })[];
  open: boolean;
  countedAt: Date | string | null;
}

/** Under a list of rounds: what the hourly mark means. */
export function HourlyFootnote() {
  return (
    <p className="footnote">
      <span aria-hidden="true">† </span>Counted once an hour while the round is open: groups of fewer than{" "}
      {LIVE_MIN_INVITED} invited people do not show answers one by one as they arrive.
    </p>
  );
}

/**
 * The rule an open round's counts follow, said where they are shown (anonymity rule 7): which
 * groups show a count was fixed at launch from who was invited, and the counts of small groups
 * are taken once an hour.
 */
export function OpenCountsNote({ k, countedAt }: { k: number; countedAt: Date | string | null }) {
  return (
    <p className="footnote" id="open-counts-note">
      While the round is open, a group shows a count only if at least {k} people in it were invited: that was fixed when
      the round was launched and does not change as answers come in. <span aria-hidden="true">† </span>Groups of fewer
      than {LIVE_MIN_INVITED} invited people are counted once an hour, not answer by answer, so that nobody can watch
      one person's answer arrive:{" "}
      {countedAt ? `these counts are as of ${formatUtc(countedAt)}.` : "they are counted at the next full hour."}
    </p>
  );
}

/** The response count and rate of a round, overall and per department, as the gate allows. */
export function RoundCountsTable({ counts }: { counts: CountsView }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{counts.overall ? "Responses, overall and per department" : "Responses from your department"}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Invited
            </th>
            <th scope="col" className="num">
              Responses
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.overall ? (
            <tr className="row-total">
              <th scope="row">Everyone</th>
              <td className="num">{counts.overall.invited}</td>
              <td className="num">
                <ResponseCount {...counts.overall} />
              </td>
            </tr>
          ) : null}
          {counts.departments.map((department) => (
            <tr key={department.id}>
              <th scope="row">{department.name}</th>
              <td className="num">{department.invited}</td>
              <td className="num">
                <ResponseCount {...department} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WithheldFootnote k={counts.k} basis={counts.open ? "invited" : "responses"} />
      {counts.open ? <OpenCountsNote k={counts.k} countedAt={counts.countedAt} /> : null}
    </div>
  );
}
