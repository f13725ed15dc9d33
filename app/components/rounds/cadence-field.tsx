import { RadioField } from "~/components/field";
import { CADENCE_LABELS, CADENCES, MAX_OPEN_DAYS_BY_CADENCE } from "~/domain/schedule";

const CADENCE_OPTIONS = CADENCES.map((cadence) => ({
  value: cadence,
  label: CADENCE_LABELS[cadence],
  hint: `(open at most ${MAX_OPEN_DAYS_BY_CADENCE[cadence]} days)`,
}));

/** How often a schedule opens a round, with the longest each cadence may stay open. */
export function CadenceField({ value, error }: { value?: string; error?: string }) {
  return <RadioField legend="How often" name="cadence" value={value} error={error} options={CADENCE_OPTIONS} />;
}
