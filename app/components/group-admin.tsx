import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { FieldErrors } from "~/utils/forms";
import { ActiveBadge, ToggleActiveForm } from "./active-status";
import { TextField } from "./field";
import { EmptyState, PageHeader } from "./page";
import { DirectoryTabs } from "./tabs";

interface Group {
  id: string;
  name: string;
  active: boolean;
  people: number;
}

interface ActionResult {
  intent: string;
  id: string | null;
  errors: FieldErrors;
  values: Record<string, string>;
}

/** The page for departments or roles: add one, rename, deactivate. */
export function GroupAdmin({ one, many, description }: { one: string; many: string; description: string }) {
  const { groups } = useLoaderData<{ groups: Group[] }>();
  const result = useActionData<ActionResult>();
  const createErrors = result?.intent === "create" ? result.errors : undefined;
  const title = many.charAt(0).toUpperCase() + many.slice(1);
  return (
    <>
      <PageHeader title="Directory" description={description} />
      <DirectoryTabs />
      {/* Keyed by the count, so the field empties once its name is added (and keeps it when refused). */}
      <Form method="post" className="card row" noValidate key={groups.length}>
        <input type="hidden" name="intent" value="create" />
        <div style={{ flex: "1 1 16rem" }}>
          <TextField
            label={`New ${one}`}
            name="name"
            required
            maxLength={100}
            error={createErrors?.name}
            defaultValue={createErrors ? result?.values.name : undefined}
          />
        </div>
        <button type="submit">Add {one}</button>
      </Form>
      {groups.length === 0 ? (
        <EmptyState title={`No ${many} yet`}>
          <p>Add one above, or import a CSV: its {many} are created for you.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="group-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Active people
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => {
                const renameErrors = result?.intent === "rename" && result.id === group.id ? result.errors : undefined;
                return (
                  <tr key={group.id} className={group.active ? undefined : "row-inactive"}>
                    {/* The name as text, whole at any width; renaming opens below it. */}
                    <th scope="row" className="group-name">
                      <span>{group.name}</span>
                      <details className="group-rename" open={renameErrors ? true : undefined}>
                        <summary>
                          Rename<span className="visually-hidden"> {group.name}</span>
                        </summary>
                        <Form method="post" className="row" noValidate>
                          <input type="hidden" name="intent" value="rename" />
                          <input type="hidden" name="id" value={group.id} />
                          <label className="visually-hidden" htmlFor={`name-${group.id}`}>
                            New name of {one} {group.name}
                          </label>
                          <input
                            id={`name-${group.id}`}
                            name="name"
                            defaultValue={renameErrors ? result?.values.name : group.name}
                            maxLength={100}
                            aria-invalid={renameErrors ? true : undefined}
                            aria-describedby={renameErrors ? `name-${group.id}-error` : undefined}
                          />
                          <button type="submit" className="secondary small">
                            Save name
                          </button>
                          {renameErrors?.name ? (
                            <p className="field-error" id={`name-${group.id}-error`} role="alert">
                              {renameErrors.name}
                            </p>
                          ) : null}
                        </Form>
                      </details>
                    </th>
                    <td className="num" data-label="Active people">
                      {group.people}
                    </td>
                    <td data-label="Status">
                      <ActiveBadge active={group.active} />
                    </td>
                    <td>
                      <ToggleActiveForm id={group.id} name={group.name} active={group.active} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
