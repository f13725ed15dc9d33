import type { ReactNode } from "react";

/**
 * The 0-10 question as a labelled radio group: a native control, so it works without
 * JavaScript, with arrow keys, and reads as "<question>, radio group, 7 of 11" in a screen
 * reader. The end labels describe the group.
 */
export function ScoreScale({
  name,
  legend,
  low,
  high,
  requiredLabel,
  error,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  low: string;
  high: string;
  requiredLabel: string;
  error?: string;
  defaultValue?: string;
}) {
  const describedBy = [`${name}-ends`, error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset
      role="radiogroup"
      className={error ? "question score-scale field-invalid" : "question score-scale"}
      aria-describedby={describedBy}
      aria-required="true"
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend} <span className="question-flag">({requiredLabel})</span>
      </legend>
      <div className="scale-options">
        {Array.from({ length: 11 }, (_, score) => (
          <span key={score} className="scale-option">
            <input
              type="radio"
              id={`${name}-${score}`}
              name={name}
              value={score}
              required
              defaultChecked={defaultValue === String(score)}
            />
            <label htmlFor={`${name}-${score}`}>{score}</label>
          </span>
        ))}
      </div>
      <p className="scale-ends" id={`${name}-ends`}>
        <span>{low}</span>
        <span>{high}</span>
      </p>
      {error ? (
        <p className="field-error" id={`${name}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A 1-5 agreement item; optional, every option labelled in words. */
export function RatingScale({
  name,
  legend,
  labels,
  optionalLabel,
  error,
  defaultValue,
}: {
  name: string;
  legend: ReactNode;
  labels: string[];
  optionalLabel: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <fieldset
      role="radiogroup"
      className={error ? "question rating-scale field-invalid" : "question rating-scale"}
      aria-describedby={error ? `${name}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {legend} <span className="question-flag">({optionalLabel})</span>
      </legend>
      <div className="rating-options">
        {labels.map((label, index) => {
          const value = String(index + 1);
          return (
            <span key={value} className="rating-option">
              <input
                type="radio"
                id={`${name}-${value}`}
                name={name}
                value={value}
                defaultChecked={defaultValue === value}
              />
              <label htmlFor={`${name}-${value}`}>{label}</label>
            </span>
          );
        })}
      </div>
      {error ? (
        <p className="field-error" id={`${name}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
