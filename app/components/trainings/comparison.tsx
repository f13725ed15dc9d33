import { BreakdownChart, GroupedDistributionChart, ROUND_SERIES_COLOURS } from "~/components/charts";
import { formatInterval, formatRate } from "~/components/results/format";
import { Withheld } from "~/components/results/withheld";
import { formatNps, formatShare, RATING_VALUES } from "~/domain/group-figures";
import type { NpsChange } from "~/domain/nps-statistics";
import { sharesOf, type GroupComparison, type RatingComparison } from "~/domain/training-comparison";
import { formatDay } from "~/domain/utc-time";
import type { ComparedRound, TrainingComparison } from "~/models/training-results.server";
import { changesFootnote, explainChange, intervalMeaning, TRAINING_TEST_NOTE } from "../statistics-words";
import { ChangeBadge } from "./change";
import { BeforeAfterChangeHeads } from "./overview";

/** What each round is called on the comparison. */
export const SIDE_LABELS = { before: "Before", after: "After", followUp: "Follow-up" } as const;
type Side = keyof typeof SIDE_LABELS;

const SIDES: Side[] = ["before", "after", "followUp"];

/** Each round keeps its colour in every chart, whichever rounds are shown. */
const SIDE_COLOURS: Record<Side, string> = {
  before: ROUND_SERIES_COLOURS[0],
  after: ROUND_SERIES_COLOURS[1],
  followUp: ROUND_SERIES_COLOURS[2],
};

/** The rounds of the comparison that exist, in order, with their labels. */
function roundsOf(comparison: TrainingComparison) {
  return SIDES.flatMap((side) => {
    const round = comparison[side];
    return round ? [{ side, label: SIDE_LABELS[side], round }] : [];
  });
}

/** The results page's words for a round whose every figure is withheld. */
export const TOO_FEW =
  "Too few people answered this round for any figure to be shown without risking that someone could be recognised.";

/** Why a round has no score: not open yet, open, or withheld. */
function NoScore({ round }: { round: ComparedRound }) {
  if (round.withheld) {
    return (
      <>
        <p className="stat" aria-describedby="withheld-note">
          <Withheld />
        </p>
        <p className="muted small">{TOO_FEW}</p>
      </>
    );
  }
  return (
    <p className="muted">
      {round.status === "scheduled" ? "Not open yet." : `Open until ${formatDay(round.closesAt)}.`} The score appears
      when the round closes.
    </p>
  );
}

function RoundScore({ side, label, round }: { side: Side; label: string; round: ComparedRound }) {
  const f = round.figures;
  return (
    <section className="score-side" aria-labelledby={`score-${side}`}>
      <h3 id={`score-${side}`}>{label}</h3>
      {f ? (
        <>
          <p className="stat nps-value" aria-label={`NPS ${label.toLowerCase()}: ${formatNps(f.nps)}`}>
            {formatNps(f.nps)}
          </p>
          <p>
            95% interval <strong>{formatInterval(f.low, f.high)}</strong>
          </p>
          <p className="muted small">
            n = {f.responses}
            {f.invited !== null ? ` of ${f.invited} invited (${formatRate(f.rate)})` : ""}
          </p>
          <p className="muted small">
            {intervalMeaning(
              { n: f.responses, population: f.population },
              { sharedLink: round.sharedLink, measure: "NPS" },
            )}
          </p>
        </>
      ) : (
        <NoScore round={round} />
      )}
    </section>
  );
}

function ChangeLine({ title, change, none }: { title: string; change: NpsChange | null; none: string }) {
  return (
    <p className="change-line">
      <strong>{title}:</strong>{" "}
      {change ? (
        <>
          {formatNps(change.delta)} points <ChangeBadge change={change} />{" "}
          <span className="muted small block">{explainChange(change)}</span>
        </>
      ) : (
        <span className="muted">{none}</span>
      )}
    </p>
  );
}

/** The training's NPS before, after and at the follow-up side by side, with the change and whether it is clear. */
export function ScoresSideBySide({ comparison }: { comparison: TrainingComparison }) {
  const rounds = roundsOf(comparison);
  const shown = rounds.filter((r) => r.round.figures);
  return (
    <section className="card" aria-labelledby="scores-heading">
      <h2 id="scores-heading">NPS before and after</h2>
      <div className="score-sides">
        {rounds.map(({ side, label, round }) => (
          <RoundScore key={side} side={side} label={label} round={round} />
        ))}
      </div>
      <ChangeLine
        title="Change after the training"
        change={comparison.change}
        none="No comparison until both rounds show a score."
      />
      {comparison.followUp ? (
        <ChangeLine
          title="Change at the follow-up (from before)"
          change={comparison.followUpChange}
          none="No comparison until both rounds show a score."
        />
      ) : null}
      {shown.length > 0 ? (
        <BreakdownChart
          name="training-scores"
          measure="NPS"
          label={`NPS with 95% intervals: ${shown.map((r) => `${r.label} ${formatNps(r.round.figures!.nps)}`).join(", ")}`}
          groups={shown.map((r) => ({
            name: r.label,
            nps: r.round.figures!.nps,
            low: r.round.figures!.low,
            high: r.round.figures!.high,
          }))}
        />
      ) : null}
      <p className="footnote">
        {changesFootnote(
          [
            comparison.change,
            comparison.followUpChange,
            ...comparison.departments.map((g) => g.change),
            ...comparison.roles.map((g) => g.change),
          ],
          "The change after the training",
        )}{" "}
        {TRAINING_TEST_NOTE}
      </p>
    </section>
  );
}

/** The 0-10 distributions of the shown rounds as one chart, and the same numbers as a table. */
export function DistributionComparison({ comparison }: { comparison: TrainingComparison }) {
  const shown = roundsOf(comparison).filter((r) => r.round.figures);
  return (
    <section className="card" aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">Scores 0-10, before and after</h2>
      {shown.length === 0 ? (
        <p className="muted">No round of this training shows its scores yet.</p>
      ) : (
        <>
          <GroupedDistributionChart
            label={`Share of responses per score: ${shown
              .map(
                (r) =>
                  `${r.label}: ${r.round.figures!.distribution.map((count, score) => `${score}: ${count}`).join(", ")}`,
              )
              .join("; ")}`}
            series={shown.map((r) => ({
              label: r.label,
              shares: sharesOf(r.round.figures!.distribution),
              colour: SIDE_COLOURS[r.side],
            }))}
          />
          <div className="table-wrap chart-table">
            <table className="distribution">
              <caption className="visually-hidden">Responses per score, before and after the training</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  {RANGE.map((score) => (
                    <th scope="col" key={score} className="num">
                      {score}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    n
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ side, label, round }) => {
                  const f = round.figures!;
                  return (
                    <tr key={side}>
                      <th scope="row">{label}</th>
                      {f.distribution.map((count, score) => (
                        <td key={score} className="num">
                          {count}
                          <span className="cell-share"> {formatShare(count / f.responses)}</span>
                        </td>
                      ))}
                      <td className="num">{f.responses}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const RANGE = Array.from({ length: 11 }, (_, score) => score);

function RatingCell({ rating }: { rating: RatingComparison["before"] }) {
  if (!rating) {
    return (
      <td className="num" aria-describedby="withheld-note">
        <Withheld />
      </td>
    );
  }
  return (
    <td className="num">
      {rating.mean.toFixed(2)} <span className="muted small block">n = {rating.answers}</span>
    </td>
  );
}

/** Each 1-5 rating item before and after: means, the change, and the answers per value. */
export function RatingComparisonTable({ ratings, followUp }: { ratings: RatingComparison[]; followUp: boolean }) {
  const sides: Side[] = followUp ? SIDES : ["before", "after"];
  return (
    <section className="card" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Rating items, before and after</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Mean rating per item (1-5), before and after the training</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {sides.map((side) => (
                <th scope="col" key={side} className="num">
                  {SIDE_LABELS[side]}
                </th>
              ))}
              <th scope="col" className="num">
                Change in mean
              </th>
            </tr>
          </thead>
          <tbody>
            {ratings.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.text}</th>
                {sides.map((side) => (
                  <RatingCell key={side} rating={item[side]} />
                ))}
                <td className="num">
                  {item.meanChange === null ? "–" : `${item.meanChange > 0 ? "+" : ""}${item.meanChange.toFixed(2)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="rating-details">
        <summary>Answers per value</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              Answers per value of each rating item, before and after the training
            </caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Round</th>
                {RATING_VALUES.map((value) => (
                  <th scope="col" key={value} className="num">
                    {value}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ratings.flatMap((item) =>
                sides.map((side) => {
                  const rating = item[side];
                  return (
                    <tr key={`${item.id}-${side}`}>
                      <th scope="row">{item.text}</th>
                      <td>{SIDE_LABELS[side]}</td>
                      {rating ? (
                        rating.distribution.map((count, index) => (
                          <td key={index} className="num">
                            {count}
                          </td>
                        ))
                      ) : (
                        <td colSpan={RATING_VALUES.length} aria-describedby="withheld-note">
                          <Withheld />
                        </td>
                      )}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Departments or roles shown in both rounds, each before and after with its change. */
export function GroupComparisonTable({
  title,
  groupLabel,
  groups,
}: {
  title: string;
  groupLabel: string;
  groups: GroupComparison[];
}) {
  const id = `${groupLabel.toLowerCase()}-comparison`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {groups.length === 0 ? (
        <p className="muted">
          No {groupLabel.toLowerCase()} is shown in both rounds: a group appears here only when each round has enough
          answers from it.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{groupLabel}</th>
                <BeforeAfterChangeHeads />
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td className="num">
                    {formatNps(g.before.nps)} <span className="muted small block">n = {g.before.responses}</span>
                  </td>
                  <td className="num">
                    {formatNps(g.after.nps)} <span className="muted small block">n = {g.after.responses}</span>
                  </td>
                  <td>
                    {formatNps(g.change.delta)} <ChangeBadge change={g.change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
