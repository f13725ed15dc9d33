import { COMMAND_LINE } from "~/models/audit.server";
import { insertResponse, type AnswerInput } from "~/models/responses.server";
import { createTraining, type TrainingInput } from "~/models/trainings.server";
import { prisma, writeTransaction } from "~/utils/db.server";

export const DAY = 24 * 60 * 60 * 1000;

let counter = 0;

/**
 * A training created through the model as HR would have created it `createdDaysAgo` days ago:
 * it started two days after that and lasted six hours. With the default 30 days, both its
 * before and its after round have closed by now; with 5, the after round is still open.
 */
export async function makeTrainingWithRounds(
  options: Partial<TrainingInput> & { trainerId: string; createdDaysAgo?: number },
) {
  const { createdDaysAgo = 30, ...overrides } = options;
  const createdAt = new Date(Date.now() - createdDaysAgo * DAY);
  const startsOn = new Date(createdAt.getTime() + 2 * DAY);
  const created = await createTraining(
    COMMAND_LINE,
    {
      title: `Training ${++counter}`,
      topic: "Communication",
      startsOn,
      endsOn: new Date(startsOn.getTime() + 6 * 3600_000),
      participants: { personIds: [], departmentIds: [], roleIds: [] },
      openLink: true,
      k: 5,
      surveyId: null,
      ...overrides,
    },
    createdAt,
  );
  const roundOf = (kind: string) => created.rounds.find((r) => r.kind === kind)!.id;
  return { ...created, before: roundOf("TRAINING_PRE"), after: roundOf("TRAINING_POST") };
}

export interface TrainingAnswer {
  departmentId: string;
  roleId: string;
  score: number;
  reason?: string;
  /** One value (1-5) per rating item of the survey, null to skip one. */
  ratings?: (number | null)[];
}

/** Records answers to a round through the same writer the survey form uses. */
export async function answerRound(roundId: string, answers: TrainingAnswer[]) {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { survey: { select: { questions: { orderBy: { position: "asc" }, select: { id: true, type: true } } } } },
  });
  const questions = round.survey.questions;
  const nps = questions.find((q) => q.type === "NPS")!.id;
  const text = questions.find((q) => q.type === "TEXT")?.id;
  const ratings = questions.filter((q) => q.type === "RATING").map((q) => q.id);
  await writeTransaction((db) => {
    for (const answer of answers) {
      const rest: AnswerInput[] = [];
      if (text && answer.reason) rest.push({ questionId: text, type: "TEXT", text: answer.reason });
      (answer.ratings ?? []).forEach((value, index) => {
        if (value !== null && ratings[index]) rest.push({ questionId: ratings[index], type: "RATING", value });
      });
      insertResponse(db, {
        roundId,
        departmentId: answer.departmentId,
        roleId: answer.roleId,
        answers: [{ questionId: nps, type: "NPS", value: answer.score }, ...rest],
      });
    }
  });
}

/** Answers with these scores, all from one department and role. */
export function answersOf(
  departmentId: string,
  roleId: string,
  scores: number[],
  extra: Omit<TrainingAnswer, "departmentId" | "roleId" | "score"> = {},
): TrainingAnswer[] {
  return scores.map((score) => ({ departmentId, roleId, score, ...extra }));
}
