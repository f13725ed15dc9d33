import { formatDay } from "~/domain/utc-time";
import type { OpenRoundResults } from "~/models/results/index.server";
import { PageHeader } from "../page";
import { HourlyMark, OpenCountsNote } from "../round-figures";
import { formatRate, roundKindLabel } from "./format";
import { LinksDownloadedWarning } from "./links-downloaded";
import { Withheld, WithheldFootnote } from "./withheld";

/** A round that has not closed: response counts and rates only, never a score (rule 7). */
export function OpenRoundView({ results }: { results: OpenRoundResults }) {
  const { round, counts } = results;
  return (
    <>
      <PageHeader
        title={round.name}
        description={`${roundKindLabel(round.kind)} · ${round.status === "open" ? `open until ${formatDay(round.closesAt)}` : `opens ${formatDay(round.opensAt)}`} · reporting threshold ${round.k}`}
      />
      <LinksDownloadedWarning at={round.linksDownloadedAt} />
      <p className="warning">
        {round.status === "open"
          ? `Scores appear when the round closes on ${formatDay(round.closesAt)}. Until then only response counts show, so that nobody can watch a particular person's answer arrive.`
          : `This round opens on ${formatDay(round.opensAt)}. Response counts show from then, scores once it closes.`}
      </p>
      {counts.overall ? (
        <section className="card" aria-labelledby="so-far">
          <h2 id="so-far">Responses so far</h2>
          {counts.overall.responses === null ? (
            <p aria-describedby="withheld-note">
              <Withheld /> of {counts.overall.invited} invited
            </p>
          ) : (
            <p>
              <span className="stat">
                {counts.overall.responses}
                {counts.overall.live ? null : <HourlyMark />}
              </span>{" "}
              {counts.overall.rate === null
                ? `responses · ${counts.overall.invited} invited by personal link; anyone with the shared link can answer too, so there is no response rate`
                : `of ${counts.overall.invited} invited · ${formatRate(counts.overall.rate)} response rate`}
            </p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="by-department">
        <h2 id="by-department">By department</h2>
        {counts.departments.length === 0 ? (
          <p className="muted">No department to show yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Responses so far by department</caption>
              <thead>
                <tr>
                  <th scope="col">Department</th>
                  <th scope="col" className="num">
                    Invited
                  </th>
                  <th scope="col" className="num">
                    Responses
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts.departments.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td className="num">{d.invited}</td>
                    {d.responses === null ? (
                      <td className="num" colSpan={2} aria-describedby="withheld-note">
                        <Withheld />
                      </td>
                    ) : (
                      <>
                        <td className="num">
                          {d.responses}
                          {d.live ? null : <HourlyMark />}
                        </td>
                        <td className="num">{formatRate(d.rate)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <WithheldFootnote k={counts.k} basis="invited" />
      <OpenCountsNote k={counts.k} countedAt={counts.countedAt} />
    </>
  );
}
