import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MyActions } from "~/components/my-actions";
import { OverdueActions } from "~/components/overdue-actions";
import { PageHeader } from "~/components/page";
import { LatestScore, OpenRoundsCard } from "~/components/results/home-cards";
import { parseActionFilter } from "~/domain/action-items";
import { listActions, listMyActions } from "~/models/action-lists.server";
import { countDirectory } from "~/models/people.server";
import { getTrend, listOpenRounds, type GroupRef } from "~/models/results/index.server";
import { requireUser } from "~/pages/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Candor" }];

const SPARKLINE_ROUNDS = 8;
const OVERDUE_SHOWN = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const followed: GroupRef | null =
    user.role === "ADMIN"
      ? {}
      : user.role === "MANAGER" && user.departmentId
        ? { departmentId: user.departmentId }
        : null;
  const now = new Date();
  const overdueFilter = parseActionFilter(new URLSearchParams({ overdue: "1" }));
  const [directory, trend, openRounds, myActions, overdue] = await Promise.all([
    user.role === "ADMIN" ? countDirectory() : null,
    // The whole trend, so the latest change carries the label the trends page gives it.
    followed ? getTrend(user, followed) : null,
    listOpenRounds(user),
    listMyActions(user, now),
    user.role === "TRAINER" ? null : listActions(user, overdueFilter, { now, page: 1, pageSize: OVERDUE_SHOWN }),
  ]);
  return {
    user: { name: user.name, role: user.role },
    directory,
    trend: trend && trend.slice(-SPARKLINE_ROUNDS),
    openRounds,
    myActions: { ...myActions, ownerId: user.id },
    overdue,
  };
}

export default function HrHome() {
  const { user, directory, trend, openRounds, myActions, overdue } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`Hello, ${user.name}`}
        actions={
          <Link className="button button-secondary" to="/hr/password">
            Change my password
          </Link>
        }
      />
      <div className="grid">
        {trend ? <LatestScore trend={trend} manager={user.role === "MANAGER"} /> : null}
        {directory ? (
          <section className="card" aria-labelledby="directory-heading">
            <h2 id="directory-heading">Directory</h2>
            <p>
              {directory.people} active people in {directory.departments} departments and {directory.roles} roles.
            </p>
            <div className="row">
              <Link to="/hr/people">People</Link>
              <Link to="/hr/import">Import a CSV</Link>
            </div>
          </section>
        ) : null}
      </div>
      <OpenRoundsCard rounds={openRounds} />
      {overdue ? <OverdueActions items={overdue.items} total={overdue.total} /> : null}
      <MyActions {...myActions} />
    </>
  );
}
