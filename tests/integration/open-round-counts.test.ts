/**
 * Open rounds must not show who has answered (anonymity rule 7): reading the counts, waiting for
 * one known person to answer, and reading again must tell nothing about that person.
 */
import { describe, expect, it } from "vitest";
import { seededRandom } from "~/domain/seeded-random";
import { getRoundCounts, type RoundCounts } from "~/models/results/index.server";
import { runScheduler } from "~/models/schedules.server";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makePerson, makeRole } from "../support/fixtures";
import { addResponses, makeRound, scores } from "../support/rounds";

const HOUR = 60 * 60 * 1000;

async function invite(roundId: string, people: { id: string; departmentId: string; roleId: string }[]) {
  await prisma.invitation.createMany({
    data: people.map((p) => ({ roundId, personId: p.id, departmentId: p.departmentId, roleId: p.roleId })),
  });
  await prisma.round.update({ where: { id: roundId }, data: { invitedCount: people.length } });
}

/** An open round with departments of the given sizes (one role), everyone invited. */
async function openRound(sizes: number[], k: number) {
  const role = await makeRole();
  const departments = [];
  for (const size of sizes) {
    const department = await makeDepartment();
    const people = [];
    for (let i = 0; i < size; i++) people.push(await makePerson(department.id, role.id));
    departments.push({ ...department, people });
  }
  const round = await makeRound({ state: "open", k });
  await invite(
    round.id,
    departments.flatMap((d) => d.people),
  );
  return { round, role, departments };
}

/** Which groups show a count, as a reader sees it. */
const shownGroups = (counts: RoundCounts) => ({
  overall: counts.responses !== null,
  departments: counts.departments.filter((d) => d.responses !== null).map((d) => d.name),
});

const answer = (round: Awaited<ReturnType<typeof makeRound>>, departmentId: string, roleId: string) =>
  addResponses(round, scores(departmentId, roleId, [8]));

describe("which groups of an open round show a count", () => {
  it("is decided from who was invited, so an answer from a lone person turns no group withheld", async () => {
    // The case: D1 and D2 of five people each and E of one, k = 3.
    const { round, role, departments } = await openRound([5, 5, 1], 3);
    const [d1, d2, e] = departments;
    let clock = Date.now();
    const read = async () => {
      clock += HOUR;
      await runScheduler(new Date(clock));
      return shownGroups((await getRoundCounts(round.id))!);
    };
    const before = await read();
    for (let i = 0; i < 4; i++) await answer(round, d1.id, role.id);
    for (let i = 0; i < 3; i++) await answer(round, d2.id, role.id);
    const colleagues = await read();
    await answer(round, e.id, role.id);
    const afterLonePerson = await read();
    expect(afterLonePerson).toEqual(colleagues);
    expect(colleagues).toEqual(before);
  });

  it("never changes as answers come in, whatever the organisation and the order of answers", async () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 6; trial++) {
      const sizes = Array.from({ length: 2 + Math.floor(random() * 3) }, () => 1 + Math.floor(random() * 6));
      const { round, role, departments } = await openRound(sizes, 3);
      const people = departments.flatMap((d) => d.people.map(() => d.id));
      let clock = Date.now();
      const seen = new Set<string>();
      for (let reads = people.length + 1; reads > 0; reads--) {
        clock += HOUR;
        await runScheduler(new Date(clock));
        seen.add(JSON.stringify(shownGroups((await getRoundCounts(round.id))!)));
        if (people.length > 0) {
          const [next] = people.splice(Math.floor(random() * people.length), 1);
          await answer(round, next, role.id);
        }
      }
      expect(seen.size, `departments of ${sizes.join(", ")}`).toBe(1);
    }
  });
});

describe("the counts of an open round", () => {
  it("do not tick with each answer in a group of fewer than 50 invited: they change at the next full hour", async () => {
    const { round, role, departments } = await openRound([6, 7], 5);
    const [team] = departments;
    const start = new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR);
    await runScheduler(start);
    const first = (await getRoundCounts(round.id))!;
    const teamCount = (counts: RoundCounts) => counts.departments.find((d) => d.id === team.id)!.responses;
    expect(teamCount(first)).toBe(0);

    await answer(round, team.id, role.id);
    // Reading right after a known person answered tells nothing: the counts are those of the full hour.
    const right = (await getRoundCounts(round.id))!;
    expect(teamCount(right)).toBe(0);
    expect(right.responses).toBe(0);
    // Later in the same hour, nothing is counted again.
    await runScheduler(new Date(start.getTime() + 59 * 60 * 1000));
    expect(teamCount((await getRoundCounts(round.id))!)).toBe(0);

    await runScheduler(new Date(start.getTime() + HOUR));
    const next = (await getRoundCounts(round.id))!;
    expect(teamCount(next)).toBe(1);
    expect(next.responses).toBe(1);
    expect(next.countedAt).toEqual(new Date(start.getTime() + HOUR));
    expect(next.departments.every((d) => !d.live) && !next.live).toBe(true);
  });

  it("tick live only for groups of at least 50 invited that no subtraction narrows to fewer", async () => {
    // Big (60) counts live; the whole round does not: minus Big, it would tick for the 10 of Small.
    const { round, role, departments } = await openRound([60, 10], 5);
    const [big, small] = departments;
    await runScheduler(new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR));
    const countOf = (counts: RoundCounts, id: string) => counts.departments.find((d) => d.id === id)!;
    const before = (await getRoundCounts(round.id))!;
    expect(countOf(before, big.id).live).toBe(true);
    expect(countOf(before, small.id).live).toBe(false);
    expect(before.live).toBe(false);

    await answer(round, small.id, role.id);
    const afterSmall = (await getRoundCounts(round.id))!;
    expect(afterSmall).toEqual(before);

    await answer(round, big.id, role.id);
    const afterBig = (await getRoundCounts(round.id))!;
    expect(countOf(afterBig, big.id).responses).toBe(1);
    expect(afterBig.responses).toBe(before.responses);
  });

  it("tick live for the whole round too when everyone is in groups of at least 50", async () => {
    const { round, role, departments } = await openRound([50, 55], 5);
    await runScheduler(new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR));
    await answer(round, departments[1].id, role.id);
    const counts = (await getRoundCounts(round.id))!;
    expect(counts.live).toBe(true);
    expect(counts.responses).toBe(1);
    expect(counts.departments.map((d) => [d.responses, d.live])).toEqual([
      [0, true],
      [1, true],
    ]);
  });

  it("keeps only the latest counts, and none once the round has closed", async () => {
    const { round } = await openRound([6], 5);
    const start = Math.floor(Date.now() / HOUR) * HOUR + HOUR;
    await runScheduler(new Date(start));
    await runScheduler(new Date(start + HOUR));
    expect(await prisma.roundCountSnapshot.count({ where: { roundId: round.id } })).toBe(1);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(start + HOUR) } });
    await runScheduler(new Date(start + HOUR + 60_000));
    expect(await prisma.roundCountSnapshot.count({ where: { roundId: round.id } })).toBe(0);
  });
});
