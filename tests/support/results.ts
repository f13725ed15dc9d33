import { prisma } from "~/utils/db.server";
import { makePerson } from "./fixtures";

/** Invites `count` new people of each department x role to the round and sets its invited count. */
export async function inviteCells(roundId: string, cells: { departmentId: string; roleId: string; count: number }[]) {
  const people = [];
  for (const cell of cells)
    for (let i = 0; i < cell.count; i++) people.push(await makePerson(cell.departmentId, cell.roleId));
  await prisma.invitation.createMany({
    data: people.map((p) => ({ roundId, personId: p.id, departmentId: p.departmentId, roleId: p.roleId })),
  });
  await prisma.round.update({ where: { id: roundId }, data: { invitedCount: { increment: people.length } } });
}

/** A training run by `trainerId`, for rounds that belong to it. */
export async function makeTraining(trainerId: string) {
  const day = 24 * 3600 * 1000;
  return prisma.training.create({
    data: {
      title: "Feedback skills",
      topic: "Communication",
      trainerId,
      startsOn: new Date(Date.now() - 10 * day),
      endsOn: new Date(Date.now() - 9 * day),
    },
    select: { id: true },
  });
}
