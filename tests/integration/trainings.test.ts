import { describe, expect, it } from "vitest";
import { draftFromTemplate, TRAINING_TEMPLATE } from "~/domain/survey-templates";
import { COMMAND_LINE } from "~/models/audit.server";
import { closeRoundEarly, openRoundNow, RoundClosedError } from "~/models/rounds.server";
import { createSurvey } from "~/models/surveys.server";
import { getTrainingForViewer, listTrainings } from "~/models/training-reads.server";
import {
  addFollowUpRound,
  createTraining,
  FollowUpExistsError,
  TrainingInputError,
  type TrainingInput,
} from "~/models/trainings.server";
import { prisma } from "~/utils/db.server";
import { makeDepartment, makeOrg, makePerson, makeRole, makeUser } from "../support/fixtures";
import { DAY } from "../support/trainings";

const NOW = new Date("2030-03-02T10:00:00Z");
const START = new Date("2030-03-20T09:00:00Z");
const END = new Date("2030-03-21T17:00:00Z");

async function baseInput(overrides: Partial<TrainingInput> = {}): Promise<TrainingInput> {
  const trainerId = overrides.trainerId ?? (await makeUser("TRAINER")).id;
  return {
    title: "Feedback skills",
    topic: "Communication",
    trainerId,
    startsOn: START,
    endsOn: END,
    participants: { personIds: [], departmentIds: [], roleIds: [] },
    openLink: false,
    k: 5,
    surveyId: null,
    ...overrides,
  };
}

const invitedPeople = async (roundId: string) =>
  (await prisma.invitation.findMany({ where: { roundId }, select: { personId: true } })).map((i) => i.personId).sort();

async function everything() {
  const [trainings, participants, rounds, invitations, surveys, audit] = await Promise.all([
    prisma.training.count(),
    prisma.trainingParticipant.count(),
    prisma.round.count(),
    prisma.invitation.count(),
    prisma.survey.count(),
    prisma.auditLog.count(),
  ]);
  return { trainings, participants, rounds, invitations, surveys, audit };
}

describe("creating a training", () => {
  it("creates exactly a before and an after round on one survey, inviting every participant to both", async () => {
    const org = await makeOrg({ departments: 2, roles: 2, perCell: 3 });
    const [first] = org.departments;
    const picked = org.people.filter((p) => p.departmentId !== first.id).slice(0, 2);
    const alsoInDepartment = org.people.find((p) => p.departmentId === first.id)!;
    const input = await baseInput({
      participants: {
        personIds: [...picked.map((p) => p.id), alsoInDepartment.id],
        departmentIds: [first.id],
        roleIds: [],
      },
    });

    const created = await createTraining(COMMAND_LINE, input, NOW);

    const expected = [
      ...picked.map((p) => p.id),
      ...org.people.filter((p) => p.departmentId === first.id).map((p) => p.id),
    ].sort();
    expect(created.participants).toBe(8);
    const participants = await prisma.trainingParticipant.findMany({
      where: { trainingId: created.id },
      select: { personId: true },
    });
    expect(participants.map((p) => p.personId).sort()).toEqual(expected);

    const rounds = await prisma.round.findMany({ where: { trainingId: created.id }, orderBy: { opensAt: "asc" } });
    expect(rounds.map((r) => r.kind)).toEqual(["TRAINING_PRE", "TRAINING_POST"]);
    expect(new Set(rounds.map((r) => r.surveyId))).toEqual(new Set([created.surveyId]));
    const [before, after] = rounds;
    expect([before.opensAt, before.closesAt]).toEqual([new Date("2030-03-13T09:00:00Z"), START]);
    expect([after.opensAt, after.closesAt]).toEqual([END, new Date(END.getTime() + 14 * DAY)]);
    for (const round of rounds) {
      expect(round).toMatchObject({
        k: 5,
        sharedKey: null,
        invitedCount: 8,
        name: expect.stringMatching(/^Feedback skills · (before|after)$/),
      });
      expect(await invitedPeople(round.id)).toEqual(expected);
    }

    const survey = await prisma.survey.findUniqueOrThrow({
      where: { id: created.surveyId },
      select: { kind: true, questions: { orderBy: { position: "asc" }, select: { type: true } } },
    });
    expect(survey.kind).toBe("TRAINING");
    expect(survey.questions.map((q) => q.type)).toEqual(TRAINING_TEMPLATE.questions.map((q) => q.type));
    const audit = await prisma.auditLog.findMany({
      where: { OR: [{ target: { startsWith: "Feedback skills" } }, { action: "training.create" }] },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["round.launch", "round.launch", "training.create"]);
  });

  it("reuses the survey made from the template, so every training asks the same questions", async () => {
    const person = (await makeOrg({ departments: 1, roles: 1, perCell: 1 })).people[0];
    const participants = { personIds: [person.id], departmentIds: [], roleIds: [] };
    const first = await createTraining(COMMAND_LINE, await baseInput({ participants }), NOW);
    const surveys = await prisma.survey.count();
    const second = await createTraining(COMMAND_LINE, await baseInput({ title: "Another", participants }), NOW);
    expect(second.surveyId).toBe(first.surveyId);
    expect(await prisma.survey.count()).toBe(surveys);
  });

  it("makes its survey under a free name when HR's own survey has the template's name", async () => {
    const person = (await makeOrg({ departments: 1, roles: 1, perCell: 1 })).people[0];
    const participants = { personIds: [person.id], departmentIds: [], roleIds: [] };
    const templateName = draftFromTemplate("TRAINING").name;
    if (!(await prisma.survey.findFirst({ where: { name: templateName } })))
      await createSurvey(COMMAND_LINE, draftFromTemplate("TRAINING"));
    // Archived, the template's survey is not reused, but it keeps its name.
    await prisma.survey.updateMany({ where: { kind: "TRAINING" }, data: { archived: true } });
    const before = await prisma.survey.count();
    const created = await createTraining(COMMAND_LINE, await baseInput({ title: "Named apart", participants }), NOW);
    expect(await prisma.survey.count()).toBe(before + 1);
    const made = await prisma.survey.findUniqueOrThrow({ where: { id: created.surveyId } });
    expect(made.name).toMatch(new RegExp(`^${templateName} \\(\\d+\\)$`));
  });

  it("uses a training survey HR chose, and refuses an employee survey", async () => {
    const person = (await makeOrg({ departments: 1, roles: 1, perCell: 1 })).people[0];
    const participants = { personIds: [person.id], departmentIds: [], roleIds: [] };
    const draft = {
      name: "Short training check",
      kind: "TRAINING" as const,
      questions: [{ type: "NPS" as const, texts: { ...TRAINING_TEMPLATE.questions[0].texts } }],
    };
    const chosen = await createSurvey(COMMAND_LINE, draft);
    const created = await createTraining(COMMAND_LINE, await baseInput({ participants, surveyId: chosen.id }), NOW);
    expect(created.surveyId).toBe(chosen.id);

    const employee = await createSurvey(COMMAND_LINE, { ...draft, name: "Short employee check", kind: "ENPS" });
    await expect(
      createTraining(COMMAND_LINE, await baseInput({ participants, surveyId: employee.id }), NOW),
    ).rejects.toMatchObject({
      field: "surveyId",
    });
  });

  it("gives both rounds a shared link for walk-ins, with nobody invited by name", async () => {
    const created = await createTraining(COMMAND_LINE, await baseInput({ openLink: true }), NOW);
    const rounds = await prisma.round.findMany({
      where: { trainingId: created.id },
      select: { sharedKey: true, invitedCount: true },
    });
    expect(rounds).toHaveLength(2);
    for (const round of rounds) {
      expect(round.sharedKey).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(round.invitedCount).toBe(0);
    }
    expect(new Set(rounds.map((r) => r.sharedKey)).size).toBe(2);
    expect(await prisma.training.findUniqueOrThrow({ where: { id: created.id }, select: { openLink: true } })).toEqual({
      openLink: true,
    });
  });

  it("opens the before round now when the training starts within a week", async () => {
    const created = await createTraining(
      COMMAND_LINE,
      await baseInput({
        openLink: true,
        startsOn: new Date(NOW.getTime() + 2 * DAY),
        endsOn: new Date(NOW.getTime() + 2 * DAY),
      }),
      NOW,
    );
    const before = await prisma.round.findFirstOrThrow({ where: { trainingId: created.id, kind: "TRAINING_PRE" } });
    expect(before.opensAt).toEqual(NOW);
  });
});

describe("bad input stores nothing", () => {
  const cases: [string, () => Promise<Partial<TrainingInput>>, string][] = [
    ["an admin as trainer", async () => ({ trainerId: (await makeUser("ADMIN")).id }), "trainerId"],
    [
      "a manager as trainer",
      async () => ({ trainerId: (await makeUser("MANAGER", (await makeDepartment()).id)).id }),
      "trainerId",
    ],
    [
      "an inactive trainer",
      async () => {
        const trainer = await makeUser("TRAINER");
        await prisma.user.update({ where: { id: trainer.id }, data: { active: false } });
        return { trainerId: trainer.id };
      },
      "trainerId",
    ],
    ["an unknown trainer", async () => ({ trainerId: "nobody" }), "trainerId"],
    ["an end before the start", async () => ({ endsOn: new Date(START.getTime() - 60_000) }), "endsOn"],
    ["a start that has passed", async () => ({ startsOn: new Date(NOW.getTime() - 60_000) }), "startsOn"],
    [
      "no participants and no open link",
      async () => ({ participants: { personIds: [], departmentIds: [], roleIds: [] } }),
      "participants",
    ],
    [
      "departments with nobody active in them",
      async () => {
        const empty = await makeDepartment();
        const person = await makePerson(empty.id, (await makeRole()).id);
        await prisma.person.update({ where: { id: person.id }, data: { active: false } });
        return { participants: { personIds: [], departmentIds: [empty.id], roleIds: [] } };
      },
      "participants",
    ],
    [
      "a person not in the directory",
      async () => ({ participants: { personIds: ["ghost"], departmentIds: [], roleIds: [] } }),
      "participants",
    ],
    [
      "an inactive person",
      async () => {
        const person = (await makeOrg({ departments: 1, roles: 1, perCell: 1 })).people[0];
        await prisma.person.update({ where: { id: person.id }, data: { active: false } });
        return { participants: { personIds: [person.id], departmentIds: [], roleIds: [] } };
      },
      "participants",
    ],
    ["an empty title", async () => ({ title: "  " }), "title"],
    ["a title that is too long", async () => ({ title: "x".repeat(101) }), "title"],
    ["a topic that is too long", async () => ({ topic: "y".repeat(61) }), "topic"],
    ["a k below 3", async () => ({ k: 2 }), "k"],
    [
      "a survey whose wording needs a company name that is not set",
      async () => {
        await prisma.setting.deleteMany({ where: { key: "companyName" } });
        const survey = await createSurvey(COMMAND_LINE, {
          name: "Needs the company",
          kind: "TRAINING",
          questions: [
            {
              type: "NPS",
              texts: { ...TRAINING_TEMPLATE.questions[0].texts, en: "Would you recommend {company}'s {training}?" },
            },
          ],
        });
        return { surveyId: survey.id };
      },
      "surveyId",
    ],
  ];

  for (const [name, change, field] of cases) {
    it(`refuses ${name}`, async () => {
      const person = (await makeOrg({ departments: 1, roles: 1, perCell: 1 })).people[0];
      const input = await baseInput({
        participants: { personIds: [person.id], departmentIds: [], roleIds: [] },
        ...(await change()),
      });
      const before = await everything();
      const error = await createTraining(COMMAND_LINE, input, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TrainingInputError);
      expect((error as TrainingInputError).field).toBe(field);
      expect(await everything()).toEqual(before);
    });
  }
});

describe("the follow-up round", () => {
  it("asks the same people the same survey with the same threshold, days after the end", async () => {
    const person = (await makeOrg({ departments: 1, roles: 1, perCell: 2 })).people;
    const created = await createTraining(
      COMMAND_LINE,
      await baseInput({
        participants: { personIds: person.map((p) => p.id), departmentIds: [], roleIds: [] },
        openLink: true,
        k: 4,
      }),
      NOW,
    );
    const round = await addFollowUpRound(COMMAND_LINE, created.id, 60, NOW);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored).toMatchObject({
      kind: "TRAINING_FOLLOWUP",
      trainingId: created.id,
      surveyId: created.surveyId,
      k: 4,
      invitedCount: 2,
      name: "Feedback skills · follow-up",
      opensAt: new Date(END.getTime() + 60 * DAY),
      closesAt: new Date(END.getTime() + 74 * DAY),
    });
    expect(stored.sharedKey).not.toBeNull();
    expect(await invitedPeople(round.id)).toEqual(person.map((p) => p.id).sort());
    expect(await prisma.auditLog.count({ where: { action: "training.follow-up", target: "Feedback skills" } })).toBe(1);
  });

  it("refuses a second follow-up and stores nothing", async () => {
    const created = await createTraining(COMMAND_LINE, await baseInput({ openLink: true }), NOW);
    await addFollowUpRound(COMMAND_LINE, created.id, 30, NOW);
    const before = await everything();
    await expect(addFollowUpRound(COMMAND_LINE, created.id, 90, NOW)).rejects.toBeInstanceOf(FollowUpExistsError);
    expect(await everything()).toEqual(before);
  });
});

describe("opening and closing a training's rounds by hand", () => {
  it("opens a scheduled round now, once, and closes it early; a closed round cannot be opened", async () => {
    const created = await createTraining(COMMAND_LINE, await baseInput({ openLink: true }), NOW);
    const after = created.rounds.find((r) => r.kind === "TRAINING_POST")!.id;
    const later = new Date(NOW.getTime() + DAY);
    const audits = () => prisma.auditLog.count({ where: { action: "round.open", target: "Feedback skills · after" } });

    await openRoundNow(COMMAND_LINE, after, later);
    expect(await prisma.round.findUniqueOrThrow({ where: { id: after }, select: { opensAt: true } })).toEqual({
      opensAt: later,
    });
    await openRoundNow(COMMAND_LINE, after, new Date(later.getTime() + 60_000));
    expect(await audits()).toBe(1);

    const closing = new Date(later.getTime() + 3600_000);
    await closeRoundEarly(COMMAND_LINE, after, closing);
    expect(await prisma.round.findUniqueOrThrow({ where: { id: after }, select: { closedAt: true } })).toEqual({
      closedAt: closing,
    });
    await expect(openRoundNow(COMMAND_LINE, after, new Date(closing.getTime() + 1))).rejects.toBeInstanceOf(
      RoundClosedError,
    );
    expect(await audits()).toBe(1);
  });
});

describe("who sees which training", () => {
  it("lists a trainer's own trainings only, every training for HR, none for a manager", async () => {
    const [mine, theirs] = [await makeUser("TRAINER"), await makeUser("TRAINER")];
    const own = await createTraining(
      COMMAND_LINE,
      await baseInput({ trainerId: mine.id, openLink: true, title: "Mine" }),
      NOW,
    );
    const other = await createTraining(
      COMMAND_LINE,
      await baseInput({ trainerId: theirs.id, openLink: true, title: "Theirs" }),
      NOW,
    );
    const page = { page: 1, pageSize: 1000 };
    expect((await listTrainings(mine, page, NOW)).trainings.map((t) => t.id)).toEqual([own.id]);
    const all = (await listTrainings(await makeUser("ADMIN"), page, NOW)).trainings.map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining([own.id, other.id]));
    expect((await listTrainings(await makeUser("MANAGER", (await makeDepartment()).id), page, NOW)).total).toBe(0);

    expect(await getTrainingForViewer(other.id, mine)).toEqual({ found: true, allowed: false });
    expect(await getTrainingForViewer(own.id, mine)).toMatchObject({
      allowed: true,
      training: { title: "Mine", rounds: [{ kind: "TRAINING_PRE" }, { kind: "TRAINING_POST" }] },
    });
    expect(await getTrainingForViewer("nothing", mine)).toEqual({ found: false });
  });
});
