import { HR_ROUND_KINDS } from "~/domain/round-input";
import { ROUND_KIND_LABELS } from "~/domain/round-status";

/** The kind of a round HR launches by hand: the regular eNPS or a one-off pulse. */
export function RoundKindField({ value, error }: { value: string | undefined; error?: string }) {
  return (
    <fieldset className={error ? "field field-invalid" : "field"}>
      <legend>Kind</legend>
      {HR_ROUND_KINDS.map((kind) => (
        <label key={kind} className="checkbox">
          <input type="radio" name="kind" value={kind} defaultChecked={value === kind} />
          <span>
            {ROUND_KIND_LABELS[kind]}
            <span className="muted small">
              {kind === "PERIODIC" ? " (the regular eNPS, compared over time)" : " (a quick one-off check)"}
            </span>
          </span>
        </label>
      ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
