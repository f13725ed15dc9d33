import { roundStatus, type RoundStatus } from "~/domain/round-status";
import { isTrainingRoundKind, TRAINING_ROUND_KINDS, type TrainingRoundKind } from "~/domain/training-rounds";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { SessionUser } from "./users.server";

/**
 * The trainings pages' reads: the list, one training with its rounds, and its participants.
 * Admins see every training; a trainer the trainings they run; nobody else any.
 */
export type TrainingViewer = Pick<SessionUser, "id" | "role">;

function scopeOf(viewer: TrainingViewer): Prisma.TrainingWhereInput {
  if (viewer.role === "ADMIN") return {};
  if (viewer.role === "TRAINER") return { trainerId: viewer.id };
  return { id: { in: [] } };
}

export interface TrainingRound {
  id: string;
  name: string;
  kind: TrainingRoundKind;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  k: number;
}

const roundSelect = {
  id: true,
  name: true,
  kind: true,
  opensAt: true,
  closesAt: true,
  closedAt: true,
  k: true,
  createdAt: true,
} as const;
type RoundRow = Prisma.RoundGetPayload<{ select: typeof roundSelect }>;

/** A training's rounds in the order before, after, follow-up, with their status now. */
function roundsOf(rows: RoundRow[], now: Date): TrainingRound[] {
  return rows
    .filter((r): r is RoundRow & { kind: TrainingRoundKind } => isTrainingRoundKind(r.kind))
    .sort(
      (a, b) =>
        TRAINING_ROUND_KINDS.indexOf(a.kind) - TRAINING_ROUND_KINDS.indexOf(b.kind) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map(({ createdAt: _createdAt, ...round }) => ({ ...round, status: roundStatus(round, now) }));
}

/** What the list and a training's page both show of a training. */
const trainingFacts = { id: true, title: true, topic: true, startsOn: true, endsOn: true, openLink: true } as const;

/** The trainings a viewer may see, the latest start first. */
export async function listTrainings(
  viewer: TrainingViewer,
  { page, pageSize }: { page: number; pageSize: number },
  now: Date = new Date(),
) {
  const where = scopeOf(viewer);
  const [trainings, total] = await Promise.all([
    prisma.training.findMany({
      where,
      orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        ...trainingFacts,
        trainer: { select: { name: true } },
        _count: { select: { participants: true } },
        rounds: { select: roundSelect },
      },
    }),
    prisma.training.count({ where }),
  ]);
  return {
    trainings: trainings.map(({ _count, rounds, ...training }) => ({
      ...training,
      participants: _count.participants,
      rounds: roundsOf(rounds, now),
    })),
    total,
  };
}

/** A training as its page shows it; `allowed` is false when the viewer may not see it. */
export async function getTrainingForViewer(id: string, viewer: TrainingViewer, now: Date = new Date()) {
  const training = await prisma.training.findUnique({
    where: { id },
    select: {
      ...trainingFacts,
      createdAt: true,
      trainer: { select: { id: true, name: true } },
      rounds: { select: { ...roundSelect, survey: { select: { id: true, name: true } } } },
      _count: { select: { participants: true } },
    },
  });
  if (!training) return { found: false as const };
  const allowed = viewer.role === "ADMIN" || (viewer.role === "TRAINER" && training.trainer.id === viewer.id);
  if (!allowed) return { found: true as const, allowed: false as const };
  const { rounds, _count, ...rest } = training;
  return {
    found: true as const,
    allowed: true as const,
    training: {
      ...rest,
      participants: _count.participants,
      survey: rounds[0]?.survey ?? null,
      rounds: roundsOf(rounds, now),
    },
  };
}

/** The participants of a training by name, for HR. */
export function listParticipants(trainingId: string) {
  return prisma.trainingParticipant.findMany({
    where: { trainingId },
    orderBy: { person: { name: "asc" } },
    select: {
      person: {
        select: {
          id: true,
          name: true,
          active: true,
          department: { select: { name: true } },
          role: { select: { name: true } },
        },
      },
    },
  });
}
