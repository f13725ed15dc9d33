import { RadioField } from "~/components/field";
import { HR_ROUND_KINDS } from "~/domain/round-input";
import { ROUND_KIND_LABELS } from "~/domain/round-status";

const KIND_OPTIONS = HR_ROUND_KINDS.map((kind) => ({
  value: kind,
  label: ROUND_KIND_LABELS[kind],
  hint: kind === "PERIODIC" ? "(the regular eNPS, compared over time)" : "(a quick one-off check)",
}));

/** The kind of a round HR launches by hand: the regular eNPS or a one-off pulse. */
export function RoundKindField({ value, error }: { value: string | undefined; error?: string }) {
  return <RadioField legend="Kind" name="kind" value={value} error={error} options={KIND_OPTIONS} />;
}
