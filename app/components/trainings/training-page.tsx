import { Form, Link, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/field";
import { Withheld } from "~/components/results/withheld";
import { HourlyFootnote, ResponseCount, RoundStatusBadge } from "~/components/round-figures";
import { TOO_FEW } from "~/components/trainings/comparison";
import { HR_LOCALE, plural } from "~/domain/plural";
import { closedEarly, closingTime, ROUND_KIND_LABELS } from "~/domain/round-status";
import { FOLLOW_UP_DEFAULT_DAYS, FOLLOW_UP_MAX_DAYS, FOLLOW_UP_MIN_DAYS } from "~/domain/training-rounds";
import { formatUtc } from "~/domain/utc-time";
import type { RoundCounts } from "~/models/results/index.server";
import type { getTrainingForViewer, listParticipants, TrainingRound } from "~/models/training-reads.server";
import type { TrainingComparison } from "~/models/training-results.server";

type TrainingFactsOf = Extract<Awaited<ReturnType<typeof getTrainingForViewer>>, { allowed: true }>["training"];

export type RoundWithCounts = TrainingRound & { counts: RoundCounts | null };

/** The training's rounds with their counts and, for HR, links to open or close each now. */
export function RoundsCard({
  rounds,
  isAdmin,
  trainingId,
  followUp,
}: {
  rounds: RoundWithCounts[];
  isAdmin: boolean;
  trainingId: string;
  followUp?: { values?: { daysAfterEnd?: string }; errors?: { daysAfterEnd?: string } };
}) {
  return (
    <section className="card" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Rounds</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">The training's rounds, their status and responses</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Status</th>
              <th scope="col">Open</th>
              <th scope="col" className="num">
                Invited
              </th>
              <th scope="col" className="num">
                Responses
              </th>
              <th scope="col">
                <span className="visually-hidden">Links and actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => {
              const early = closedEarly(round);
              return (
                <tr key={round.id}>
                  <th scope="row">
                    {ROUND_KIND_LABELS[round.kind]}
                    <span className="muted small block">{round.name}</span>
                  </th>
                  <td>
                    <RoundStatusBadge status={round.status} />
                  </td>
                  <td className="small">
                    <span className="block nowrap">from {formatUtc(round.opensAt)}</span>
                    <span className="block nowrap">
                      to {formatUtc(closingTime(round))}
                      {early ? <span className="muted"> (closed early)</span> : null}
                    </span>
                  </td>
                  <td className="num">{round.counts?.invited ?? "–"}</td>
                  <td className="num">{round.counts ? <ResponseCount {...round.counts} /> : "–"}</td>
                  <td className="row-links">
                    {isAdmin ? (
                      <Link to={`/hr/rounds/${round.id}`} aria-label={`Round page of ${round.name}`}>
                        Round page
                      </Link>
                    ) : null}
                    <Link to={`/hr/rounds/${round.id}/results`} aria-label={`Results of ${round.name}`}>
                      Results
                    </Link>
                    {isAdmin && round.status === "scheduled" ? (
                      <Link to={`?confirm=open&round=${round.id}`} aria-label={`Open ${round.name} now`}>
                        Open now…
                      </Link>
                    ) : null}
                    {isAdmin && round.status !== "closed" ? (
                      <Link to={`?confirm=close&round=${round.id}`} aria-label={`Close ${round.name} now`}>
                        Close now…
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {isAdmin
          ? "Participants get their personal links on each round's page (download or e-mail, and reminders)."
          : "HR hands out the links of each round."}{" "}
        Response counts of fewer than {rounds[0]?.k ?? "k"} are not shown; while a round is open, only those of groups
        of at least {rounds[0]?.k ?? "k"} invited.
      </p>
      {rounds.some((round) => round.counts && !round.counts.live) ? <HourlyFootnote /> : null}
      {isAdmin && !rounds.some((r) => r.kind === "TRAINING_FOLLOWUP") ? (
        <FollowUpForm trainingId={trainingId} result={followUp} />
      ) : null}
    </section>
  );
}

function FollowUpForm({
  trainingId,
  result,
}: {
  trainingId: string;
  result?: { values?: { daysAfterEnd?: string }; errors?: { daysAfterEnd?: string } };
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="follow-up" action={`/hr/trainings/${trainingId}`} noValidate>
      <h3>Add a follow-up round</h3>
      <p className="muted small">
        Ask the participants again some time after the training, to see whether the effect lasts. Same questions, same
        threshold; it stays open 14 days.
      </p>
      <div className="row row-end">
        <TextField
          label="Days after the end"
          name="daysAfterEnd"
          type="number"
          inputMode="numeric"
          min={FOLLOW_UP_MIN_DAYS}
          max={FOLLOW_UP_MAX_DAYS}
          defaultValue={result?.values?.daysAfterEnd ?? String(FOLLOW_UP_DEFAULT_DAYS)}
          error={result?.errors?.daysAfterEnd}
          required
        />
        <button type="submit" name="intent" value="follow-up" className="secondary" disabled={busy}>
          {busy ? "Adding…" : "Add follow-up round"}
        </button>
      </div>
    </Form>
  );
}

export type Participant = Awaited<ReturnType<typeof listParticipants>>[number]["person"];

export function Participants({ people }: { people: Participant[] }) {
  return (
    <details className="card">
      <summary>
        <h2>Participants ({people.length})</h2>
      </summary>
      {people.length === 0 ? (
        <p className="muted">Nobody by name: walk-in participants answer through the open link.</p>
      ) : (
        <ul className="participant-list">
          {people.map((p) => (
            <li key={p.id}>
              {p.name}{" "}
              <span className="muted small">
                {p.department.name}, {p.role.name}
                {p.active ? "" : " (inactive)"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** Why the after round's comments are not listed on their own. */
export function AfterCommentsWithheld({ after }: { after: TrainingComparison["after"] }) {
  if (after?.withheld) {
    return (
      <p aria-describedby="withheld-note">
        <Withheld /> <span className="muted">{TOO_FEW}</span>
      </p>
    );
  }
  if (!after?.figures) return <p className="muted">The comments appear when the after round closes.</p>;
  return (
    <p className="muted">
      The after round's comments are not listed on their own: comparing lists could narrow a comment down to fewer than{" "}
      {after.k} people.
    </p>
  );
}

/** Who runs the training, when, for whom, with which survey and threshold. */
export function TrainingFacts({
  training,
  isAdmin,
  k,
}: {
  training: TrainingFactsOf;
  isAdmin: boolean;
  k: number | undefined;
}) {
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">About this training</h2>
      <dl className="facts">
        <dt>Trainer</dt>
        <dd>{training.trainer.name}</dd>
        <dt>Runs</dt>
        <dd>
          {formatUtc(training.startsOn)} to {formatUtc(training.endsOn)}
        </dd>
        <dt>Participants</dt>
        <dd>
          {training.participants === 0
            ? "Walk-ins through the open link"
            : `${plural(HR_LOCALE, training.participants, { one: "# person", other: "# people" })} by name${training.openLink ? ", and walk-ins through the open link" : ""}`}
        </dd>
        <dt>Survey</dt>
        <dd>
          {training.survey ? (
            isAdmin ? (
              <Link to={`/hr/surveys/${training.survey.id}`}>{training.survey.name}</Link>
            ) : (
              training.survey.name
            )
          ) : (
            "–"
          )}
        </dd>
        <dt>Anonymity threshold</dt>
        <dd>k = {k ?? "–"}: no figure of fewer answers is shown, in any round.</dd>
      </dl>
    </section>
  );
}
