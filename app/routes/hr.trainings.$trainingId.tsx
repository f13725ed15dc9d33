import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfirmCard, type ConfirmText } from "~/components/confirm-card";
import { PageHeader } from "~/components/page";
import { CommentsSection } from "~/components/results/comments-section";
import { WithheldFootnote } from "~/components/results/withheld";
import {
  DistributionComparison,
  GroupComparisonTable,
  RatingComparisonTable,
  ScoresSideBySide,
  SIDE_LABELS,
} from "~/components/trainings/comparison";
import { AfterCommentsWithheld, Participants, RoundsCard, TrainingFacts } from "~/components/trainings/training-page";
import { followUpFormSchema } from "~/domain/training-rounds";
import { formatDay } from "~/domain/utc-time";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withRefusals(async () => {
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
}

const roundForm = z.object({ roundId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export async function action({ request, params }: ActionFunctionArgs) {
  return withRefusals(async () => {
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
}

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

export default function TrainingPage() {
  const data = useLoaderData<typeof loader>();
  const followUp = useActionData<typeof action>();
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
      <TrainingFacts training={training} isAdmin={isAdmin} k={data.rounds[0]?.k} />
      <RoundsCard rounds={data.rounds} isAdmin={isAdmin} trainingId={training.id} followUp={followUp} />
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
