import { textValue, type FieldValues } from "~/components/form-values";
import { ReviewActions, ReviewCard } from "~/components/review-actions";
import { describeAudience } from "~/domain/audience";
import { HR_LOCALE, plural } from "~/domain/plural";
import { formatUtc, parseDateTimeInput } from "~/domain/utc-time";
import type { LaunchPreview } from "~/models/round-launch.server";

/** A round, reviewed before it launches: who, how many, when, and k. */
export function LaunchReview({
  values,
  preview,
  caution,
}: {
  values: FieldValues;
  preview: LaunchPreview;
  caution: string | null;
}) {
  const when = (name: string) => {
    const date = parseDateTimeInput(textValue(values[name]) ?? "");
    return date ? formatUtc(date) : "";
  };
  return (
    <ReviewCard title="Check and launch" values={values}>
      <dl className="facts">
        <dt>Round</dt>
        <dd>{textValue(values.name)}</dd>
        <dt>Survey</dt>
        <dd>{preview.surveyName}</dd>
        <dt>Who</dt>
        <dd>{describeAudience(preview)}</dd>
        <dt>Invited</dt>
        <dd>
          <strong>{plural(HR_LOCALE, preview.invited, { one: "# person", other: "# people" })}</strong> will get a
          personal invitation
        </dd>
        <dt>Open</dt>
        <dd>
          {when("opensAt")} to {when("closesAt")}
        </dd>
        <dt>Anonymity threshold</dt>
        <dd>k = {textValue(values.k)}: no figure of a group with fewer answers is ever shown</dd>
        <dt>Shared link</dt>
        <dd>{values.sharedLink === "on" ? "Yes, for a kiosk or poster" : "No"}</dd>
      </dl>
      {caution ? <p className="warning">{caution}</p> : null}
      {preview.untranslated ? <p className="warning">{preview.untranslated}</p> : null}
      <p className="warning">
        k and the audience are fixed once the round is launched. Launching sends no e-mail: you hand out the links next.
      </p>
      <ReviewActions intent="launch" label="Launch round" busyLabel="Launching…" />
    </ReviewCard>
  );
}
