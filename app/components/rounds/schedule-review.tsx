import { textValue, type FieldValues } from "~/components/form-values";
import { ReviewActions, ReviewCard } from "~/components/review-actions";
import { describeAudience } from "~/domain/audience";
import { HR_LOCALE, plural } from "~/domain/plural";
import { CADENCE_LABELS, type Cadence } from "~/domain/schedule";
import { formatDay, formatUtc } from "~/domain/utc-time";
import type { SchedulePreview } from "~/models/schedules.server";

/** A new recurring eNPS, reviewed before it is saved: who, how often, the first rounds and when they open. */
export function ScheduleReview({
  values,
  preview,
  caution,
}: {
  values: FieldValues;
  preview: SchedulePreview;
  caution: string | null;
}) {
  const cadence = textValue(values.cadence) as Cadence;
  const [first] = preview.rounds;
  return (
    <ReviewCard title="Check and save" values={values}>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{textValue(values.name)}</dd>
        <dt>Survey</dt>
        <dd>{preview.surveyName}</dd>
        <dt>How often</dt>
        <dd>
          {CADENCE_LABELS[cadence]}, each round open{" "}
          {plural(HR_LOCALE, Number(textValue(values.openDays)), { one: "# day", other: "# days" })}
        </dd>
        <dt>Who</dt>
        <dd>{describeAudience(preview)}</dd>
        <dt>Invited</dt>
        <dd>
          <strong>{plural(HR_LOCALE, preview.people, { one: "# person", other: "# people" })}</strong> today; each round
          invites the people in the audience on the day it opens
        </dd>
        <dt>Anonymity threshold</dt>
        <dd>k = {textValue(values.k)}: no figure of a group with fewer answers is ever shown</dd>
      </dl>
      <h3 id="rounds-heading">The first rounds</h3>
      <ul aria-labelledby="rounds-heading">
        {preview.rounds.map((round) => (
          <li key={round.period}>
            <strong>{round.period}</strong>:{" "}
            {round.opensNow ? (
              <strong>opens as soon as you save (within a minute)</strong>
            ) : (
              `opens ${formatUtc(round.opensAt)}`
            )}
            , closes {formatUtc(round.closesAt)}
          </li>
        ))}
      </ul>
      {caution ? <p className="warning">{caution}</p> : null}
      {preview.untranslated ? <p className="warning">{preview.untranslated}</p> : null}
      <p className="warning">
        {first.opensNow
          ? `The first round opens within a minute of saving, and ${plural(HR_LOCALE, preview.people, { one: "# person", other: "# people" })} can answer at once. `
          : `Nothing opens before ${formatDay(first.opensAt)}. `}
        Each round needs its links handed out on its page (CSV or e-mail). You can pause the schedule at any time; a
        round once open stays open until it closes.
      </p>
      <ReviewActions intent="save" label="Save recurring eNPS" busyLabel="Saving…" />
    </ReviewCard>
  );
}
