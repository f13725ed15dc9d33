import type { ActionOutcome, OutcomeRound } from "~/domain/action-outcome";
import { formatNps } from "~/domain/group-figures";
import type { NpsEstimate } from "~/domain/nps-statistics";
import { HR_LOCALE, plural } from "~/domain/plural";
import { formatDay } from "~/domain/utc-time";
import { formatInterval } from "./results/format";
import { WITHHELD, withheldExplanation } from "./results/withheld";
import { describeChange, explainChange, intervalMeaning } from "./statistics-words";

/** One round's figure of the item's group: the eNPS, its interval and how many answered. */
function RoundFigure({ label, round, score }: { label: string; round: OutcomeRound; score: NpsEstimate | null }) {
  return (
    <div className="outcome-round">
      <p className="stat-label">
        {label} · {round.name}
      </p>
      {score ? (
        <>
          <p className="stat">{formatNps(score.nps)}</p>
          <p className="small muted">
            95% interval {formatInterval(score.low, score.high)} ·{" "}
            {plural(HR_LOCALE, score.n, { one: "# response", other: "# responses" })}
          </p>
          <p className="small muted">{intervalMeaning(score)}</p>
        </>
      ) : (
        <p className="stat suppressed">{WITHHELD}</p>
      )}
    </div>
  );
}

function withheldIn(group: string, round: OutcomeRound) {
  return `In ${round.name}, ${group} is withheld: ${withheldExplanation(round.k).toLowerCase()}`;
}

function OutcomeBody({ outcome, deadline }: { outcome: ActionOutcome; deadline: string }) {
  switch (outcome.state) {
    case "no-round":
      return (
        <p className="muted">
          This item is not linked to a round, so there is no score to compare. Link it to the round it came from to
          follow its group's eNPS.
        </p>
      );
    case "not-visible":
      return (
        <p className="muted">The results of this item's group are not yours to see, so no figures are shown here.</p>
      );
    case "origin-open":
      return (
        <p className="muted">
          {outcome.origin.name} has not closed yet. The eNPS of {outcome.group} shows here once it has.
        </p>
      );
    case "origin-withheld":
      return <p className="muted">No figure to compare. {withheldIn(outcome.group, outcome.origin)}</p>;
    default:
  }
  const series =
    outcome.state === "no-follow-up" && outcome.series === "training"
      ? "round of this training"
      : "periodic eNPS round";
  return (
    <>
      <p className="muted small">
        eNPS of {outcome.group} in the round this item came from and in the latest {series} that closed after its
        deadline.
      </p>
      <div className="outcome-rounds">
        <RoundFigure label="Before" round={outcome.origin} score={outcome.before} />
        {outcome.state === "no-follow-up" ? null : (
          <RoundFigure
            label="After the deadline"
            round={outcome.followUp}
            score={outcome.state === "compared" ? outcome.after : null}
          />
        )}
      </div>
      {outcome.state === "no-follow-up" ? (
        <p>
          No {series} has closed after the deadline ({formatDay(deadline)}) yet. The change shows here once one has.
        </p>
      ) : outcome.state === "follow-up-withheld" ? (
        <p>No change to show. {withheldIn(outcome.group, outcome.followUp)}</p>
      ) : (
        <p className={outcome.change.verdict === "change" ? "change-significant" : undefined}>
          Change: {describeChange(outcome.change)}. {explainChange(outcome.change)}
        </p>
      )}
    </>
  );
}

/** "Did it work?": the item's group before and after, with the change and its significance. */
export function ActionOutcomeCard({ outcome, deadline }: { outcome: ActionOutcome; deadline: string }) {
  return (
    <section className="card" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">Did it work?</h2>
      <OutcomeBody outcome={outcome} deadline={deadline} />
    </section>
  );
}
