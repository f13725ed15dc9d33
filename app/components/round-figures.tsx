import type { RoundStatus } from "~/domain/round-status";
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

/**
 * A response count as the results gate gave it: null means the anonymity rules withhold it,
 * with the one label every withheld figure carries (pages using it show WithheldFootnote).
 */
export function ResponseCount({ responses, rate }: { responses: number | null; rate: number | null }) {
  if (responses === null) return <Withheld />;
  return (
    <>
      {responses}
      {rate !== null ? <span className="muted"> ({percent(rate)})</span> : null}
    </>
  );
}

export interface CountsView {
  k: number;
  /** Null when the viewer sees only their department (a manager). */
  overall: { invited: number; responses: number | null; rate: number | null } | null;
  departments: { id: string; name: string; invited: number; responses: number | null; rate: number | null }[];
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
                <ResponseCount responses={counts.overall.responses} rate={counts.overall.rate} />
              </td>
            </tr>
          ) : null}
          {counts.departments.map((department) => (
            <tr key={department.id}>
              <th scope="row">{department.name}</th>
              <td className="num">{department.invited}</td>
              <td className="num">
                <ResponseCount responses={department.responses} rate={department.rate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WithheldFootnote k={counts.k} />
    </div>
  );
}
