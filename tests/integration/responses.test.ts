import { describe, expect, it } from "vitest";
import { insertResponse } from "~/models/responses.server";
import { prisma, sqlite, writeTransaction } from "~/utils/db.server";
import { makeDepartment, makeRole } from "../support/fixtures";
import { addResponses, makeRound } from "../support/rounds";

describe("insertResponse", () => {
  it("stores the answer, bumps the tallies and the round's count in one go", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open" });
    await addResponses(round, [
      { departmentId: d.id, roleId: r.id, score: 9, why: "Good team", rating: 4 },
      { departmentId: d.id, roleId: r.id, score: 9, improve: "Pay" },
    ]);
    const tallies = await prisma.tally.findMany({
      where: { roundId: round.id },
      select: { questionId: true, value: true, count: true },
    });
    expect(tallies).toEqual(
      expect.arrayContaining([
        { questionId: round.survey.questions.nps, value: 9, count: 2 },
        { questionId: round.survey.questions.rating, value: 4, count: 1 },
      ]),
    );
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).responseCount).toBe(2);
    expect(await prisma.answer.count({ where: { response: { roundId: round.id }, text: { not: null } } })).toBe(2);
  });

  it("keeps no timestamp and a random id, in a table without rowid order", async () => {
    const columns = sqlite
      .prepare("SELECT name FROM pragma_table_info('Response')")
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns.sort()).toEqual(["departmentId", "id", "roleId", "roundId", "score"]);
    const definition = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'Response'").get() as { sql: string }
    ).sql;
    expect(definition).toMatch(/WITHOUT ROWID/);
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open" });
    await addResponses(round, [{ departmentId: d.id, roleId: r.id, score: 5 }]);
    const { id } = await prisma.response.findFirstOrThrow({ where: { roundId: round.id } });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("writes nothing when the transaction fails half way", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open" });
    await expect(
      writeTransaction((db) => {
        insertResponse(db, {
          roundId: round.id,
          departmentId: d.id,
          roleId: r.id,
          answers: [{ questionId: round.survey.questions.nps, type: "NPS", value: 7 }],
        });
        throw new Error("claim failed");
      }),
    ).rejects.toThrow("claim failed");
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
    expect(await prisma.tally.count({ where: { roundId: round.id } })).toBe(0);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).responseCount).toBe(0);
  });

  it("refuses a response without its 0-10 answer", async () => {
    const round = await makeRound({ state: "open" });
    await expect(
      writeTransaction((db) => insertResponse(db, { roundId: round.id, departmentId: "x", roleId: "y", answers: [] })),
    ).rejects.toThrow(/0-10/);
  });
});
