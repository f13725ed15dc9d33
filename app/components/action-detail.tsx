import { Form, Link } from "@remix-run/react";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, NOTE_MAX, statusLabel } from "~/domain/action-items";
import type { FieldErrors } from "~/utils/forms";
import { ActionStatusBadge } from "./action-status";
import { SelectField, TextAreaField } from "./field";

interface Named {
  name: string;
}

export interface ActionDetailsItem {
  description: string;
  owner: { name: string; email: string; active: boolean };
  createdBy: Named;
  round: Named | null;
  department: Named | null;
  role: Named | null;
  training: { title: string } | null;
  published: boolean;
}

/** The item's facts. The description keeps its line breaks and is always shown as text. */
export function ActionDetails({ item }: { item: ActionDetailsItem }) {
  const rows: [string, string][] = [
    ["Owner", `${item.owner.name} (${item.owner.email})${item.owner.active ? "" : ", login inactive"}`],
    ["From round", item.round?.name ?? "None"],
    ["Department", item.department?.name ?? "Any"],
    ["Role", item.role?.name ?? "Any"],
    ["Training", item.training?.title ?? "None"],
    ["Created by", item.createdBy.name],
    ["On the published page", item.published ? "Yes" : "No"],
  ];
  return (
    <section className="card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      {item.description ? <p className="prewrap">{item.description}</p> : <p className="muted">No description.</p>}
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function NoteForm({
  status,
  published,
  errors,
  values,
}: {
  status: string;
  /** A published item's latest note is on the public page: say so before it is written. */
  published: boolean;
  errors?: FieldErrors;
  values?: Partial<Record<string, string | null>>;
}) {
  return (
    <Form method="post" className="card" noValidate aria-labelledby="note-heading">
      <h2 id="note-heading">Add a progress note</h2>
      <input type="hidden" name="intent" value="note" />
      <TextAreaField
        label="Note"
        name="body"
        required
        maxLength={NOTE_MAX}
        defaultValue={values?.body ?? ""}
        error={errors?.body}
        hint={
          published
            ? 'This item is published: every employee will see this note on the "you said, we did" page as soon as you add it, without your name. Notes cannot be changed later.'
            : "What happened since the last note. Notes are kept as the item's history and cannot be changed later."
        }
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={values?.status ?? ""}
        error={errors?.status}
        placeholder={`Keep as ${statusLabel(status).toLowerCase()}`}
        options={ACTION_STATUSES.filter((s) => s !== status).map((s) => ({
          value: s,
          label: `Move to ${ACTION_STATUS_LABELS[s].toLowerCase()}`,
        }))}
      />
      <button type="submit">Add note</button>
    </Form>
  );
}

export interface HistoryNote {
  id: string;
  body: string;
  status: string | null;
  when: string;
  author: Named;
}

export function ActionHistory({ notes }: { notes: HistoryNote[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {notes.length === 0 ? (
        <p className="muted">No progress notes yet.</p>
      ) : (
        <ol className="history">
          {notes.map((note) => (
            <li key={note.id}>
              <p className="history-meta small">
                <strong>{note.author.name}</strong> <span className="muted">{note.when}</span>
                {note.status ? (
                  <>
                    {" "}
                    <span className="visually-hidden">moved it to</span>
                    <span aria-hidden="true">→</span> <ActionStatusBadge status={note.status} />
                  </>
                ) : null}
              </p>
              <p className="prewrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Publishing shows the item to every employee without signing in, so it asks first (a page of
 * its own, which works without JavaScript); unpublishing can always be undone, so it does not.
 */
export function PublishPanel({ published, confirming = false }: { published: boolean; confirming?: boolean }) {
  if (confirming) {
    return (
      <Form method="post" className="card confirm-card" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Publish this item?</h2>
        <p>
          Every employee will see its title, status and latest progress note on the "you said, we did" page, without
          signing in. Its description, owner and the names in its history stay internal.
        </p>
        <div className="row">
          <button type="submit" name="intent" value="publish">
            Publish
          </button>
          <Link to="." className="button button-secondary">
            Cancel
          </Link>
        </div>
      </Form>
    );
  }
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">"You said, we did"</h2>
      {published ? (
        <Form method="post">
          <p>Employees can see this item, its status and its latest note.</p>
          <button type="submit" name="intent" value="unpublish" className="secondary">
            Unpublish
          </button>
        </Form>
      ) : (
        <>
          <p className="muted">Employees do not see this item yet. Publish it to show them what was done.</p>
          <Link to="?confirm=publish" className="button button-secondary">
            Publish…
          </Link>
        </>
      )}
    </section>
  );
}
