import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/page";
import { WithheldFootnote } from "~/components/results/withheld";
import { changesFootnote, intervalsMeaning, TRAINING_TEST_NOTE } from "~/components/statistics-words";
import { TrainingsTabs } from "~/components/tabs";
import {
  BeforeAfterFigure,
  barsOfPools,
  barsOfRows,
  OverallChange,
  PoolTable,
  TrainingsTable,
} from "~/components/trainings/overview";
import { getTrainingOverview } from "~/models/training-results.server";
import { requireUser } from "~/pages/auth.server";
import { withRefusals } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Trainings compared · Candor" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return withRefusals(async () => {
    const user = await requireUser(request, ["ADMIN", "TRAINER"]);
    const summary = await getTrainingOverview(user);
    return { summary, isAdmin: user.role === "ADMIN" };
  });
}

export default function TrainingsOverview() {
  const { summary, isAdmin } = useLoaderData<typeof loader>();
  const { rows, overall, byTrainer, byTopic } = summary;
  return (
    <>
      <PageHeader
        title={isAdmin ? "Trainings compared" : "Your trainings compared"}
        description="NPS before and after each training, with 95% intervals. A change is called clear only when chance alone would give one this large less than 1 time in 20."
      />
      <TrainingsTabs />
      {rows.length === 0 ? (
        <EmptyState title="No trainings yet">
          <p>
            {isAdmin
              ? "Create a training to compare its before and after rounds."
              : "When HR sets up a training that you run, it appears here."}
          </p>
        </EmptyState>
      ) : (
        <>
          <OverallChange pool={overall} whose={isAdmin ? "all trainings" : "your trainings"} />
          {isAdmin ? (
            <section className="card" aria-labelledby="trainers-heading">
              <h2 id="trainers-heading">By trainer</h2>
              <BeforeAfterFigure bars={barsOfPools(byTrainer)} what="pooled per trainer" />
              <PoolTable caption="NPS before and after, pooled per trainer" groupLabel="Trainer" pools={byTrainer} />
            </section>
          ) : null}
          <section className="card" aria-labelledby="trainings-heading">
            <h2 id="trainings-heading">Each training</h2>
            {isAdmin ? null : <BeforeAfterFigure bars={barsOfRows(rows)} what="per training" />}
            <TrainingsTable rows={rows} showTrainer={isAdmin} />
          </section>
          <section className="card" aria-labelledby="topics-heading">
            <h2 id="topics-heading">By topic</h2>
            <PoolTable caption="NPS before and after, pooled per topic" groupLabel="Topic" pools={byTopic} />
          </section>
          <p className="footnote">
            {changesFootnote(
              [
                overall.change,
                ...rows.map((r) => r.change),
                ...byTrainer.map((p) => p.change),
                ...byTopic.map((p) => p.change),
              ],
              `The overall change of ${isAdmin ? "all trainings" : "your trainings"}`,
            )}{" "}
            {TRAINING_TEST_NOTE}
          </p>
          <p className="footnote">
            {intervalsMeaning({ measure: "NPS" })} Small samples: a training of a dozen people has an interval of
            several dozen points, so most single changes are within the noise. Pooled figures add up the answers of the
            trainings whose before and after scores are both shown, and only those: taking in a withheld round would let
            it be worked out from the others.
          </p>
          <WithheldFootnote />
        </>
      )}
    </>
  );
}
