import { addDays, todayOf, type ActionInput } from "~/domain/action-items";
import { prisma } from "~/utils/db.server";

let counter = 0;

/** The day `days` from today on the server's calendar (negative for the past). */
export const inDays = (days: number, now = new Date()) => addDays(todayOf(now), days);

export async function makeTraining(trainerId: string) {
  const day = 24 * 3600 * 1000;
  return prisma.training.create({
    data: {
      title: `Training ${++counter}`,
      topic: "Feedback",
      trainerId,
      startsOn: new Date(Date.now() - 7 * day),
      endsOn: new Date(Date.now() - 6 * day),
    },
    select: { id: true, title: true },
  });
}

/** A valid action item input: owned by `ownerId`, due in a week, linked to nothing. */
export function actionInput(ownerId: string, overrides: Partial<ActionInput> = {}): ActionInput {
  return {
    title: `Action ${++counter}`,
    description: "",
    ownerId,
    deadline: inDays(7),
    roundId: null,
    departmentId: null,
    roleId: null,
    trainingId: null,
    ...overrides,
  };
}
