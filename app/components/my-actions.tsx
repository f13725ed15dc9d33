import { Link } from "@remix-run/react";
import { ActionDeadline, ActionStatusBadge } from "./action-status";

export interface MyActionItem {
  id: string;
  title: string;
  status: string;
  deadline: string;
  overdue: boolean;
}

/** The open action items someone owns, soonest first, for their home page. */
export function MyActions({ items, total, ownerId }: { items: MyActionItem[]; total: number; ownerId: string }) {
  return (
    <section className="card" aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">My actions</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing is waiting for you. Action items you own will appear here until they are done.</p>
      ) : (
        <ul className="my-actions">
          {items.map((item) => (
            <li key={item.id} className={item.overdue ? "my-action overdue" : "my-action"}>
              <Link to={`/hr/actions/${item.id}`}>{item.title}</Link>
              <span className="row small">
                <ActionStatusBadge status={item.status} />
                <span>
                  due <ActionDeadline deadline={item.deadline} overdue={item.overdue} />
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {total > items.length ? (
          <Link to={`/hr/actions?owner=${ownerId}&status=OPEN`}>See all {total} of your open actions</Link>
        ) : null}
        <Link to="/hr/actions">All action plans</Link>
      </div>
    </section>
  );
}
