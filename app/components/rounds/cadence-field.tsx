import { CADENCE_LABELS, CADENCES, MAX_OPEN_DAYS_BY_CADENCE } from "~/domain/schedule";

/** How often a schedule opens a round, with the longest each cadence may stay open. */
export function CadenceField({ value, error }: { value?: string; error?: string }) {
  return (
    <fieldset className={error ? "field field-invalid" : "field"}>
      <legend>How often</legend>
      {CADENCES.map((cadence) => (
        <label key={cadence} className="checkbox">
          <input type="radio" name="cadence" value={cadence} defaultChecked={value === cadence} />
          <span>
            {CADENCE_LABELS[cadence]}{" "}
            <span className="muted small">(open at most {MAX_OPEN_DAYS_BY_CADENCE[cadence]} days)</span>
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
