import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/page";
import { RoundStatusBadge } from "~/components/round-figures";
import { describeAudience } from "~/domain/audience";
import { CADENCE_LABELS, dueOccurrence, occurrence } from "~/domain/schedule";
import { formatUtc } from "~/domain/utc-time";
import { getSchedule, setScheduleActive } from "~/models/schedules.server";
import { actorOf, requireAdmin } from "~/pages/auth.server";
import { badRequest, notFound, readForm } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.schedule.name ?? "Recurring eNPS"} · Candor` },
];

async function findSchedule(params: Record<string, string | undefined>) {
  const schedule = await getSchedule(requireId(params, "scheduleId"));
  if (!schedule) throw notFound("There is no such recurring eNPS.");
  return schedule;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const schedule = await findSchedule(params);
  const upcoming = [0, 1, 2].map((ahead) => occurrence(schedule, schedule.next.index + ahead));
  // A round that is due but not made yet opens at the scheduler's next run, within a minute.
  const due = schedule.active ? dueOccurrence(schedule, new Date()) : null;
  const pending = due && !schedule.rounds.some((round) => round.period === due.period) ? due.period : null;
  return { schedule, upcoming, pending };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const schedule = await findSchedule(params);
  const intent = (await readForm(request)).get("intent");
  if (intent !== "pause" && intent !== "resume") throw badRequest("Unknown action.");
  const active = intent === "resume";
  await setScheduleActive(actorOf(user), schedule.id, active);
  return redirectWithNotice(
    request,
    `/hr/rounds/schedules/${schedule.id}`,
    active
      ? `"${schedule.name}" is running again.`
      : `"${schedule.name}" is paused: no new rounds open. Open rounds stay open.`,
  );
}

export default function SchedulePage() {
  const { schedule, upcoming, pending } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={schedule.name}
        description={`Recurring eNPS · ${schedule.survey.name}`}
        actions={
          <Link className="button button-secondary" to="/hr/rounds/schedules">
            All recurring eNPS
          </Link>
        }
      />
      <section className="card" aria-labelledby="schedule-facts">
        <h2 id="schedule-facts" className="row">
          Settings{" "}
          {schedule.active ? <span className="badge badge-ok">Running</span> : <span className="badge">Paused</span>}
        </h2>
        <dl className="facts">
          <dt>How often</dt>
          <dd>
            {CADENCE_LABELS[schedule.cadence]}, each round open {schedule.openDays} days
          </dd>
          <dt>First round</dt>
          <dd>{formatUtc(schedule.startsOn)}</dd>
          <dt>Who</dt>
          <dd>{describeAudience(schedule.audienceNames)}</dd>
          <dt>Anonymity threshold</dt>
          <dd>k = {schedule.k}</dd>
          <dt>Survey</dt>
          <dd>
            <Link to={`/hr/surveys/${schedule.survey.id}`}>{schedule.survey.name}</Link>
          </dd>
        </dl>
        <Form method="post">
          <button type="submit" name="intent" value={schedule.active ? "pause" : "resume"} className="secondary">
            {schedule.active ? "Pause" : "Resume"}
          </button>
        </Form>
      </section>
      {schedule.active ? (
        <section className="card" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Next rounds</h2>
          <ul>
            {pending ? <li>{pending}: opens within a minute</li> : null}
            {upcoming.map((next) => (
              <li key={next.period}>
                {next.period}: opens {formatUtc(next.opensAt)}, closes {formatUtc(next.closesAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="section-heading">Rounds so far</h2>
      {schedule.rounds.length === 0 ? (
        <EmptyState title="No round yet">
          <p>
            {pending
              ? `The round of ${pending} opens within a minute.`
              : `The first round opens by itself on ${formatUtc(upcoming[0].opensAt)}.`}
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Rounds made by this schedule</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Round</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Invited
                </th>
              </tr>
            </thead>
            <tbody>
              {schedule.rounds.map((round) => (
                <tr key={round.id}>
                  <td>{round.period}</td>
                  <td>
                    <Link to={`/hr/rounds/${round.id}`}>{round.name}</Link>
                  </td>
                  <td>
                    <RoundStatusBadge status={round.status} />
                  </td>
                  <td className="num">{round.invitedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
