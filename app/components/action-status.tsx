import { statusLabel } from "~/domain/action-items";
import { formatDay } from "~/domain/utc-time";

const STATUS_CLASS: Record<string, string> = {
  PLANNED: "badge",
  IN_PROGRESS: "badge badge-info",
  DONE: "badge badge-ok",
  CANCELLED: "badge badge-muted",
};

export function ActionStatusBadge({ status }: { status: string }) {
  return <span className={STATUS_CLASS[status] ?? "badge"}>{statusLabel(status)}</span>;
}

/** The deadline, with "Overdue" in words as well as in colour. */
export function ActionDeadline({ deadline, overdue }: { deadline: string; overdue: boolean }) {
  return (
    <span className="action-deadline">
      <time dateTime={deadline}>{formatDay(deadline)}</time>
      {overdue ? <span className="badge badge-danger">Overdue</span> : null}
    </span>
  );
}
