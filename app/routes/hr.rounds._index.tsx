import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { WithheldFootnote } from "~/components/results/withheld";
import { HourlyFootnote, ResponseCount, RoundStatusBadge } from "~/components/round-figures";
import { RoundsTabs } from "~/components/tabs";
import { closingTime, ROUND_KIND_LABELS } from "~/domain/round-status";
import { formatUtc } from "~/domain/utc-time";
import { getRoundCountsFor, type ScopedCounts } from "~/models/results/index.server";
import { listRounds } from "~/models/rounds.server";
import { requireUser } from "~/pages/auth.server";
import { withRefusals } from "~/utils/http.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Rounds · Candor" }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request, ["ADMIN", "MANAGER"]);
    const page = pageFrom(new URL(request.url));
    const { rounds, total } = await listRounds(user, { page, pageSize: PAGE_SIZE });
    const counts = await Promise.all(rounds.map((round) => getRoundCountsFor(round.id, user)));
    return {
      isAdmin: user.role === "ADMIN",
      page,
      total,
      rounds: rounds.map(({ invitedCount: _whole, ...round }, index) => ({
        ...round,
        counts: countsShown(counts[index]),
      })),
    };
  });
}

/** One row per round: the whole round's counts, or a manager's department's. */
function countsShown(counts: ScopedCounts | null) {
  const figures = counts?.overall ?? counts?.departments[0];
  return counts && figures
    ? { k: counts.k, invited: figures.invited, responses: figures.responses, rate: figures.rate, live: figures.live }
    : null;
}

export default function Rounds() {
  const { isAdmin, page, total, rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Rounds"
        description={
          isAdmin
            ? "Each round sends a survey to an audience for a while. Newest first."
            : "Rounds whose audience includes your department, with your department's invitations and responses. Newest first."
        }
        actions={
          isAdmin ? (
            <Link className="button" to="/hr/rounds/new">
              Launch a round
            </Link>
          ) : null
        }
      />
      {isAdmin ? <RoundsTabs /> : null}
      {rounds.length === 0 ? (
        <EmptyState title="No rounds yet">
          {isAdmin ? (
            <>
              <p>Launch a survey to everyone or to chosen departments and roles, or set up a recurring eNPS.</p>
              <Link className="button" to="/hr/rounds/new">
                Launch a round
              </Link>
            </>
          ) : (
            <p>No round has included your department so far.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Rounds</caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">Status</th>
                  <th scope="col">Open</th>
                  <th scope="col" className="num">
                    Invited
                  </th>
                  <th scope="col" className="num">
                    Responses
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <td>
                      <Link to={`/hr/rounds/${round.id}`}>{round.name}</Link>
                      <div className="muted small">
                        {ROUND_KIND_LABELS[round.kind]} · {round.survey.name}
                      </div>
                    </td>
                    <td>
                      <RoundStatusBadge status={round.status} />
                    </td>
                    <td className="small">
                      {formatUtc(round.opensAt)} to
                      <br />
                      {formatUtc(closingTime(round))}
                    </td>
                    <td className="num">{round.counts?.invited}</td>
                    <td className="num">{round.counts ? <ResponseCount {...round.counts} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <WithheldFootnote />
          {rounds.some((round) => round.counts && !round.counts.live) ? <HourlyFootnote /> : null}
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}
