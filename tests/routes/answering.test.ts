import { describe, expect, it } from "vitest";
import { SHARED_ANSWERS_PER_MINUTE } from "~/pages/link-throttles.server";
import * as personal from "~/routes/a.$token";
import * as shared from "~/routes/s.$key";
import { prisma } from "~/utils/db.server";
import { newToken } from "~/utils/tokens.server";
import { makeDepartment, makePerson, makeRole } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { answeredCount, inviteWithTokens, makeRound } from "../support/rounds";

async function openRoundWithPeople(count = 2, state: "open" | "closed" | "scheduled" = "open") {
  const [d, r] = [await makeDepartment(), await makeRole()];
  const people = await Promise.all(Array.from({ length: count }, () => makePerson(d.id, r.id)));
  const round = await makeRound({ state });
  const tokens = await inviteWithTokens(round, people);
  return { round, tokens, department: d, role: r };
}

const form = (round: Awaited<ReturnType<typeof makeRound>>, score: string, extra: Record<string, string> = {}) => ({
  score,
  [`text:${round.survey.questions.why}`]: "Свої люди, добра команда",
  [`rating:${round.survey.questions.rating}`]: "4",
  lang: "uk",
  ...extra,
});

const openLink = async (token: string, headers: Record<string, string> = {}, address = "198.51.100.20") =>
  call(personal.loader, await makeRequest(`/a/${token}`, { headers }), { token }, { clientAddress: address });
const answer = async (token: string, fields: Record<string, string>, address = "198.51.100.20") =>
  call(
    personal.action,
    await makeRequest(`/a/${token}?lang=uk`, { form: fields }),
    { token },
    { clientAddress: address },
  );

describe("a personal link", () => {
  it("shows the survey in the browser's language, with the threshold promised", async () => {
    const { tokens } = await openRoundWithPeople();
    const page = await openLink(tokens[0], { "Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5" });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ locale: "uk", lang: "uk", view: { state: "ready", k: 5 } });
    expect(page.data.messages["survey.submit"]).toBe("Надіслати відповіді");
    expect(page.data.view.questions.map((q: { type: string }) => q.type)).toEqual(["NPS", "TEXT", "TEXT", "RATING"]);
  });

  it("marks a question HR left untranslated as English, and only that one", async () => {
    const { round, tokens } = await openRoundWithPeople();
    await prisma.questionText.create({
      data: { questionId: round.survey.questions.nps, locale: "uk", text: "Чи порадили б ви {company}?" },
    });
    const langs = async (headers: Record<string, string>) =>
      (await openLink(tokens[0], headers)).data.view.questions.map((q: { lang?: string }) => q.lang ?? null);
    expect(await langs({ "Accept-Language": "uk" })).toEqual([null, "en", "en", "en"]);
    expect(await langs({ "Accept-Language": "en" })).toEqual([null, null, null, null]);
  });

  it("lets ?lang= override the browser's language", async () => {
    const { tokens } = await openRoundWithPeople();
    const page = await call(
      personal.loader,
      await makeRequest(`/a/${tokens[0]}?lang=zh`, { headers: { "Accept-Language": "pl" } }),
      { token: tokens[0] },
    );
    expect(page.data).toMatchObject({ locale: "zh", lang: "zh-Hans" });
  });

  it("stores one anonymous response with the invitation's department and role, then says thanks", async () => {
    const { round, tokens, department, role } = await openRoundWithPeople();
    const result = await answer(tokens[0], form(round, "9"));
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/thanks?lang=uk");
    const responses = await prisma.response.findMany({ where: { roundId: round.id } });
    expect(responses).toEqual([
      { id: expect.any(String), roundId: round.id, departmentId: department.id, roleId: role.id, score: 9 },
    ]);
    const answers = await prisma.answer.findMany({
      where: { responseId: responses[0].id },
      orderBy: { questionId: "asc" },
    });
    expect(answers.map((a) => a.text ?? a.value)).toEqual(expect.arrayContaining(["Свої люди, добра команда", 4]));
    expect(await answeredCount(round.id)).toBe(1);
  });

  it("refuses a second use of the link with 409", async () => {
    const { round, tokens } = await openRoundWithPeople();
    await answer(tokens[0], form(round, "9"));
    const again = await answer(tokens[0], form(round, "3"));
    expect(again.status).toBe(409);
    expect(again.data.view).toEqual({ state: "used" });
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(1);
  });

  it("does not tell whoever opens a link, or sends a wrong form through it, whether it was used", async () => {
    const { round, tokens } = await openRoundWithPeople(2);
    await answer(tokens[0], form(round, "9"));
    const [used, unused] = [await openLink(tokens[0]), await openLink(tokens[1])];
    expect(used.status).toBe(200);
    expect(used.data).toEqual(unused.data);
    const [usedWrong, unusedWrong] = [
      await answer(tokens[0], form(round, "11")),
      await answer(tokens[1], form(round, "11")),
    ];
    expect(usedWrong.status).toBe(400);
    expect(usedWrong.data).toEqual(unusedWrong.data);
    expect(await answeredCount(round.id)).toBe(1);
  });

  it.each([["11"], ["-1"], ["7.5"], ["seven"], [""]])(
    "answers the score %j with 400 and stores nothing",
    async (score) => {
      const { round, tokens } = await openRoundWithPeople();
      const result = await answer(tokens[0], form(round, score));
      expect(result.status).toBe(400);
      expect(result.data.view.problems).toEqual({ [round.survey.questions.nps]: "score" });
      expect(result.data.view.values[`text:${round.survey.questions.why}`]).toBe("Свої люди, добра команда");
      expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
      expect(await answeredCount(round.id)).toBe(0);
    },
  );

  it("answers text over 2,000 characters with 400 and stores nothing", async () => {
    const { round, tokens } = await openRoundWithPeople();
    const result = await answer(
      tokens[0],
      form(round, "8", { [`text:${round.survey.questions.why}`]: "x".repeat(2001) }),
    );
    expect(result.status).toBe(400);
    expect(result.data.view.problems).toEqual({ [round.survey.questions.why]: "tooLong" });
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("answers an unknown question with 400 and stores nothing", async () => {
    const { round, tokens } = await openRoundWithPeople();
    const result = await answer(tokens[0], form(round, "8", { "text:not-a-question": "sneaky" }));
    expect(result.status).toBe(400);
    expect(result.text).toContain("does not match the survey");
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("answers one question sent under a second field name with 400, stores nothing and leaves the link unused", async () => {
    const { round, tokens } = await openRoundWithPeople();
    const result = await answer(tokens[0], form(round, "8", { [`other:${round.survey.questions.why}`]: "twice" }));
    expect(result.status).toBe(400);
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
    expect(await answeredCount(round.id)).toBe(0);
  });

  it("answers an unknown or malformed token with 404", async () => {
    await openRoundWithPeople();
    expect((await openLink(newToken())).status).toBe(404);
    expect((await openLink("short")).status).toBe(404);
    expect((await openLink(newToken())).data.view).toEqual({ state: "unknown" });
  });

  it("answers a closed round with 410 and a round not open yet with 403, storing nothing", async () => {
    const closed = await openRoundWithPeople(1, "closed");
    const closedPage = await answer(closed.tokens[0], form(closed.round, "9"));
    expect(closedPage.status).toBe(410);
    expect(closedPage.data.view).toMatchObject({ state: "closed", date: expect.any(String) });
    const early = await openRoundWithPeople(1, "scheduled");
    const earlyPage = await openLink(early.tokens[0]);
    expect(earlyPage.status).toBe(403);
    expect(earlyPage.data.view).toMatchObject({ state: "not-open" });
    expect((await answer(early.tokens[0], form(early.round, "9"))).status).toBe(403);
    expect(await prisma.response.count({ where: { roundId: { in: [closed.round.id, early.round.id] } } })).toBe(0);
  });

  it("stores exactly one response when fifty submissions of one token arrive at once", async () => {
    const { round, tokens } = await openRoundWithPeople(1);
    const results = await Promise.all(Array.from({ length: 50 }, () => answer(tokens[0], form(round, "10"))));
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(1);
    const tally = await prisma.tally.findMany({ where: { roundId: round.id, questionId: round.survey.questions.nps } });
    expect(tally.map((t) => t.count)).toEqual([1]);
  });

  it("answers a thousand random links with 404 and lets none of them in", async () => {
    const { round } = await openRoundWithPeople(1);
    for (let i = 0; i < 1000; i++) {
      const result = await openLink(newToken(), {}, `10.${Math.floor(i / 250)}.${i % 250}.1`);
      expect(result.status).toBe(404);
    }
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("throttles an address that keeps trying unknown links, without locking out valid links", async () => {
    const { round, tokens } = await openRoundWithPeople(1);
    const guesser = "203.0.113.66";
    for (let i = 0; i < 20; i++) expect((await openLink(newToken(), {}, guesser)).status).toBe(404);
    expect((await openLink(newToken(), {}, guesser)).status).toBe(429);
    expect((await openLink(newToken(), {}, "203.0.113.67")).status).toBe(404);
    expect((await answer(tokens[0], form(round, "9"), guesser)).status).toBe(302);
  });
});

describe("a shared (kiosk) link", () => {
  async function sharedRound() {
    const [d, r] = [await makeDepartment(), await makeRole()];
    const other = await makeDepartment();
    const round = await makeRound({ state: "open" });
    const key = `kiosk-${round.id}`.slice(0, 40);
    await prisma.round.update({
      where: { id: round.id },
      data: { sharedKey: key, audience: JSON.stringify({ departmentIds: [d.id], roleIds: [] }) },
    });
    return { round, key, department: d, role: r, other };
  }
  const post = async (key: string, fields: Record<string, string>, search = "") =>
    call(shared.action, await makeRequest(`/s/${key}${search}`, { form: fields }), { key });

  it("offers only the audience's departments and stores the chosen snapshot", async () => {
    const { round, key, department, role } = await sharedRound();
    const page = await call(shared.loader, await makeRequest(`/s/${key}`), { key });
    expect(page.data.groups.departments).toEqual([{ id: department.id, name: department.name }]);
    const result = await post(key, { ...form(round, "7"), departmentId: department.id, roleId: role.id });
    expect(result.status).toBe(302);
    expect(
      await prisma.response.findFirst({ where: { roundId: round.id }, select: { departmentId: true, roleId: true } }),
    ).toEqual({
      departmentId: department.id,
      roleId: role.id,
    });
  });

  it("asks for the department and role, and refuses one outside the audience", async () => {
    const { round, key, role, other } = await sharedRound();
    const missing = await post(key, form(round, "7"));
    expect(missing.status).toBe(400);
    expect(missing.data.view.groupProblem).toBe(true);
    const outside = await post(key, { ...form(round, "7"), departmentId: other.id, roleId: role.id });
    expect(outside.status).toBe(400);
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(0);
  });

  it("in kiosk mode, returns to a fresh form, in the kiosk's own language, after each answer", async () => {
    const { round, key, department, role } = await sharedRound();
    const answer = { ...form(round, "9"), departmentId: department.id, roleId: role.id, kiosk: "1" };
    // Opened as a Ukrainian kiosk, its address keeps Ukrainian as the kiosk's own language.
    const opened = await call(shared.loader, await makeRequest(`/s/${key}?kiosk=1&lang=uk`), { key });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/s/${key}?kiosk=1&lang=uk&home=uk`);
    // Someone switches to Bulgarian to answer: the next person finds Ukrainian again.
    const result = await post(key, answer, "?kiosk=1&lang=bg&home=uk");
    expect(result.headers.get("Location")).toBe(`/s/${key}?kiosk=1&home=uk&lang=uk&saved=1`);
    const next = await call(shared.loader, await makeRequest(result.headers.get("Location")!), { key });
    expect(next.data).toMatchObject({ locale: "uk", kiosk: true, saved: true, view: { state: "ready" } });
    expect(next.data.view.values).toBeUndefined();

    // A kiosk opened without a language speaks the device's, and returns to it.
    const device = await call(shared.loader, await makeRequest(`/s/${key}?kiosk=1`), { key });
    expect(device.headers.get("Location")).toBe(`/s/${key}?kiosk=1&home=device`);
    const after = await post(key, answer, "?kiosk=1&home=device&lang=bg");
    expect(after.headers.get("Location")).toBe(`/s/${key}?kiosk=1&home=device&saved=1`);
    const back = await call(
      shared.loader,
      await makeRequest(after.headers.get("Location")!, { headers: { "Accept-Language": "pl-PL" } }),
      { key },
    );
    expect(back.data.locale).toBe("pl");
  });

  it("takes only a few answers a minute from one device, keeping what was typed", async () => {
    const { round, key, department, role } = await sharedRound();
    const fields = { ...form(round, "8"), departmentId: department.id, roleId: role.id };
    const from = async (address: string) =>
      call(shared.action, await makeRequest(`/s/${key}`, { form: fields }), { key }, { clientAddress: address });
    expect(SHARED_ANSWERS_PER_MINUTE).toBe(12);
    for (let i = 0; i < SHARED_ANSWERS_PER_MINUTE; i++) expect((await from("198.51.100.99")).status).toBe(302);
    const oneTooMany = await from("198.51.100.99");
    expect(oneTooMany.status).toBe(429);
    expect(oneTooMany.data.view).toMatchObject({ state: "ready", tooFast: true, values: { score: "8" } });
    expect((await from("198.51.100.100")).status).toBe(302);
    expect(await prisma.response.count({ where: { roundId: round.id } })).toBe(SHARED_ANSWERS_PER_MINUTE + 1);
  });

  it("answers an unknown shared key with 404", async () => {
    expect((await call(shared.loader, await makeRequest("/s/unknownkey123"), { key: "unknownkey123" })).status).toBe(
      404,
    );
  });
});
