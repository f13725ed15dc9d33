import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues } from "./form-values";
import { HiddenValues } from "./hidden-values";

/**
 * The two buttons that end every "check, then do it" review (launch a round, save a schedule,
 * create a training): do it, or go back to the form with everything kept. Both are disabled
 * while the form is on its way, so a second click sends nothing.
 */
export function ReviewActions({ intent, label, busyLabel }: { intent: string; label: string; busyLabel: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <div className="row">
      <button type="submit" name="intent" value={intent} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="submit" name="intent" value="edit" className="secondary" disabled={busy}>
        Change something
      </button>
    </div>
  );
}

/** The card of a review: its heading, the form's values carried along unseen, then what to check. */
export function ReviewCard({ title, values, children }: { title: string; values: FieldValues; children: ReactNode }) {
  return (
    <Form method="post" className="card review" aria-labelledby="review-heading">
      <h2 id="review-heading">{title}</h2>
      <HiddenValues values={values} />
      {children}
    </Form>
  );
}
