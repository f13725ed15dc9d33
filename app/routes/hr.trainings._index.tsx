import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader, Pagination } from "~/components/page";
import { RoundStatusBadge } from "~/components/round-figures";
import { TrainingsTabs } from "~/components/tabs";
import { ROUND_KIND_LABELS } from "~/domain/round-status";
import { formatDay } from "~/domain/utc-time";
import { listTrainings } from "~/models/training-reads.server";
import { requireUser } from "~/pages/auth.server";
import { pageFrom } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "Trainings · Candor" }];

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["ADMIN", "TRAINER"]);
  const page = pageFrom(new URL(request.url));
  const { trainings, total } = await listTrainings(user, { page, pageSize: PAGE_SIZE });
  return { trainings, total, page, isAdmin: user.role === "ADMIN" };
}

function dates(startsOn: Date, endsOn: Date) {
  const [start, end] = [formatDay(startsOn), formatDay(endsOn)];
  return start === end ? start : `${start} to ${end}`;
}

export default function Trainings() {
  const { trainings, total, page, isAdmin } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Trainings"
        description={
          isAdmin
            ? "Each training asks its participants the same questions before and after, so you can see whether it worked."
            : "The trainings you run, with their before and after rounds."
        }
        actions={
          isAdmin ? (
            <Link className="button" to="/hr/trainings/new">
              New training
            </Link>
          ) : null
        }
      />
      <TrainingsTabs />
      {trainings.length === 0 ? (
        <EmptyState title="No trainings yet">
          {isAdmin ? (
            <>
              <p>Create a training to set up its before and after rounds in one go.</p>
              <Link className="button" to="/hr/trainings/new">
                New training
              </Link>
            </>
          ) : (
            <p>When HR sets up a training that you run, it appears here.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {isAdmin ? "All trainings" : "Your trainings"}, the latest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Training</th>
                  <th scope="col">Topic</th>
                  {isAdmin ? <th scope="col">Trainer</th> : null}
                  <th scope="col">Dates</th>
                  <th scope="col" className="num">
                    Participants
                  </th>
                  <th scope="col">Rounds</th>
                </tr>
              </thead>
              <tbody>
                {trainings.map((training) => (
                  <tr key={training.id}>
                    <th scope="row">
                      <Link to={`/hr/trainings/${training.id}`}>{training.title}</Link>
                    </th>
                    <td>{training.topic}</td>
                    {isAdmin ? <td>{training.trainer.name}</td> : null}
                    <td>{dates(training.startsOn, training.endsOn)}</td>
                    <td className="num">
                      {training.participants}
                      {training.openLink ? <span className="muted small"> + walk-ins</span> : null}
                    </td>
                    <td>
                      <ul className="round-badges">
                        {training.rounds.map((round) => (
                          <li key={round.id}>
                            {ROUND_KIND_LABELS[round.kind]} <RoundStatusBadge status={round.status} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}
