/**
 * Every CSV Candor writes keeps formula-looking text as text: a name, comment or title that
 * starts with = + - @ (also after spaces or in full-width form), a tab or a carriage return
 * reaches the spreadsheet prefixed with an apostrophe. Numbers stay numbers.
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import { createAction } from "~/models/actions.server";
import * as actionsCsv from "~/routes/hr.actions[.csv]";
import * as commentsCsv from "~/routes/hr.rounds.$roundId.comments[.]csv";
import * as linksCsv from "~/routes/hr.rounds.$roundId.links[.]csv";
import * as resultsCsv from "~/routes/hr.rounds.$roundId.results[.]csv";
import { prisma } from "~/utils/db.server";
import { inDays } from "../support/actions";
import { makeDepartment, makePerson, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { addResponses, makeRound } from "../support/rounds";

const FORMULAS = [
  '=HYPERLINK("http://evil.example")',
  "+SUM(1,2)",
  "-2+3",
  "@cmd",
  " =after a space",
  "＝全角",
  "\tTAB",
];
const FORMULA_START = /^[ \u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every cell that would start a formula, except plain numbers. */
function dangerousCells(csv: string): string[] {
  return parseCsv(csv)
    .records.flatMap((record) => record.fields)
    .filter((cell) => FORMULA_START.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
}

async function worldWithFormulas() {
  const admin = await makeUser("ADMIN");
  const departments = await Promise.all(FORMULAS.slice(0, 2).map((name) => makeDepartment(name)));
  const role = await makeRole("@role");
  const people: Awaited<ReturnType<typeof makePerson>>[] = [];
  for (const department of departments) {
    for (let i = 0; i < 6; i++) {
      const n = people.length;
      people.push(
        await makePerson(department.id, role.id, {
          name: `${FORMULAS[n % FORMULAS.length]} ${n}`,
          email: `p${n}@formula.test`,
        }),
      );
    }
  }
  const round = await makeRound({ state: "closed", k: 3, invitedCount: people.length });
  await prisma.invitation.createMany({
    data: people.map((p) => ({ roundId: round.id, personId: p.id, departmentId: p.departmentId, roleId: p.roleId })),
  });
  await addResponses(
    round,
    people.map((p, i) => ({
      departmentId: p.departmentId,
      roleId: p.roleId,
      score: i % 11,
      why: FORMULAS[i % FORMULAS.length],
      improve: "-fewer meetings",
    })),
  );
  await createAction(admin, {
    title: "=1+1 in the title",
    description: "@description",
    ownerId: admin.id,
    deadline: inDays(10),
    roundId: null,
    departmentId: departments[0].id,
    roleId: null,
    trainingId: null,
  });
  return { admin, round };
}

describe("CSV exports", () => {
  it("neutralise formulas in results, comments, links and action lists", async () => {
    const { admin, round } = await worldWithFormulas();
    const params = { roundId: round.id };
    const exports = {
      results: await call(
        resultsCsv.loader,
        await makeRequest(`/hr/rounds/${round.id}/results.csv`, { as: admin }),
        params,
      ),
      comments: await call(
        commentsCsv.loader,
        await makeRequest(`/hr/rounds/${round.id}/comments.csv`, { as: admin }),
        params,
      ),
      actions: await call(actionsCsv.loader, await makeRequest("/hr/actions.csv", { as: admin })),
    };
    await prisma.round.update({
      where: { id: round.id },
      data: { closesAt: new Date(Date.now() + 86_400_000), closedAt: null },
    });
    const links = await call(
      linksCsv.action,
      await makeRequest(`/hr/rounds/${round.id}/links.csv`, { as: admin, method: "POST" }),
      params,
    );

    for (const [name, result] of Object.entries({ ...exports, links })) {
      expect(result.status, name).toBe(200);
      expect(result.headers.get("Content-Type"), name).toContain("text/csv");
      expect(dangerousCells(result.text), name).toEqual([]);
    }
    // The texts are still there, just kept as text.
    expect(exports.comments.text).toContain("'=HYPERLINK");
    expect(exports.results.text).toContain("'+SUM(1,2)");
    expect(exports.actions.text).toContain("'=1+1 in the title");
    expect(links.text).toContain("'@cmd");
  });
});
