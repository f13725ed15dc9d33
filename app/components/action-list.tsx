import { Form, Link } from "@remix-run/react";
import { ActionDeadline, ActionStatusBadge } from "~/components/action-status";
import { SelectField } from "~/components/field";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, filterQuery, type ActionFilter } from "~/domain/action-items";
import type { listActionFilterOptions, listActions } from "~/models/action-lists.server";

const STATUS_OPTIONS = [
  { value: "OPEN", label: "Open (planned or in progress)" },
  ...ACTION_STATUSES.map((status) => ({ value: status, label: ACTION_STATUS_LABELS[status] })),
];

/** The actions page's filters: owner, status, department, round, overdue only (a GET form). */
export function ActionFilters({
  filter,
  options,
}: {
  filter: ActionFilter;
  options: Awaited<ReturnType<typeof listActionFilterOptions>>;
}) {
  return (
    <Form method="get" className="filters" role="search" aria-label="Filter action items" key={filterQuery(filter)}>
      <SelectField
        label="Owner"
        name="owner"
        defaultValue={filter.owner}
        placeholder="Anyone"
        options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={filter.status}
        placeholder="Any status"
        options={STATUS_OPTIONS}
      />
      <SelectField
        label="Department"
        name="department"
        defaultValue={filter.department}
        placeholder="All departments"
        options={options.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <SelectField
        label="Round"
        name="round"
        defaultValue={filter.round}
        placeholder="All rounds"
        options={options.rounds.map((r) => ({ value: r.id, label: r.name }))}
      />
      <label className="checkbox filters-checkbox">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} />
        Overdue only
      </label>
      <button type="submit" className="secondary">
        Filter
      </button>
    </Form>
  );
}

/** Action items, soonest deadline first, with their groups, owner, deadline and status. */
export function ActionTable({
  items,
  showPublished,
}: {
  items: Awaited<ReturnType<typeof listActions>>["items"];
  showPublished: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="action-table">
        <caption className="visually-hidden">Action items, soonest deadline first</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Deadline</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdue ? "row-overdue" : undefined}>
              <td>
                <Link to={`/hr/actions/${item.id}`} className="action-title">
                  {item.title}
                </Link>
                <span className="action-context small muted">
                  {[item.department?.name, item.role?.name, item.training?.title, item.round?.name]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                {showPublished && item.published ? <span className="badge badge-info">Published</span> : null}
              </td>
              <td data-label="Owner">{item.owner.name}</td>
              <td data-label="Deadline">
                <ActionDeadline deadline={item.deadline} overdue={item.overdue} />
              </td>
              <td data-label="Status">
                <ActionStatusBadge status={item.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
