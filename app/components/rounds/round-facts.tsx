import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { RoundStatusBadge } from "~/components/round-figures";
import { describeAudience } from "~/domain/audience";
import { HR_LOCALE, plural } from "~/domain/plural";
import { closedEarly, closingTime } from "~/domain/round-status";
import { formatUtc } from "~/domain/utc-time";
import type { getRoundForViewer } from "~/models/rounds.server";

type ViewedRound = Extract<Awaited<ReturnType<typeof getRoundForViewer>>, { allowed: true }>["round"];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A round's status and facts: when, which survey, who, how many, k, and where it came from. */
export function RoundFacts({ round, isAdmin }: { round: Omit<ViewedRound, "sharedKey">; isAdmin: boolean }) {
  const early = closedEarly(round);
  const training = round.kind.startsWith("TRAINING");
  const audience = training
    ? `The training's participants${round.audience.departments.length > 0 ? `, from ${round.audience.departments.join(", ")}` : ""}`
    : describeAudience(round.audience);
  return (
    <section className="card" aria-labelledby="round-facts">
      <h2 id="round-facts" className="row">
        Status <RoundStatusBadge status={round.status} />
      </h2>
      <dl className="facts">
        <Fact label="Opens">{formatUtc(round.opensAt)}</Fact>
        <Fact label={early ? "Closed early" : "Closes"}>
          {formatUtc(closingTime(round))}
          {early ? <span className="muted"> (was to close {formatUtc(round.closesAt)})</span> : null}
        </Fact>
        <Fact label="Survey">
          {isAdmin ? <Link to={`/hr/surveys/${round.survey.id}`}>{round.survey.name}</Link> : round.survey.name}
        </Fact>
        <Fact label="Who">{audience}</Fact>
        <Fact label="Invited">{plural(HR_LOCALE, round.invitedCount, { one: "# person", other: "# people" })}</Fact>
        <Fact label="Anonymity threshold">
          k = {round.k}: no figure of a group with fewer answers is shown. Fixed at launch.
        </Fact>
        {round.schedule ? (
          <Fact label="Recurring">
            {isAdmin ? (
              <Link to={`/hr/rounds/schedules/${round.schedule.id}`}>{round.schedule.name}</Link>
            ) : (
              round.schedule.name
            )}
            {round.period ? `, period ${round.period}` : ""}
          </Fact>
        ) : null}
        {round.training ? (
          <Fact label="Training">
            <Link to={`/hr/trainings/${round.training.id}`}>{round.training.title}</Link>
          </Fact>
        ) : null}
        <Fact label="Launched">
          {formatUtc(round.createdAt)}
          {round.createdBy ? ` by ${round.createdBy.name}` : " by the scheduler"}
        </Fact>
      </dl>
    </section>
  );
}
