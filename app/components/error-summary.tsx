import { useEffect, useRef, type MouseEvent } from "react";

export interface SummaryProblem {
  /** The id of the control to fix, which the link leads to. */
  target: string;
  text: string;
}

/**
 * The problems of a sent form, listed at its top with a link to each field (the GOV.UK error
 * summary). It takes the focus when it appears, so that on a phone the reader is taken to it and
 * a screen reader reads it: by `autofocus` when the page comes from the server (no JavaScript)
 * and by the effect when the answer comes back to a page already shown. `focusKey` changes with
 * each answer from the server, so a second try with the same problems takes the focus again.
 */
export function ErrorSummary({
  title,
  problems,
  focusKey,
}: {
  title: string;
  problems: readonly SummaryProblem[];
  focusKey: unknown;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const shown = problems.length > 0;
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [focusKey, shown]);
  if (!shown) return null;
  // A link to a fragment scrolls to the control but leaves the focus where it was: move it.
  const focusTarget = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    const control = document.getElementById(target);
    if (!control) return;
    event.preventDefault();
    control.focus();
    control.closest("fieldset, .field")?.scrollIntoView({ block: "start" });
  };
  return (
    // The one place focus should move on its own: the reader just sent the form and must find what to fix.
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div className="error-summary" ref={summary} tabIndex={-1} autoFocus role="alert" aria-labelledby="error-summary">
      <h2 id="error-summary">{title}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.target}>
            <a href={`#${problem.target}`} onClick={(event) => focusTarget(event, problem.target)}>
              {problem.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
