import { MAX_K, MIN_K } from "~/domain/round-input";
import { TextField } from "./field";

/** The anonymity threshold k of a round, a schedule or a training, with what it means. */
export function ThresholdField({ value, error, hint }: { value?: string; error?: string; hint: string }) {
  return (
    <TextField
      label="Anonymity threshold k"
      name="k"
      type="number"
      inputMode="numeric"
      min={MIN_K}
      max={MAX_K}
      defaultValue={value}
      error={error}
      hint={hint}
      required
    />
  );
}
