import { Form } from "@remix-run/react";

/** Whether a person, login, department or role is in use. */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <span className="badge badge-ok">Active</span> : <span className="badge">Inactive</span>;
}

/** The small form that deactivates or reactivates one row of a list (intent + id). */
export function ToggleActiveForm({ id, name, active }: { id: string; name: string; active: boolean }) {
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <Form method="post">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        name="intent"
        value={active ? "deactivate" : "reactivate"}
        className="secondary small"
        aria-label={`${verb} ${name}`}
      >
        {verb}
      </button>
    </Form>
  );
}
