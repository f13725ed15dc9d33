import { describe, expect, it } from "vitest";
import { toDateTimeInput } from "~/domain/utc-time";
import * as trainingPage from "~/routes/hr.trainings.$trainingId";
import * as trainingsIndex from "~/routes/hr.trainings._index";
import * as newTraining from "~/routes/hr.trainings.new";
import * as overviewPage from "~/routes/hr.trainings.overview";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makeOrg, makeUser } from "../support/fixtures";
import { call, cookieFor, makeRequest } from "../support/http";
import { answerRound, answersOf, DAY, makeTrainingWithRounds } from "../support/trainings";

const page = (id: string, query = "") => `/hr/trainings/${id}${query}`;

async function closedTraining(trainerId: string, before: number[], after: number[], extra: { reason?: string } = {}) {
  const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
  const [d, r] = [org.departments[0].id, org.roles[0].id];
  const training = await makeTrainingWithRounds({ trainerId });
  await answerRound(training.before, answersOf(d, r, before, extra));
  await answerRound(training.after, answersOf(d, r, after, extra));
  return training;
}

describe("the trainings list", () => {
  it("shows a trainer only the trainings they run, and HR all of them", async () => {
    const [trainer, other, admin] = [await makeUser("TRAINER"), await makeUser("TRAINER"), await makeUser("ADMIN")];
    const mine = await makeTrainingWithRounds({ trainerId: trainer.id, title: "Mine" });
    const theirs = await makeTrainingWithRounds({ trainerId: other.id, title: "Theirs" });
    const own = await call(trainingsIndex.loader, await makeRequest("/hr/trainings", { as: trainer }));
    expect(own.status).toBe(200);
    expect(own.data.trainings.map((t: { id: string }) => t.id)).toEqual([mine.id]);
    expect(own.data.isAdmin).toBe(false);
    const all = await call(trainingsIndex.loader, await makeRequest("/hr/trainings", { as: admin }));
    expect(all.data.trainings.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    expect((await call(trainingsIndex.loader, await makeRequest("/hr/trainings", { as: manager }))).status).toBe(403);
  });
});

describe("a training's page", () => {
  it("shows its trainer the rounds with counts and the before/after comparison, without participants' names", async () => {
    const trainer = await makeUser("TRAINER");
    const training = await closedTraining(trainer.id, [5, 6, 7, 8, 9], [8, 9, 9, 10, 10, 10]);
    const result = await call(trainingPage.loader, await makeRequest(page(training.id), { as: trainer }), {
      trainingId: training.id,
    });
    expect(result.status).toBe(200);
    expect(
      result.data.rounds.map((r: { kind: string; counts: { responses: number } }) => [r.kind, r.counts.responses]),
    ).toEqual([
      ["TRAINING_PRE", 5],
      ["TRAINING_POST", 6],
    ]);
    expect(result.data.comparison.before.figures).toMatchObject({ responses: 5, nps: -20 });
    expect(result.data.comparison.after.figures).toMatchObject({ responses: 6, nps: 500 / 6 });
    // Adjusted -12.5 -> +55.6 over sqrt(26.15^2 + 21.44^2) = 33.81: z = 2.01, p = 0.044, tested alone.
    expect(result.data.comparison.change).toMatchObject({ verdict: "change", control: { method: "alone" } });
    expect(result.data).toMatchObject({ isAdmin: false, participants: null, confirm: null });
  });

  it("refuses another trainer and any manager with 403, and answers 404 for an unknown training", async () => {
    const [trainer, other] = [await makeUser("TRAINER"), await makeUser("TRAINER")];
    const training = await makeTrainingWithRounds({ trainerId: trainer.id });
    const refused = await call(trainingPage.loader, await makeRequest(page(training.id), { as: other }), {
      trainingId: training.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/another trainer/);
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    expect(
      (
        await call(trainingPage.loader, await makeRequest(page(training.id), { as: manager }), {
          trainingId: training.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(trainingPage.loader, await makeRequest(page("missing"), { as: trainer }), { trainingId: "missing" }))
        .status,
    ).toBe(404);
    // Its rounds' results are refused as well (by the results gate).
    const results = await import("~/routes/hr.rounds.$roundId.results");
    const round = { roundId: training.after };
    expect(
      (await call(results.loader, await makeRequest(`/hr/rounds/${training.after}/results`, { as: other }), round))
        .status,
    ).toBe(403);
  });

  it("reveals nothing of a round with fewer than k answers: no score, distribution, count or comment", async () => {
    const trainer = await makeUser("TRAINER");
    const training = await closedTraining(trainer.id, [0, 1, 2], [9, 9, 10, 10, 9], { reason: "only-three-said-this" });
    const result = await call(trainingPage.loader, await makeRequest(page(training.id), { as: trainer }), {
      trainingId: training.id,
    });
    const { comparison, rounds } = result.data;
    expect(comparison.before).toMatchObject({ figures: null, withheld: true });
    expect(comparison.change).toBeNull();
    expect(rounds[0].counts.responses).toBeNull();
    expect(comparison.ratings.every((r: { before: unknown }) => r.before === null)).toBe(true);
    expect(JSON.stringify(comparison.before)).not.toMatch(/distribution|promoters|"nps"/);
    // The after round is shown, with its own comments; none of the before round's.
    expect(comparison.comments.total).toBe(5);

    const overview = await call(overviewPage.loader, await makeRequest("/hr/trainings/overview", { as: trainer }));
    expect(overview.status).toBe(200);
    expect(overview.data.summary.rows[0].before).toEqual({ state: "withheld", k: 5 });
    expect(overview.data.summary.overall).toMatchObject({
      trainings: 1,
      compared: 0,
      before: null,
      after: null,
      change: null,
    });
  });

  it("lets HR confirm and then open or close a round by hand, and add a follow-up round once", async () => {
    const admin = await makeUser("ADMIN");
    const training = await makeTrainingWithRounds({ trainerId: (await makeUser("TRAINER")).id, createdDaysAgo: 5 });
    const params = { trainingId: training.id };
    const post = async (form: Record<string, string>) =>
      call(trainingPage.action, await makeRequest(page(training.id), { as: admin, form }), params);

    const confirm = await call(
      trainingPage.loader,
      await makeRequest(page(training.id, `?confirm=close&round=${training.after}`), { as: admin }),
      params,
    );
    expect(confirm.data.confirm).toEqual({
      intent: "close",
      round: { id: training.after, name: expect.stringMatching(/· after$/) },
    });
    expect(confirm.data.participants).toEqual([]);

    const closed = await post({ intent: "close", roundId: training.after });
    expect(closed.status).toBe(302);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: training.after } })).closedAt).not.toBeNull();
    expect((await post({ intent: "close", roundId: training.after })).status).toBe(409);

    const stranger = await makeTrainingWithRounds({ trainerId: (await makeUser("TRAINER")).id });
    expect((await post({ intent: "open", roundId: stranger.before })).status).toBe(404);

    expect((await post({ intent: "follow-up", daysAfterEnd: "3" })).status).toBe(400);
    expect((await post({ intent: "follow-up", daysAfterEnd: "30" })).status).toBe(302);
    const followUp = await prisma.round.findFirstOrThrow({
      where: { trainingId: training.id, kind: "TRAINING_FOLLOWUP" },
    });
    expect((await post({ intent: "open", roundId: followUp.id })).status).toBe(302);
    expect(
      (await prisma.round.findUniqueOrThrow({ where: { id: followUp.id } })).opensAt.getTime(),
    ).toBeLessThanOrEqual(Date.now());
    expect((await post({ intent: "follow-up", daysAfterEnd: "60" })).status).toBe(409);
    expect((await post({ intent: "nonsense" })).status).toBe(400);
  });
});

describe("a form that cannot be read", () => {
  it("gets 400 in plain words on the new-training and training pages, and nothing is stored", async () => {
    const admin = await makeUser("ADMIN");
    const training = await makeTrainingWithRounds({ trainerId: (await makeUser("TRAINER")).id });
    const [trainings, rounds] = [await prisma.training.count(), await prisma.round.count()];
    const broken = async (path: string, contentType: string, body: string) =>
      new Request(`http://candor.test${path}`, {
        method: "POST",
        headers: { Cookie: await cookieFor(admin), "Content-Type": contentType },
        body,
      });
    const bodies: [string, string][] = [
      [
        "multipart/form-data; boundary=something-else",
        '--nope\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx',
      ],
      ["application/json", JSON.stringify({ intent: "create" })],
    ];
    for (const [contentType, body] of bodies) {
      const created = await call(newTraining.action, await broken("/hr/trainings/new", contentType, body));
      expect(created.status).toBe(400);
      expect(created.text).toContain("could not be read");
      const changed = await call(trainingPage.action, await broken(page(training.id), contentType, body), {
        trainingId: training.id,
      });
      expect(changed.status).toBe(400);
      expect(changed.text).toContain("could not be read");
    }
    expect([await prisma.training.count(), await prisma.round.count()]).toEqual([trainings, rounds]);
  });
});

describe("the overview", () => {
  it("shows a trainer their trainings with the change and the pooled overall, and refuses managers", async () => {
    const trainer = await makeUser("TRAINER");
    const other = await makeUser("TRAINER");
    await closedTraining(trainer.id, [5, 6, 7, 8, 9], [8, 9, 9, 10, 10]);
    await closedTraining(other.id, [9, 9, 9, 9, 9], [0, 0, 0, 0, 0]);
    const result = await call(overviewPage.loader, await makeRequest("/hr/trainings/overview", { as: trainer }));
    expect(result.data.summary.rows).toHaveLength(1);
    expect(result.data.summary.overall).toMatchObject({
      compared: 1,
      before: { n: 5, nps: -20 },
      after: { n: 5, nps: 80 },
    });
    const admin = await call(
      overviewPage.loader,
      await makeRequest("/hr/trainings/overview", { as: await makeUser("ADMIN") }),
    );
    expect(admin.data.summary.byTrainer.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining([trainer.id, other.id]),
    );
    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    expect((await call(overviewPage.loader, await makeRequest("/hr/trainings/overview", { as: manager }))).status).toBe(
      403,
    );
  });
});

describe("creating a training from the form", () => {
  async function form(overrides: Record<string, string | string[]> = {}) {
    const trainer = await makeUser("TRAINER");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 3 });
    const start = new Date(Date.now() + 10 * DAY);
    return {
      org,
      values: {
        title: "Presenting with confidence",
        topic: "Communication",
        trainerId: trainer.id,
        startsOn: toDateTimeInput(start),
        endsOn: toDateTimeInput(new Date(start.getTime() + 8 * 3600_000)),
        personIds: org.people.map((p) => p.id),
        k: "5",
        surveyId: "",
        ...overrides,
      },
    };
  }

  it("searches the directory, keeping what was picked, reviews, then creates the training and its two rounds", async () => {
    const admin = await makeUser("ADMIN");
    const { org, values } = await form();
    const [kept, ...others] = org.people;
    const searched = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", {
        as: admin,
        form: { ...values, personIds: [kept.id], intent: "search", peopleSearch: "Person" },
      }),
    );
    expect(searched.status).toBe(200);
    expect(searched.data.picked.map((p: { id: string }) => p.id)).toEqual([kept.id]);
    const found = searched.data.search.found.map((p: { id: string }) => p.id);
    expect(found).toEqual(expect.arrayContaining(others.map((p) => p.id)));
    expect(found).not.toContain(kept.id);

    const review = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, intent: "review" } }),
    );
    // 3 people and k = 5: no round could ever show a score, which the review says.
    expect(review.data).toMatchObject({ stage: "review", preview: { participants: 3, fewerThanK: true } });
    expect(await prisma.training.count({ where: { title: values.title } })).toBe(0);
    const enough = async (changes: Record<string, string>) =>
      (
        await call(
          newTraining.action,
          await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, ...changes, intent: "review" } }),
        )
      ).data.preview;
    expect(await enough({ k: "3" })).toMatchObject({ participants: 3, fewerThanK: false });
    // Walk-ins may make up the rest.
    expect(await enough({ openLink: "on" })).toMatchObject({ participants: 3, fewerThanK: false });

    const created = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, intent: "create" } }),
    );
    expect(created.status).toBe(302);
    const training = await prisma.training.findFirstOrThrow({
      where: { title: values.title },
      select: { id: true, rounds: { select: { kind: true } } },
    });
    expect(created.headers.get("Location")).toBe(`/hr/trainings/${training.id}`);
    expect(training.rounds.map((r) => r.kind).sort()).toEqual(["TRAINING_POST", "TRAINING_PRE"]);
  });

  it("creates one training from one form, however often it is sent (a double click without JavaScript)", async () => {
    const admin = await makeUser("ADMIN");
    const { values } = await form({ title: "Sent twice" });
    const createKey = (await call(newTraining.loader, await makeRequest("/hr/trainings/new", { as: admin }))).data
      .defaults.createKey;
    expect(createKey).toMatch(/^[0-9a-f-]{36}$/);
    const before = { rounds: await prisma.round.count(), invitations: await prisma.invitation.count() };
    const send = async () =>
      call(
        newTraining.action,
        await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, createKey, intent: "create" } }),
      );
    const sent = [...(await Promise.all([send(), send()])), await send()];
    for (const response of sent) expect(response.status).toBe(302);
    const trainings = await prisma.training.findMany({ where: { title: "Sent twice" }, select: { id: true } });
    expect(trainings).toHaveLength(1);
    expect(new Set(sent.map((r) => r.headers.get("Location")))).toEqual(new Set([`/hr/trainings/${trainings[0].id}`]));
    expect(await prisma.round.count()).toBe(before.rounds + 2);
    expect(await prisma.invitation.count()).toBe(before.invitations + 6);
    expect(await prisma.auditLog.count({ where: { action: "training.create", target: "Sent twice" } })).toBe(1);

    const another = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", {
        as: admin,
        form: { ...values, createKey: crypto.randomUUID(), intent: "create" },
      }),
    );
    expect(another.status).toBe(302);
    expect(await prisma.training.count({ where: { title: "Sent twice" } })).toBe(2);
  });

  it("answers 400 with the field's message and stores nothing for bad input", async () => {
    const admin = await makeUser("ADMIN");
    const { values } = await form({ title: "Refused training" });
    const rounds = await prisma.round.count();
    const empty = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, personIds: [], intent: "create" } }),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.participants).toMatch(/at least one participant/);
    const notTrainer = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", { as: admin, form: { ...values, trainerId: admin.id, intent: "create" } }),
    );
    expect(notTrainer.status).toBe(400);
    expect(notTrainer.data.errors.trainerId).toMatch(/active trainer/);
    const backwards = await call(
      newTraining.action,
      await makeRequest("/hr/trainings/new", {
        as: admin,
        form: { ...values, endsOn: "2020-01-01T00:00", intent: "review" },
      }),
    );
    expect(backwards.data.errors.endsOn).toBe("The end cannot be before the start.");
    expect(await prisma.round.count()).toBe(rounds);
    expect(await prisma.training.count({ where: { title: values.title } })).toBe(0);
  });
});
