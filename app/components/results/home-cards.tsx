import { Link } from "@remix-run/react";
import { formatNps } from "~/domain/group-figures";
import { formatDay } from "~/domain/utc-time";
import type { OpenRound, ScopedCounts, TrendPoint } from "~/models/results/index.server";
import { TrendChart } from "../charts";
import { HourlyFootnote, HourlyMark } from "../round-figures";
import { describeChange, explainChange, intervalMeaning } from "../statistics-words";
import { formatInterval, formatRate } from "./format";
import { Withheld, WithheldFootnote, withheldExplanation } from "./withheld";

/** The latest eNPS followed (the company's, or a manager's department's), its change and a small trend. */
export function LatestScore({ trend, manager }: { trend: TrendPoint[]; manager: boolean }) {
  const latest = trend.at(-1);
  const heading = manager ? "Your department's eNPS" : "Latest eNPS";
  return (
    <section className="card sparkline-card" aria-labelledby="latest-heading">
      <h2 id="latest-heading">{heading}</h2>
      {!latest ? (
        <p className="muted">No periodic round has closed yet.</p>
      ) : (
        <>
          <p className="muted small">
            <Link to={`/hr/rounds/${latest.roundId}/results`}>{latest.name}</Link>, closed {formatDay(latest.closedOn)}
          </p>
          {latest.score ? (
            <>
              <p className="stat">{formatNps(latest.score.nps)}</p>
              <p className="small">
                95% interval {formatInterval(latest.score.low, latest.score.high)} · {latest.score.n} responses
              </p>
              <p className="muted small">{intervalMeaning(latest.score)}</p>
              <p className={latest.change?.verdict === "change" ? "change-significant" : "muted"}>
                {latest.change
                  ? `Since the round before: ${describeChange(latest.change)}. ${explainChange(latest.change)}`
                  : trend.length > 1
                    ? "No comparison: the round before is withheld."
                    : "The first periodic round: nothing to compare with yet."}
              </p>
            </>
          ) : (
            <p aria-describedby="latest-withheld">
              <Withheld />{" "}
              <span id="latest-withheld" className="muted small">
                {withheldExplanation()}
              </span>
            </p>
          )}
          {trend.length > 1 ? (
            <TrendChart
              compact
              label={`eNPS of the last ${trend.length} periodic rounds: ${trend.map((p) => (p.score ? formatNps(p.score.nps) : "withheld")).join(", ")}`}
              points={trend.map((p) => ({
                label: p.name,
                nps: p.score?.nps ?? null,
                low: p.score?.low ?? null,
                high: p.score?.high ?? null,
              }))}
            />
          ) : null}
          <Link to="/hr/trends">See the trend</Link>
        </>
      )}
    </section>
  );
}

function Responses({ counts }: { counts: ScopedCounts }) {
  const figure = figureOf(counts);
  if (isWithheld(counts)) {
    return (
      <td colSpan={2} aria-describedby="withheld-note">
        <Withheld />
      </td>
    );
  }
  return (
    <>
      <td className="num">
        {figure.rate === null ? figure.responses : `${figure.responses} of ${figure.invited}`}
        {figure.live ? null : <HourlyMark />}
      </td>
      <td>
        {figure.rate === null ? (
          // A bare dash next to "20 of 51, 39%" reads as a missing figure: say why there is none.
          <span className="muted small">None: anyone with the shared link can answer</span>
        ) : (
          <div className="row">
            <span className="progress" aria-hidden="true">
              <span style={{ width: `${Math.min(1, figure.rate) * 100}%` }} />
            </span>
            {formatRate(figure.rate)}
          </div>
        )}
      </td>
    </>
  );
}

const figureOf = (counts: ScopedCounts) => counts.overall ?? counts.departments[0];
const isWithheld = (counts: ScopedCounts) => figureOf(counts).responses === null;

export function OpenRoundsCard({ rounds }: { rounds: OpenRound[] }) {
  const withheld = rounds.filter((round) => isWithheld(round.counts));
  return (
    <section className="card" aria-labelledby="open-heading">
      <h2 id="open-heading">Open rounds</h2>
      {rounds.length === 0 ? (
        <p className="muted">No round is open right now.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Open rounds and their response rates</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Closes</th>
                <th scope="col" className="num">
                  Responses
                </th>
                <th scope="col">Response rate</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link to={`/hr/rounds/${round.id}/results`}>{round.name}</Link>
                  </th>
                  <td>{formatDay(round.closesAt)}</td>
                  <Responses counts={round.counts} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="footnote">Scores appear when a round closes; until then only counts show.</p>
      {withheld.length > 0 ? (
        <WithheldFootnote
          k={new Set(withheld.map((r) => r.counts.k)).size === 1 ? withheld[0].counts.k : undefined}
          basis="invited"
        />
      ) : null}
      {rounds.some((round) => !isWithheld(round.counts) && !figureOf(round.counts).live) ? <HourlyFootnote /> : null}
    </section>
  );
}
