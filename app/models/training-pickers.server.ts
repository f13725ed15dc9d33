import { prisma } from "~/utils/db.server";
import { findTemplateSurvey, TRAINING_SURVEY } from "./trainings.server";

// What the new-training form offers: trainers, the people picked so far, training surveys.

/** Active trainer logins, for choosing who runs a training. */
export function listTrainers() {
  return prisma.user.findMany({
    where: { role: "TRAINER", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** People picked so far on the training form, to show them again (active ones only). */
export function listPickedPeople(ids: string[]) {
  return prisma.person.findMany({
    where: { id: { in: ids }, active: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      department: { select: { name: true } },
      role: { select: { name: true } },
    },
  });
}

/**
 * The training surveys a new training may use: the one made from the template (null when
 * there is none yet: creating a training makes it) and the others HR wrote.
 */
export async function listTrainingSurveys() {
  const [standard, all] = await Promise.all([
    findTemplateSurvey(prisma),
    prisma.survey.findMany({
      where: { kind: TRAINING_SURVEY, archived: false },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { standard, others: all.filter((s) => s.id !== standard?.id) };
}
