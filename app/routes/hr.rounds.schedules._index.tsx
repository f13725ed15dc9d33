import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/page";
import { RoundsTabs } from "~/components/tabs";
import { CADENCE_LABELS } from "~/domain/schedule";
import { formatUtc } from "~/domain/utc-time";
import { listSchedules } from "~/models/schedules.server";
import { requireAdmin } from "~/pages/auth.server";

export const meta: MetaFunction = () => [{ title: "Recurring eNPS · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { schedules: await listSchedules() };
}

export default function Schedules() {
  const { schedules } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Rounds"
        description="A recurring eNPS opens a round by itself each period and closes it after the days you set. After a restart it catches up on the current period; a period never gets two rounds."
        actions={
          <Link className="button" to="/hr/rounds/schedules/new">
            New recurring eNPS
          </Link>
        }
      />
      <RoundsTabs />
      {schedules.length === 0 ? (
        <EmptyState title="No recurring eNPS yet">
          <p>Ask the same question every month, quarter or half-year, and compare.</p>
          <Link className="button" to="/hr/rounds/schedules/new">
            New recurring eNPS
          </Link>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Recurring eNPS schedules</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">How often</th>
                <th scope="col">Next round opens</th>
                <th scope="col" className="num">
                  Rounds so far
                </th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr key={schedule.id} className={schedule.active ? undefined : "row-inactive"}>
                  <td>
                    <Link to={`/hr/rounds/schedules/${schedule.id}`}>{schedule.name}</Link>
                    <div className="muted small">{schedule.survey.name}</div>
                  </td>
                  <td>
                    {CADENCE_LABELS[schedule.cadence]}, open {schedule.openDays} days
                  </td>
                  <td>
                    {schedule.active ? (
                      `${formatUtc(schedule.next.opensAt)} (${schedule.next.period})`
                    ) : (
                      <span className="badge">Paused</span>
                    )}
                  </td>
                  <td className="num">{schedule.roundCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
