import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { LatestScore, OpenRoundsCard } from "~/components/results/home-cards";
import { countDirectory } from "~/models/people.server";
import { getTrend, listOpenRounds, type GroupRef } from "~/models/results.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Home · Candor" }];

const SPARKLINE_ROUNDS = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const followed: GroupRef | null = user.role === "ADMIN" ? {} : user.role === "MANAGER" && user.departmentId ? { departmentId: user.departmentId } : null;
  const [directory, trend, openRounds] = await Promise.all([
    user.role === "ADMIN" ? countDirectory() : null,
    followed ? getTrend(user, followed, { limit: SPARKLINE_ROUNDS }) : null,
    listOpenRounds(user),
  ]);
  return {
    user: { name: user.name, role: user.role },
    directory,
    trend,
    openRounds,
  };
}

export default function HrHome() {
  const { user, directory, trend, openRounds } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Hello, ${user.name}`} />
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
    </>
  );
}
