import { Link } from "@remix-run/react";
import { ActionDeadline, ActionStatusBadge } from "./action-status";

interface OverdueItem {
  id: string;
  title: string;
  status: string;
  deadline: string;
  owner: { name: string };
}

/** The action items past their deadline that the viewer can see, oldest first. */
export function OverdueActions({ items, total }: { items: OverdueItem[]; total: number }) {
  return (
    <section className="card" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">Overdue actions</h2>
      {items.length === 0 ? (
        <p className="muted">No action item is past its deadline.</p>
      ) : (
        <ul className="my-actions">
          {items.map((item) => (
            <li key={item.id} className="my-action overdue">
              <Link to={`/hr/actions/${item.id}`}>{item.title}</Link>
              <span className="row small">
                <ActionStatusBadge status={item.status} />
                <span>
                  {item.owner.name}, due <ActionDeadline deadline={item.deadline} overdue />
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > 0 ? (
        <div className="row">
          <Link to="/hr/actions?overdue=1">
            {total > items.length ? `See all ${total} overdue actions` : "Open the overdue list"}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
