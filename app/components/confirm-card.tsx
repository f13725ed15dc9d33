import { Form, Link, useNavigation } from "@remix-run/react";

export interface ConfirmText {
  title: string;
  body: string;
  button: string;
  /** A step that cannot be undone gets the danger button. */
  danger?: boolean;
}

/**
 * "Are you sure?" for a step that cannot be undone, shown after the first press of its button:
 * posting this form does it, Cancel goes back to `cancelTo`. `subject` names what it concerns,
 * `hidden` carries the fields the post needs.
 */
export function ConfirmCard({
  text,
  intent,
  cancelTo,
  subject,
  hidden = {},
}: {
  text: ConfirmText;
  intent: string;
  cancelTo: string;
  subject?: string;
  hidden?: Record<string, string>;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="card confirm" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{text.title}</h2>
      <p>
        {subject ? (
          <>
            <strong>{subject}</strong>:{" "}
          </>
        ) : null}
        {text.body}
      </p>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="row">
        <button
          type="submit"
          name="intent"
          value={intent}
          className={text.danger ? "danger" : undefined}
          disabled={busy}
          // The confirmation was asked for by this button's first press: focus waits on the answer.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        >
          {busy ? "Working…" : text.button}
        </button>
        <Link className="button button-secondary" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
