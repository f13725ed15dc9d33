import { describe, expect, it } from "vitest";
import { draftFromTemplate } from "~/domain/survey-templates";
import { COMMAND_LINE } from "~/models/audit.server";
import { mintLinksForDownload, sendInvitations } from "~/models/invitations.server";
import { queueReminders } from "~/models/reminders.server";
import { LaunchError, previewLaunch } from "~/models/round-launch.server";
import {
  addSharedLink,
  closeDueRounds,
  closeRoundEarly,
  getRoundForViewer,
  listRounds,
  RoundClosedError,
} from "~/models/rounds.server";
import { runScheduler } from "~/models/schedules.server";
import { setSurveyArchived, updateSurvey } from "~/models/surveys.server";
import { prisma } from "~/utils/db.server";
import { makeOrg, makePerson, makeUser } from "../support/fixtures";
import { DAY, launchOpenRound, makeTemplateSurvey } from "../support/launch";

const invitationsOf = (roundId: string) =>
  prisma.invitation.findMany({
    where: { roundId },
    select: { personId: true, departmentId: true, roleId: true },
  });

describe("launching a round", () => {
  it("invites exactly the active people of the chosen departments, with their department and role as a snapshot", async () => {
    const org = await makeOrg({ departments: 3, roles: 2, perCell: 2 });
    const [a, b, c] = org.departments;
    const leaver = await makePerson(a.id, org.roles[0].id);
    await prisma.person.update({ where: { id: leaver.id }, data: { active: false } });

    const round = await launchOpenRound({ audience: { departmentIds: [a.id, b.id], roleIds: [] } });

    const expected = org.people.filter((p) => p.departmentId !== c.id);
    const invitations = await invitationsOf(round.id);
    expect(round.invitedCount).toBe(8);
    expect(invitations.map((i) => i.personId).sort()).toEqual(expected.map((p) => p.id).sort());
    for (const invitation of invitations) {
      const person = expected.find((p) => p.id === invitation.personId)!;
      expect(invitation).toMatchObject({ departmentId: person.departmentId, roleId: person.roleId });
    }
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored).toMatchObject({ invitedCount: 8, k: 5, sharedKey: null, closedAt: null });
    expect(JSON.parse(stored.audience)).toEqual({ departmentIds: [a.id, b.id], roleIds: [] });
    const audit = await prisma.auditLog.findFirst({ where: { action: "round.launch" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ target: "Test round", details: "8 invited, k = 5" });

    // A later move does not change the snapshot the answer will carry.
    const moved = expected[0];
    await prisma.person.update({ where: { id: moved.id }, data: { departmentId: c.id } });
    const after = await prisma.invitation.findFirstOrThrow({ where: { roundId: round.id, personId: moved.id } });
    expect(after.departmentId).toBe(moved.departmentId);
  });

  it("takes chosen roles, and departments and roles together", async () => {
    const org = await makeOrg({ departments: 2, roles: 2, perCell: 1 });
    const [d1] = org.departments;
    const [r1] = org.roles;
    const byRole = await launchOpenRound({ audience: { departmentIds: [], roleIds: [r1.id] } });
    expect((await invitationsOf(byRole.id)).every((i) => i.roleId === r1.id)).toBe(true);
    expect(byRole.invitedCount).toBe(2);
    const both = await launchOpenRound({ audience: { departmentIds: [d1.id], roleIds: [r1.id] } });
    expect(await invitationsOf(both.id)).toEqual([expect.objectContaining({ departmentId: d1.id, roleId: r1.id })]);
  });

  it("takes an explicit list of people (trainings), leaving out inactive ones and keeping their departments", async () => {
    const org = await makeOrg({ departments: 2, roles: 1, perCell: 2 });
    const [p1, , p3, p4] = org.people;
    await prisma.person.update({ where: { id: p4.id }, data: { active: false } });
    const trainingSurvey = await makeTemplateSurvey("TRAINING");
    const trainer = await makeUser("TRAINER");
    const training = await prisma.training.create({
      data: { title: "First aid", topic: "Safety", trainerId: trainer.id, startsOn: new Date(), endsOn: new Date() },
    });
    const round = await launchOpenRound({
      surveyId: trainingSurvey.id,
      kind: "TRAINING_PRE",
      trainingId: training.id,
      audience: { personIds: [p1.id, p3.id, p4.id] },
    });
    expect((await invitationsOf(round.id)).map((i) => i.personId).sort()).toEqual([p1.id, p3.id].sort());
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(JSON.parse(stored.audience)).toEqual({
      departmentIds: [p1.departmentId, p3.departmentId].sort(),
      roleIds: [],
    });
    await expect(launchOpenRound({ audience: { personIds: [p1.id, "nobody"] } })).rejects.toThrow(
      "Some of the chosen people are not in the directory.",
    );
  });

  it("refuses k below 3 (or not whole), storing nothing", async () => {
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 3 });
    const audience = { departmentIds: [org.departments[0].id], roleIds: [] };
    const before = { rounds: await prisma.round.count(), invitations: await prisma.invitation.count() };
    for (const k of [2, 0, -1, 3.5]) {
      const attempt = launchOpenRound({ k, audience });
      await expect(attempt).rejects.toBeInstanceOf(LaunchError);
      await expect(attempt).rejects.toMatchObject({ field: "k" });
    }
    expect({ rounds: await prisma.round.count(), invitations: await prisma.invitation.count() }).toEqual(before);
    expect((await launchOpenRound({ k: 3, audience })).invitedCount).toBe(3);
  });

  it("refuses what HR can fix, in plain words, storing nothing", async () => {
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const audience = { departmentIds: [org.departments[0].id], roleIds: [] };
    const empty = await makeOrg({ departments: 1, roles: 1, perCell: 0 });
    const archived = await makeTemplateSurvey();
    await setSurveyArchived(COMMAND_LINE, archived.id, true);
    const training = await makeTemplateSurvey("TRAINING");
    const before = await prisma.round.count();
    const now = new Date();
    const cases: [Promise<unknown>, string][] = [
      [launchOpenRound({ surveyId: "missing", audience }), "That survey does not exist. Choose one from the list."],
      [
        launchOpenRound({ surveyId: archived.id, audience }),
        "That survey is archived. Restore it or choose another one.",
      ],
      [
        launchOpenRound({ surveyId: training.id, audience }),
        "This survey names a training ({training}); launch it from that training's page.",
      ],
      [
        launchOpenRound({ audience: { departmentIds: ["nope"], roleIds: [] } }),
        "Choose departments and roles from the list.",
      ],
      [
        launchOpenRound({ audience: { departmentIds: [empty.departments[0].id], roleIds: [] } }),
        "Nobody active is in this audience. Choose other departments or roles, or give the round a shared link.",
      ],
      [
        launchOpenRound({
          audience,
          closesAt: new Date(now.getTime() - DAY),
          opensAt: new Date(now.getTime() - 2 * DAY),
        }),
        "The closing time has already passed; choose a time in the future.",
      ],
    ];
    for (const [attempt, message] of cases) await expect(attempt).rejects.toThrow(message);
    expect(await prisma.round.count()).toBe(before);
  });

  it("refuses a survey that says {company} while no company name is set", async () => {
    const survey = await makeTemplateSurvey();
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    await prisma.setting.deleteMany({ where: { key: "companyName" } });
    try {
      await expect(
        launchOpenRound({ surveyId: survey.id, audience: { departmentIds: [org.departments[0].id], roleIds: [] } }),
      ).rejects.toThrow("Set the company name on the Surveys page first: this survey's questions use {company}.");
    } finally {
      await prisma.setting.create({ data: { key: "companyName", value: "Acme" } });
    }
  });

  it("may have only a shared link and nobody invited", async () => {
    const empty = await makeOrg({ departments: 1, roles: 1, perCell: 0 });
    const round = await launchOpenRound({
      sharedLink: true,
      audience: { departmentIds: [empty.departments[0].id], roleIds: [] },
    });
    expect(round.invitedCount).toBe(0);
    expect(round.sharedKey).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("previews a launch exactly as it would check it, storing nothing", async () => {
    const org = await makeOrg({ departments: 2, roles: 1, perCell: 2 });
    const survey = await makeTemplateSurvey();
    const now = new Date();
    const before = await prisma.round.count();
    const input = {
      name: "Preview",
      surveyId: survey.id,
      kind: "PULSE" as const,
      opensAt: now,
      closesAt: new Date(now.getTime() + DAY),
      k: 5,
      audience: { departmentIds: org.departments.map((d) => d.id), roleIds: [] },
      sharedLink: false,
    };
    const preview = await previewLaunch(input, now);
    expect(preview).toEqual({
      invited: 4,
      surveyName: survey.name,
      untranslated: null,
      departments: org.departments.map((d) => d.name).sort(),
      roles: [],
    });
    await expect(previewLaunch({ ...input, k: 2 }, now)).rejects.toMatchObject({ field: "k" });
    expect(await prisma.round.count()).toBe(before);
  });
});

describe("k after launch", () => {
  it("never changes, whatever happens to the round", async () => {
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 4 });
    const round = await launchOpenRound({ k: 4, audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const origin = "http://candor.test";
    await addSharedLink(COMMAND_LINE, round.id);
    await mintLinksForDownload(COMMAND_LINE, round.id, origin);
    await sendInvitations(COMMAND_LINE, round.id, origin);
    await queueReminders(COMMAND_LINE, round.id, origin);
    await runScheduler(new Date());
    await closeRoundEarly(COMMAND_LINE, round.id);
    await closeDueRounds(new Date(Date.now() + 30 * DAY));
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).k).toBe(4);
  });
});

describe("a launched survey", () => {
  it("is locked: its wording cannot change", async () => {
    const survey = await makeTemplateSurvey();
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    await launchOpenRound({ surveyId: survey.id, audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    await expect(updateSurvey(COMMAND_LINE, survey.id, draftFromTemplate("ENPS"))).rejects.toThrow(
      /This survey is locked: a round has been launched/,
    );
  });
});

describe("closing early", () => {
  it("closes an open round now, once, and its links stop being handed out", async () => {
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 2 });
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const closeAt = new Date();
    await closeRoundEarly(COMMAND_LINE, round.id, closeAt);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.closedAt).toEqual(closeAt);
    const page = await getRoundForViewer(round.id, { role: "ADMIN", departmentId: null });
    expect(page.found && page.allowed && page.round.status).toBe("closed");
    await expect(closeRoundEarly(COMMAND_LINE, round.id)).rejects.toBeInstanceOf(RoundClosedError);
    await expect(mintLinksForDownload(COMMAND_LINE, round.id, "http://x")).rejects.toThrow(
      "This round is closed; its links no longer work.",
    );
    await expect(addSharedLink(COMMAND_LINE, round.id)).rejects.toBeInstanceOf(RoundClosedError);
    const audit = await prisma.auditLog.findFirst({ where: { action: "round.close", target: "Test round" } });
    expect(audit?.details).toBe("closed early by hand");
  });

  it("records the closing of rounds whose time is up, at their closing time", async () => {
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const now = new Date();
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } }, now);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(await closeDueRounds(now)).toBeGreaterThanOrEqual(0);
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).closedAt).toBeNull();
    await closeDueRounds(new Date(stored.closesAt.getTime() + DAY));
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).closedAt).toEqual(stored.closesAt);
  });
});

describe("who sees which round", () => {
  it("shows managers the rounds that include their department, and admins all of them", async () => {
    const org = await makeOrg({ departments: 2, roles: 2, perCell: 1 });
    const [mine, other] = org.departments;
    const manager = await makeUser("MANAGER", mine.id);
    const named = await launchOpenRound({ name: "Names mine", audience: { departmentIds: [mine.id], roleIds: [] } });
    const byRole = await launchOpenRound({
      name: "By role",
      audience: { departmentIds: [], roleIds: [org.roles[0].id] },
    });
    const elsewhere = await launchOpenRound({
      name: "Elsewhere",
      audience: { departmentIds: [other.id], roleIds: [] },
    });

    const { rounds } = await listRounds(manager, { page: 1, pageSize: 100 });
    const ids = rounds.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([named.id, byRole.id]));
    expect(ids).not.toContain(elsewhere.id);
    expect(await getRoundForViewer(elsewhere.id, manager)).toEqual({ found: true, allowed: false });
    expect((await getRoundForViewer(byRole.id, manager)).found).toBe(true);
    const trainer = await makeUser("TRAINER");
    expect((await listRounds(trainer, { page: 1, pageSize: 100 })).rounds).toEqual([]);
    const all = await listRounds({ role: "ADMIN", departmentId: null }, { page: 1, pageSize: 100 });
    expect(all.rounds.map((r) => r.id)).toEqual(expect.arrayContaining([named.id, byRole.id, elsewhere.id]));
    expect(await getRoundForViewer("missing", manager)).toEqual({ found: false });
  });
});
