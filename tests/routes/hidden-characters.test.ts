/**
 * Invisible characters in answers: a NUL is never stored, and the bidirectional controls that
 * reorder text on screen (the right-to-left override U+202E and its kin) reach HR, on the
 * results page and in the comments export, as visible marks.
 */
import { describe, expect, it } from "vitest";
import { parseAnswerForm } from "~/domain/answer-form";
import { showControlCharacters, withoutControlMarks, withoutNul } from "~/domain/control-characters";
import * as personal from "~/routes/a.$token";
import * as commentsCsv from "~/routes/hr.rounds.$roundId.comments[.]csv";
import * as results from "~/routes/hr.rounds.$roundId.results";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makePerson, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { addResponses, inviteWithTokens, makeRound } from "../support/rounds";

const RLO = "\u202E";
const SPOOF = `Great place${RLO}gnp.exe`;

describe("control characters in text", () => {
  it("drops NUL and shows each bidirectional control as a mark", () => {
    expect(withoutNul("a\u0000b\u0000")).toBe("ab");
    expect(showControlCharacters(`x\u0000${RLO}y\u2066z\u2069\u200F`)).toBe("x⟨U+202E⟩y⟨U+2066⟩z⟨U+2069⟩⟨U+200F⟩");
    expect(showControlCharacters("مرحبا Привет 你好 😀")).toBe("مرحبا Привет 你好 😀");
    expect(withoutControlMarks(showControlCharacters(`good${RLO}team`))).toBe("good team");
  });

  it("leaves no NUL in a parsed answer", () => {
    const questions = [
      { id: "nps", type: "NPS" as const },
      { id: "why", type: "TEXT" as const },
    ];
    const parsed = parseAnswerForm(
      [
        ["score", "7"],
        ["text:why", "fine\u0000 team"],
      ],
      questions,
    );
    expect(parsed).toEqual({
      ok: true,
      answers: [
        { questionId: "nps", type: "NPS", value: 7 },
        { questionId: "why", type: "TEXT", text: "fine team" },
      ],
    });
  });
});

describe("answers with hidden characters", () => {
  it("are stored without NUL", async () => {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "open" });
    const [token] = await inviteWithTokens(round, [await makePerson(d.id, r.id)]);
    const form = { score: "9", [`text:${round.survey.questions.why}`]: `Good\u0000 people${RLO}` };
    const sent = await call(personal.action, await makeRequest(`/a/${token}`, { form }), { token });
    expect(sent.status).toBe(302);
    const stored = await prisma.answer.findMany({ where: { text: { not: null } }, select: { text: true } });
    expect(stored.map((a) => a.text)).toContain(`Good people${RLO}`);
  });

  it("reach HR with their bidirectional controls visible, on the results page and in the export", async () => {
    const admin = await makeUser("ADMIN");
    const [d, r] = [await makeDepartment(), await makeRole()];
    const round = await makeRound({ state: "closed", k: 3, invitedCount: 5 });
    await addResponses(
      round,
      Array.from({ length: 5 }, (_, i) => ({
        departmentId: d.id,
        roleId: r.id,
        score: 9,
        why: i === 0 ? SPOOF : `Fine ${i}`,
      })),
    );
    const page = await call(results.loader, await makeRequest(`/hr/rounds/${round.id}/results`, { as: admin }), {
      roundId: round.id,
    });
    const texts: string[] = page.data.comments.comments.map((c: { text: string }) => c.text);
    expect(texts).toContain("Great place⟨U+202E⟩gnp.exe");
    expect(texts.join("")).not.toContain(RLO);
    const csv = await call(
      commentsCsv.loader,
      await makeRequest(`/hr/rounds/${round.id}/comments.csv`, { as: admin, page: false }),
      { roundId: round.id },
    );
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("Great place⟨U+202E⟩gnp.exe");
    expect(csv.text).not.toContain(RLO);
  });
});
