import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCard, type ConfirmText } from "~/components/confirm-card";
import { TextField } from "~/components/field";
import { PageHeader } from "~/components/page";
import { CommentsSection } from "~/components/results/comments-section";
import { Withheld, WithheldFootnote } from "~/components/results/withheld";
import { ResponseCount, RoundStatusBadge } from "~/components/round-figures";
import {
  DistributionComparison,
  GroupComparisonTable,
  RatingComparisonTable,
  ScoresSideBySide,
  SIDE_LABELS,
  TOO_FEW,
} from "~/components/trainings/comparison";
import { HR_LOCALE, plural } from "~/domain/plural";
import { ROUND_KIND_LABELS } from "~/domain/round-status";
import {
  FOLLOW_UP_DEFAULT_DAYS,
  followUpFormSchema,
  FOLLOW_UP_MAX_DAYS,
  FOLLOW_UP_MIN_DAYS,
} from "~/domain/training-rounds";
import { formatDay, formatUtc } from "~/domain/utc-time";
import { getRoundCounts } from "~/models/results/index.server";
import { closeRoundEarly, openRoundNow } from "~/models/rounds.server";
import { getTrainingForViewer, listParticipants, type TrainingViewer } from "~/models/training-reads.server";
import { getTrainingComparison } from "~/models/training-results.server";
import { addFollowUpRound } from "~/models/trainings.server";
import { actorOf, requireAdmin, requireUser } from "~/pages/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest, forbidden, notFound, readForm, refusalOf, withRefusals } from "~/utils/http.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { pageFrom, queryText, requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.training.title ?? "Training"} · Candor` },
];

async function findTraining(params: Record<string, string | undefined>, viewer: TrainingViewer) {
  const found = await getTrainingForViewer(requireId(params, "trainingId"), viewer);
  if (!found.found) throw notFound("There is no such training.");
  if (!found.allowed) throw forbidden("This training is run by another trainer: only its trainer and HR see it.");
  return found.training;
}

const categorySchema = z.enum(["promoter", "passive", "detractor"]).nullable().catch(null);
const confirmSchema = z.enum(["open", "close"]).nullable().catch(null);

export const loader = withRefusals(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request, ["ADMIN", "TRAINER"]);
  const training = await findTraining(params, user);
  const isAdmin = user.role === "ADMIN";
  const url = new URL(request.url);
  const category = categorySchema.parse(url.searchParams.get("category"));
  const filters = { q: queryText(url, "q"), category: category ?? "" };
  const [comparison, counts, participants] = await Promise.all([
    getTrainingComparison(training.id, user, { search: filters.q, category, page: pageFrom(url) }),
    Promise.all(training.rounds.map((round) => getRoundCounts(round.id))),
    isAdmin ? listParticipants(training.id) : null,
  ]);
  if (!comparison) throw notFound("There is no such training.");
  const confirmRound = training.rounds.find((r) => r.id === url.searchParams.get("round"));
  const confirm = isAdmin && confirmRound ? confirmSchema.parse(url.searchParams.get("confirm")) : null;
  return {
    training,
    rounds: training.rounds.map((round, index) => ({ ...round, counts: counts[index] })),
    comparison,
    participants: participants?.map((p) => p.person) ?? null,
    isAdmin,
    filters,
    confirm:
      confirm && confirmRound ? { intent: confirm, round: { id: confirmRound.id, name: confirmRound.name } } : null,
  };
});

const roundForm = z.object({ roundId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const action = withRefusals(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireAdmin(request);
  const training = await findTraining(params, user);
  const actor = actorOf(user);
  const here = `/hr/trainings/${training.id}`;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "open" || intent === "close") {
    const parsed = roundForm.safeParse({ roundId: formData.get("roundId") });
    const round = parsed.success ? training.rounds.find((r) => r.id === parsed.data.roundId) : undefined;
    if (!round) throw notFound("That round is not one of this training's.");
    if (intent === "open") {
      await openRoundNow(actor, round.id);
      return redirectWithNotice(request, here, `"${round.name}" is open. Hand out its links on the round's page.`);
    }
    await closeRoundEarly(actor, round.id);
    return redirectWithNotice(request, here, `"${round.name}" is closed. Its links no longer work.`);
  }
  if (intent === "follow-up") {
    const form = parseForm(formData, followUpFormSchema);
    if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
    const added = await refusalOf(addFollowUpRound(actor, training.id, form.data.daysAfterEnd));
    if (!added.ok) {
      return data(
        {
          errors: { daysAfterEnd: added.message },
          values: { daysAfterEnd: String(formData.get("daysAfterEnd") ?? "") },
        },
        { status: added.status },
      );
    }
    return redirectWithNotice(
      request,
      here,
      "The follow-up round is set up. Hand out its links on the round's page when it opens.",
    );
  }
  throw badRequest("Unknown action.");
});

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const CONFIRM_TEXT = {
  open: {
    title: "Open this round now?",
    body: "People can answer from now on, before the planned opening time. Opening cannot be undone.",
    button: "Open the round",
  },
  close: {
    title: "Close this round now?",
    body: "Nobody can answer after this, with a personal or a shared link. Closing cannot be undone.",
    button: "Close the round",
    danger: true,
  },
} satisfies Record<string, ConfirmText>;

function RoundsCard({ data }: { data: LoaderData }) {
  const { rounds, isAdmin, training } = data;
  return (
    <section className="card" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Rounds</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">The training's rounds, their status and responses</caption>
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
              <th scope="col">
                <span className="visually-hidden">Links and actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => {
              const closedEarly = round.closedAt !== null && round.closedAt < round.closesAt;
              return (
                <tr key={round.id}>
                  <th scope="row">
                    {ROUND_KIND_LABELS[round.kind]}
                    <span className="muted small block">{round.name}</span>
                  </th>
                  <td>
                    <RoundStatusBadge status={round.status} />
                  </td>
                  <td className="small">
                    <span className="block nowrap">from {formatUtc(round.opensAt)}</span>
                    <span className="block nowrap">
                      to {formatUtc(closedEarly ? round.closedAt! : round.closesAt)}
                      {closedEarly ? <span className="muted"> (closed early)</span> : null}
                    </span>
                  </td>
                  <td className="num">{round.counts?.invited ?? "–"}</td>
                  <td className="num">
                    {round.counts ? <ResponseCount responses={round.counts.responses} rate={round.counts.rate} /> : "–"}
                  </td>
                  <td className="row-links">
                    {isAdmin ? (
                      <Link to={`/hr/rounds/${round.id}`} aria-label={`Round page of ${round.name}`}>
                        Round page
                      </Link>
                    ) : null}
                    <Link to={`/hr/rounds/${round.id}/results`} aria-label={`Results of ${round.name}`}>
                      Results
                    </Link>
                    {isAdmin && round.status === "scheduled" ? (
                      <Link to={`?confirm=open&round=${round.id}`} aria-label={`Open ${round.name} now`}>
                        Open now…
                      </Link>
                    ) : null}
                    {isAdmin && round.status !== "closed" ? (
                      <Link to={`?confirm=close&round=${round.id}`} aria-label={`Close ${round.name} now`}>
                        Close now…
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {isAdmin
          ? "Participants get their personal links on each round's page (download or e-mail, and reminders)."
          : "HR hands out the links of each round."}{" "}
        Response counts of fewer than {rounds[0]?.k ?? "k"} are not shown.
      </p>
      {isAdmin && !rounds.some((r) => r.kind === "TRAINING_FOLLOWUP") ? (
        <FollowUpForm trainingId={training.id} />
      ) : null}
    </section>
  );
}

function FollowUpForm({ trainingId }: { trainingId: string }) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="follow-up" action={`/hr/trainings/${trainingId}`} noValidate>
      <h3>Add a follow-up round</h3>
      <p className="muted small">
        Ask the participants again some time after the training, to see whether the effect lasts. Same questions, same
        threshold; it stays open 14 days.
      </p>
      <div className="row row-end">
        <TextField
          label="Days after the end"
          name="daysAfterEnd"
          type="number"
          inputMode="numeric"
          min={FOLLOW_UP_MIN_DAYS}
          max={FOLLOW_UP_MAX_DAYS}
          defaultValue={result?.values.daysAfterEnd ?? String(FOLLOW_UP_DEFAULT_DAYS)}
          error={result?.errors.daysAfterEnd}
          required
        />
        <button type="submit" name="intent" value="follow-up" className="secondary" disabled={busy}>
          {busy ? "Adding…" : "Add follow-up round"}
        </button>
      </div>
    </Form>
  );
}

function Participants({ people }: { people: NonNullable<LoaderData["participants"]> }) {
  return (
    <details className="card">
      <summary>
        <h2>Participants ({people.length})</h2>
      </summary>
      {people.length === 0 ? (
        <p className="muted">Nobody by name: walk-in participants answer through the open link.</p>
      ) : (
        <ul className="participant-list">
          {people.map((p) => (
            <li key={p.id}>
              {p.name}{" "}
              <span className="muted small">
                {p.department.name}, {p.role.name}
                {p.active ? "" : " (inactive)"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function AfterCommentsWithheld({ after }: { after: LoaderData["comparison"]["after"] }) {
  if (after?.withheld) {
    return (
      <p aria-describedby="withheld-note">
        <Withheld /> <span className="muted">{TOO_FEW}</span>
      </p>
    );
  }
  if (!after?.figures) return <p className="muted">The comments appear when the after round closes.</p>;
  return (
    <p className="muted">
      The after round's comments are not listed on their own: comparing lists could narrow a comment down to fewer than{" "}
      {after.k} people.
    </p>
  );
}

export default function TrainingPage() {
  const data = useLoaderData<typeof loader>();
  const { training, comparison, confirm, isAdmin } = data;
  return (
    <>
      <PageHeader
        title={training.title}
        description={`${training.topic} · run by ${training.trainer.name} · ${formatDay(training.startsOn)}${
          formatDay(training.startsOn) === formatDay(training.endsOn) ? "" : ` to ${formatDay(training.endsOn)}`
        }`}
        actions={
          <Link className="button button-secondary" to="/hr/trainings/overview">
            All trainings compared
          </Link>
        }
      />
      {confirm ? (
        <ConfirmCard
          text={CONFIRM_TEXT[confirm.intent]}
          intent={confirm.intent}
          cancelTo={`/hr/trainings/${training.id}`}
          subject={confirm.round.name}
          hidden={{ roundId: confirm.round.id }}
        />
      ) : null}
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">About this training</h2>
        <dl className="facts">
          <dt>Trainer</dt>
          <dd>{training.trainer.name}</dd>
          <dt>Runs</dt>
          <dd>
            {formatUtc(training.startsOn)} to {formatUtc(training.endsOn)}
          </dd>
          <dt>Participants</dt>
          <dd>
            {training.participants === 0
              ? "Walk-ins through the open link"
              : `${plural(HR_LOCALE, training.participants, { one: "# person", other: "# people" })} by name${training.openLink ? ", and walk-ins through the open link" : ""}`}
          </dd>
          <dt>Survey</dt>
          <dd>
            {training.survey ? (
              isAdmin ? (
                <Link to={`/hr/surveys/${training.survey.id}`}>{training.survey.name}</Link>
              ) : (
                training.survey.name
              )
            ) : (
              "–"
            )}
          </dd>
          <dt>Anonymity threshold</dt>
          <dd>k = {data.rounds[0]?.k ?? "–"}: no figure of fewer answers is shown, in any round.</dd>
        </dl>
      </section>
      <RoundsCard data={data} />
      {data.participants ? <Participants people={data.participants} /> : null}
      <h2 className="section-heading">Before and after</h2>
      <ScoresSideBySide comparison={comparison} />
      <DistributionComparison comparison={comparison} />
      {comparison.ratings.length > 0 ? (
        <RatingComparisonTable ratings={comparison.ratings} followUp={comparison.followUp !== null} />
      ) : null}
      <GroupComparisonTable
        title="By department, before and after"
        groupLabel="Department"
        groups={comparison.departments}
      />
      <GroupComparisonTable title="By role, before and after" groupLabel="Role" groups={comparison.roles} />
      <section className="card" id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments after the training</h2>
        {comparison.comments ? (
          <CommentsSection
            groupKey="overall"
            groupName={`${SIDE_LABELS.after} the training`}
            view={comparison.comments}
            filters={data.filters}
          />
        ) : (
          <AfterCommentsWithheld after={comparison.after} />
        )}
      </section>
      <WithheldFootnote k={data.rounds[0]?.k} />
    </>
  );
}
