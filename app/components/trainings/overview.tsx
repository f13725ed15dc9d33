import { Link } from "@remix-run/react";
import { BeforeAfterChart, type BeforeAfterBar } from "~/components/charts";
import { formatInterval } from "~/components/results/format";
import { Withheld } from "~/components/results/withheld";
import { formatNps } from "~/domain/group-figures";
import type { NpsChange } from "~/domain/nps-statistics";
import { HR_LOCALE, plural } from "~/domain/plural";
import type { ComparedTrainingRow, Pool, PooledScore, RoundOutcome } from "~/domain/training-pooling";
import { formatDay } from "~/domain/utc-time";
import { explainChange } from "../statistics-words";
import { ChangeBadge } from "./change";

/** A before or after round in a table cell: its score and n, or why there is none. */
export function OutcomeCell({ outcome }: { outcome: RoundOutcome }) {
  switch (outcome.state) {
    case "shown":
      return (
        <td className="num">
          {formatNps(outcome.score.nps)}{" "}
          <span className="muted small block">{formatInterval(outcome.score.low, outcome.score.high)}</span>
        </td>
      );
    case "withheld":
      return (
        <td className="num" aria-describedby="withheld-note">
          <Withheld />
        </td>
      );
    case "pending":
      return (
        <td className="num muted small">
          {outcome.status === "open" ? `Open until ${formatDay(outcome.closesAt)}` : "Not open yet"}
        </td>
      );
    case "missing":
      return (
        <td className="num muted">
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">No round</span>
        </td>
      );
  }
}

/** "n = 7 before, 9 after" */
export function sampleSizes(before: { n: number }, after: { n: number }): string {
  return `n = ${before.n} before, ${after.n} after`;
}

function ChangeCell({ change, sizes }: { change: NpsChange | null; sizes: string | null }) {
  if (!change) {
    return (
      <td className="muted">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">No comparison</span>
      </td>
    );
  }
  return (
    <td>
      <span className={change.verdict === "change" ? "change-significant" : undefined}>
        {formatNps(change.delta)} points
      </span>{" "}
      <ChangeBadge change={change} />
      {sizes ? <span className="muted small block">{sizes}</span> : null}
    </td>
  );
}

export function TrainingsTable({ rows, showTrainer }: { rows: ComparedTrainingRow[]; showTrainer: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">NPS before and after each training, the latest first</caption>
        <thead>
          <tr>
            <th scope="col">Training</th>
            <th scope="col">Topic</th>
            {showTrainer ? <th scope="col">Trainer</th> : null}
            <th scope="col">Starts</th>
            <BeforeAfterChangeHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/hr/trainings/${row.id}`}>{row.title}</Link>
              </th>
              <td>{row.topic}</td>
              {showTrainer ? <td>{row.trainer.name}</td> : null}
              <td>{formatDay(row.startsOn)}</td>
              <OutcomeCell outcome={row.before} />
              <OutcomeCell outcome={row.after} />
              <ChangeCell
                change={row.change}
                sizes={
                  row.change && row.before.state === "shown" && row.after.state === "shown"
                    ? sampleSizes(row.before.score, row.after.score)
                    : null
                }
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PooledCell({ score }: { score: PooledScore | null }) {
  if (!score) {
    return (
      <td className="num muted">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">Nothing to pool</span>
      </td>
    );
  }
  return (
    <td className="num">
      {formatNps(score.nps)} <span className="muted small block">{formatInterval(score.low, score.high)}</span>
    </td>
  );
}

/** Pools (per trainer or per topic) with their pooled before, after and change. */
export function PoolTable({ caption, groupLabel, pools }: { caption: string; groupLabel: string; pools: Pool[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="num">
              Trainings
            </th>
            <th scope="col" className="num">
              Compared
            </th>
            <BeforeAfterChangeHeads />
          </tr>
        </thead>
        <tbody>
          {pools.map((pool) => (
            <tr key={pool.key}>
              <th scope="row">{pool.label}</th>
              <td className="num">{pool.trainings}</td>
              <td className="num">{pool.compared}</td>
              <PooledCell score={pool.before} />
              <PooledCell score={pool.after} />
              <ChangeCell
                change={pool.change}
                sizes={pool.before && pool.after ? sampleSizes(pool.before, pool.after) : null}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The headline: every compared training's answers pooled, before vs after. */
export function OverallChange({ pool, whose }: { pool: Pool; whose: string }) {
  const { before, after, change } = pool;
  return (
    <section className="card" aria-labelledby="overall-heading">
      <h2 id="overall-heading">Overall change, {whose}</h2>
      {before && after && change ? (
        <>
          <div className="score-sides">
            <div className="score-side">
              <p className="stat-label">Before</p>
              <p className="stat" aria-label={`NPS before, pooled: ${formatNps(before.nps)}`}>
                {formatNps(before.nps)}
              </p>
              <p className="muted small">95% interval {formatInterval(before.low, before.high)}</p>
            </div>
            <div className="score-side">
              <p className="stat-label">After</p>
              <p className="stat" aria-label={`NPS after, pooled: ${formatNps(after.nps)}`}>
                {formatNps(after.nps)}
              </p>
              <p className="muted small">95% interval {formatInterval(after.low, after.high)}</p>
            </div>
            <div className="score-side">
              <p className="stat-label">Change</p>
              <p className="stat">{formatNps(change.delta)}</p>
              <p>
                <ChangeBadge change={change} />
              </p>
              <p className="muted small">{explainChange(change)}</p>
            </div>
          </div>
          <p className="muted small">
            The answers of {plural(HR_LOCALE, pool.compared, { one: "# training", other: "# trainings" })} pooled (
            {sampleSizes(before, after)})
            {pool.trainings > pool.compared
              ? `; ${pool.trainings - pool.compared} more not compared yet or withheld`
              : ""}
            .
          </p>
        </>
      ) : (
        <p className="muted">
          No training has both its before and after score shown yet. The overall change appears once one does.
        </p>
      )}
    </section>
  );
}

/** Chart bars from training rows: only shown figures, gaps elsewhere. */
export function barsOfRows(rows: ComparedTrainingRow[]): BeforeAfterBar[] {
  const nps = (outcome: RoundOutcome) => (outcome.state === "shown" ? outcome.score.nps : null);
  return rows.map((row) => ({
    name: row.title,
    before: nps(row.before),
    after: nps(row.after),
    change: row.change?.delta ?? null,
  }));
}

export function barsOfPools(pools: Pool[]): BeforeAfterBar[] {
  return pools.map((pool) => ({
    name: pool.label,
    before: pool.before?.nps ?? null,
    after: pool.after?.nps ?? null,
    change: pool.change?.delta ?? null,
  }));
}

export function BeforeAfterFigure({ bars, what }: { bars: BeforeAfterBar[]; what: string }) {
  const text = (value: number | null) => (value === null ? "none" : formatNps(value));
  return (
    <BeforeAfterChart
      bars={bars}
      label={`NPS before and after, and the change, ${what}: ${bars.map((b) => `${b.name}: before ${text(b.before)}, after ${text(b.after)}, change ${text(b.change)}`).join("; ")}`}
    />
  );
}

/** The three column heads every before/after table ends with. */
export function BeforeAfterChangeHeads() {
  return (
    <>
      <th scope="col" className="num">
        Before
      </th>
      <th scope="col" className="num">
        After
      </th>
      <th scope="col">Change</th>
    </>
  );
}
