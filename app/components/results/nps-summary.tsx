import {
  type GroupFigures,
  type RatingFigures,
  CATEGORY_LABELS,
  formatNps,
  formatShare,
  RATING_VALUES,
} from "~/domain/group-figures";
import { categoryOf } from "~/domain/nps";
import type { ScoreName } from "~/domain/round-status";
import { ScoreDistributionChart } from "../charts";
import { formatInterval, formatRate } from "./format";
import { Withheld } from "./withheld";

/** The headline of a group: its eNPS (or a training's NPS), interval, responses and the three categories. */
export function NpsSummary({
  name,
  figures,
  measure = "eNPS",
}: {
  name: string;
  figures: GroupFigures;
  measure?: ScoreName;
}) {
  const categories = [
    { key: "promoter", label: "Promoters", hint: "9-10", count: figures.promoters, share: figures.shares.promoters },
    { key: "passive", label: "Passives", hint: "7-8", count: figures.passives, share: figures.shares.passives },
    { key: "detractor", label: "Detractors", hint: "0-6", count: figures.detractors, share: figures.shares.detractors },
  ] as const;
  return (
    <div className="nps-summary">
      <div className="nps-headline">
        <p className="stat-label">{measure}</p>
        <p className="stat nps-value" aria-label={`${measure} of ${name}: ${formatNps(figures.nps)}`}>
          {formatNps(figures.nps)}
        </p>
        <p>
          95% interval <strong>{formatInterval(figures.low, figures.high)}</strong>
        </p>
        <p className="muted small">
          {figures.responses} responses
          {figures.invited === null
            ? ""
            : figures.rate === null
              ? ` (${figures.invited} invited by personal link; anyone with the shared link could answer too)`
              : ` of ${figures.invited} invited (${formatRate(figures.rate)} response rate)`}
        </p>
      </div>
      <div className="nps-categories">
        <div className="share-bar" aria-hidden="true">
          {categories.map((c) => (
            <span key={c.key} className={`share-${c.key}`} style={{ width: `${c.share * 100}%` }} />
          ))}
        </div>
        <dl className="category-list">
          {categories.map((c) => (
            <div key={c.key}>
              <dt>
                <span className={`dot dot-${c.key}`} aria-hidden="true" />
                {c.label} <span className="muted small">({c.hint})</span>
              </dt>
              <dd>
                {c.count} <span className="muted">· {formatShare(c.share)}</span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

/** The 0-10 distribution: a chart in the browser, and the same numbers as a table. */
export function ScoreDistribution({
  name,
  distribution,
  print,
}: {
  name: string;
  distribution: number[];
  print?: boolean;
}) {
  const summary = distribution.map((count, score) => `${score}: ${count}`).join(", ");
  return (
    <>
      <ScoreDistributionChart distribution={distribution} label={`Responses per score, ${name}. ${summary}.`} />
      <div className={print ? "table-wrap" : "table-wrap chart-table"}>
        <table className="distribution">
          <caption className="visually-hidden">Responses per score, {name}</caption>
          <thead>
            <tr>
              <th scope="row">Score</th>
              {distribution.map((_, score) => (
                <th scope="col" key={score} className={`num ${categoryOf(score)}`}>
                  {score}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Responses</th>
              {distribution.map((count, score) => (
                <td key={score} className="num" title={CATEGORY_LABELS[categoryOf(score)]}>
                  {count}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The 1-5 rating items of a group: mean and answers per value, or the withheld label. */
export function RatingTable({
  questions,
  ratings,
  name,
}: {
  questions: { id: string; text: string }[];
  ratings: (RatingFigures | null)[];
  name: string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Rating items, {name}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Answers
            </th>
            <th scope="col" className="num">
              Mean (1-5)
            </th>
            {RATING_VALUES.map((value) => (
              <th scope="col" key={value} className="num">
                {value}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {questions.map((question, index) => {
            const rating = ratings[index];
            return (
              <tr key={question.id}>
                <th scope="row">{question.text}</th>
                {rating ? (
                  <>
                    <td className="num">{rating.answers}</td>
                    <td className="num">{rating.mean.toFixed(2)}</td>
                    {rating.distribution.map((count, i) => (
                      <td key={i} className="num">
                        {count}
                      </td>
                    ))}
                  </>
                ) : (
                  <td colSpan={2 + RATING_VALUES.length} aria-describedby="withheld-note">
                    <Withheld />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
