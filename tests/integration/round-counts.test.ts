import { describe, expect, it } from "vitest";
import { getRoundCounts } from "~/models/results/index.server";
import { runScheduler } from "~/models/schedules.server";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makePerson, makeRole } from "../support/fixtures";
import { addResponses, makeRound, scores } from "../support/rounds";

async function invite(roundId: string, people: { id: string; departmentId: string; roleId: string }[]) {
  await prisma.invitation.createMany({
    data: people.map((p) => ({ roundId, personId: p.id, departmentId: p.departmentId, roleId: p.roleId })),
  });
  await prisma.round.update({ where: { id: roundId }, data: { invitedCount: people.length } });
}

describe("getRoundCounts", () => {
  it("shows counts and rates only for groups of at least k invited, and hides the next-smallest too", async () => {
    const role = await makeRole();
    const big = await makeDepartment("Big dept");
    const mid = await makeDepartment("Mid dept");
    const tiny = await makeDepartment("Tiny dept");
    const people = [
      ...(await Promise.all(Array.from({ length: 20 }, () => makePerson(big.id, role.id)))),
      ...(await Promise.all(Array.from({ length: 10 }, () => makePerson(mid.id, role.id)))),
      ...(await Promise.all(Array.from({ length: 4 }, () => makePerson(tiny.id, role.id)))),
    ];
    const round = await makeRound({ state: "open", k: 5 });
    await invite(round.id, people);
    await addResponses(round, [
      ...scores(big.id, role.id, Array(12).fill(8)),
      ...scores(mid.id, role.id, Array(6).fill(9)),
      ...scores(tiny.id, role.id, [10, 3]),
    ]);
    await runScheduler();
    const counts = (await getRoundCounts(round.id))!;
    expect(counts).toMatchObject({ k: 5, invited: 34, responses: 20 });
    expect(counts.rate).toBeCloseTo(20 / 34);
    expect(counts.departments).toEqual([
      { id: big.id, name: "Big dept", invited: 20, responses: 12, rate: 0.6, live: false },
      // Mid (10 invited) is hidden as well: showing it would give Tiny's 4 people by subtraction.
      { id: mid.id, name: "Mid dept", invited: 10, responses: null, rate: null, live: false },
      { id: tiny.id, name: "Tiny dept", invited: 4, responses: null, rate: null, live: false },
    ]);
  });

  it("gives counts but no response rate while a shared link lets anyone answer", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const people = await Promise.all(Array.from({ length: 6 }, () => makePerson(d.id, r.id)));
    const round = await makeRound({ state: "open", k: 5 });
    await invite(round.id, people);
    await prisma.round.update({ where: { id: round.id }, data: { sharedKey: `kiosk-${round.id}` } });
    await addResponses(round, scores(d.id, r.id, [9, 9, 8, 7, 6, 5, 4, 10, 10]));
    await runScheduler();
    const counts = (await getRoundCounts(round.id))!;
    expect(counts).toMatchObject({ invited: 6, responses: 9, rate: null });
    expect(counts.departments).toEqual([{ id: d.id, name: d.name, invited: 6, responses: 9, rate: null, live: false }]);
  });

  it("shows an open round's total of k or more invited while fewer have answered, and withholds it once closed", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const people = await Promise.all(Array.from({ length: 30 }, () => makePerson(d.id, r.id)));
    const open = await makeRound({ state: "open", k: 5 });
    await invite(open.id, people);
    await addResponses(open, scores(d.id, r.id, [9, 9, 9, 9]));
    await runScheduler();
    expect(await getRoundCounts(open.id)).toMatchObject({ responses: 4, rate: 4 / 30, open: true });

    const closed = await makeRound({ state: "closed", k: 5 });
    await invite(closed.id, people);
    await addResponses(closed, scores(d.id, r.id, [9, 9, 9, 9]));
    expect(await getRoundCounts(closed.id)).toMatchObject({ responses: null, rate: null, open: false });
  });

  it("withholds every count of a round nobody was invited to while it is open", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open", k: 5, invitedCount: 30 });
    await addResponses(round, scores(d.id, r.id, [9, 9, 9, 9, 9, 9]));
    await runScheduler();
    expect(await getRoundCounts(round.id)).toMatchObject({ responses: null, rate: null, departments: [] });
  });

  it("is null for an unknown round", async () => {
    expect(await getRoundCounts("missing")).toBeNull();
  });
});
