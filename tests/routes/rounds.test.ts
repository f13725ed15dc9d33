import { describe, expect, it } from "vitest";
import { parseCsv } from "~/domain/csv";
import { toDateTimeInput } from "~/domain/utc-time";
import { queueReminders, REMINDER_KEPT_TO } from "~/models/reminders.server";
import { refreshOpenRoundCounts } from "~/models/results/index.server";
import * as outbox from "~/routes/hr.outbox";
import * as roundPage from "~/routes/hr.rounds.$roundId._index";
import * as linksCsv from "~/routes/hr.rounds.$roundId.links[.]csv";
import * as poster from "~/routes/hr.rounds.$roundId.poster";
import * as roundsList from "~/routes/hr.rounds._index";
import * as newRound from "~/routes/hr.rounds.new";
import { prisma } from "~/utils/db.server";
import { takeNotice } from "~/utils/notice.server";
import { hashToken } from "~/utils/tokens.server";
import { makeDepartment, makeOrg, makeRole, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { DAY, launchOpenRound, makeTemplateSurvey } from "../support/launch";
import { inviteCells } from "../support/results";
import { addResponses, makeRound, scores } from "../support/rounds";

async function setting() {
  const org = await makeOrg({ departments: 2, roles: 1, perCell: 3 });
  const survey = await makeTemplateSurvey();
  const now = Date.now();
  const form = {
    name: "March eNPS",
    surveyId: survey.id,
    kind: "PERIODIC",
    audience: "chosen",
    departmentIds: org.departments.map((d) => d.id),
    opensAt: toDateTimeInput(new Date(now)),
    closesAt: toDateTimeInput(new Date(now + 14 * DAY)),
    k: "5",
  };
  return { org, survey, form };
}

const counts = async () => ({ rounds: await prisma.round.count(), invitations: await prisma.invitation.count() });

describe("launching from the form", () => {
  it("reviews first (how many people, storing nothing), then launches and goes to the round", async () => {
    const admin = await makeUser("ADMIN");
    const { form, survey } = await setting();
    const before = await counts();
    const review = await call(
      newRound.action,
      await makeRequest("/hr/rounds/new", { as: admin, form: { ...form, intent: "review" } }),
    );
    expect(review.status).toBe(200);
    expect(review.data).toMatchObject({ stage: "review", preview: { invited: 6, surveyName: survey.name } });
    expect(review.data.values.departmentIds).toEqual(form.departmentIds);
    expect(await counts()).toEqual(before);

    const launched = await call(
      newRound.action,
      await makeRequest("/hr/rounds/new", { as: admin, form: { ...review.data.values, intent: "launch" } }),
    );
    expect(launched.status).toBe(302);
    const id = launched.headers.get("Location")!.split("/").pop()!;
    expect(await prisma.round.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "March eNPS",
      invitedCount: 6,
      k: 5,
      createdById: admin.id,
    });
  });

  it("warns in the review when fewer people are invited than k, and not otherwise", async () => {
    const admin = await makeUser("ADMIN");
    const { form } = await setting();
    const review = (k: string) => makeRequest("/hr/rounds/new", { as: admin, form: { ...form, k, intent: "review" } });
    const few = await call(newRound.action, await review("7"));
    expect(few.data).toMatchObject({ stage: "review", preview: { invited: 6 } });
    expect(few.data.caution).toMatch(
      /^Only 6 people are invited, fewer than k = 7: even if everyone answers, no result/,
    );
    expect((await call(newRound.action, await review("6"))).data.caution).toBeNull();
  });

  it("launches one round from one form, however often it is sent (a double click without JavaScript)", async () => {
    const admin = await makeUser("ADMIN");
    const { form } = await setting();
    const page = await call(newRound.loader, await makeRequest("/hr/rounds/new", { as: admin }));
    const launchKey = page.data.defaults.launchKey;
    expect(launchKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      (await call(newRound.loader, await makeRequest("/hr/rounds/new", { as: admin }))).data.defaults.launchKey,
    ).not.toBe(launchKey);

    const before = await counts();
    const audited = await prisma.auditLog.count({ where: { action: "round.launch" } });
    const send = async () =>
      call(
        newRound.action,
        await makeRequest("/hr/rounds/new", { as: admin, form: { ...form, launchKey, intent: "launch" } }),
      );
    const [first, second] = await Promise.all([send(), send()]);
    const third = await send();
    for (const sent of [first, second, third]) expect(sent.status).toBe(302);
    expect(new Set([first, second, third].map((r) => r.headers.get("Location"))).size).toBe(1);
    expect(await counts()).toEqual({ rounds: before.rounds + 1, invitations: before.invitations + 6 });
    expect(await prisma.auditLog.count({ where: { action: "round.launch" } })).toBe(audited + 1);

    // Sent again with other fields (Back, then a change), it still goes to the round it launched, named as it is.
    const changed = await call(
      newRound.action,
      await makeRequest("/hr/rounds/new", {
        as: admin,
        form: { ...form, name: "Renamed on the way", launchKey, intent: "launch" },
      }),
    );
    expect(changed.headers.get("Location")).toBe(first.headers.get("Location"));
    const { notice } = await takeNotice(
      new Request("http://candor.test/", { headers: { Cookie: changed.headers.get("Set-Cookie")!.split(";")[0] } }),
    );
    expect(notice).toMatch(new RegExp(`^"${form.name}" is launched`));
    expect((await counts()).rounds).toBe(before.rounds + 1);

    // A new form (a new key) is a new round; a mangled key launches without the guard.
    for (const other of [crypto.randomUUID(), "not-a-key"]) {
      const sent = await call(
        newRound.action,
        await makeRequest("/hr/rounds/new", { as: admin, form: { ...form, launchKey: other, intent: "launch" } }),
      );
      expect(sent.status).toBe(302);
    }
    expect((await counts()).rounds).toBe(before.rounds + 3);
  });

  it("refuses k below 3, wrong dates and an empty chosen audience, with messages, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const { form } = await setting();
    const before = await counts();
    const send = async (changes: Record<string, string | string[]>) =>
      call(
        newRound.action,
        await makeRequest("/hr/rounds/new", { as: admin, form: { ...form, intent: "launch", ...changes } }),
      );

    const lowK = await send({ k: "2" });
    expect(lowK.status).toBe(400);
    expect(lowK.data.errors).toEqual({ k: "k must be a whole number from 3 to 100." });
    expect((await send({ closesAt: form.opensAt })).data.errors).toEqual({
      closesAt: "The closing time must be after the opening time.",
    });
    expect((await send({ opensAt: "someday" })).data.errors).toEqual({
      opensAt: "Enter the opening time as a date and time (UTC).",
    });
    expect((await send({ departmentIds: [] })).data.errors).toEqual({
      audience: "Choose at least one department or role, or invite everyone.",
    });
    expect((await send({ surveyId: "missing" })).data.errors).toEqual({
      surveyId: "That survey does not exist. Choose one from the list.",
    });
    expect((await send({ kind: "TRAINING_POST" })).data.errors).toEqual({ kind: "Choose periodic or pulse." });
    expect(await counts()).toEqual(before);
    expect((await send({ intent: "explode" })).status).toBe(400);
  });

  it("is for admins only", async () => {
    const { org, form } = await setting();
    for (const user of [await makeUser("TRAINER"), await makeUser("MANAGER", org.departments[0].id)]) {
      expect((await call(newRound.loader, await makeRequest("/hr/rounds/new", { as: user }))).status).toBe(403);
      expect(
        (
          await call(
            newRound.action,
            await makeRequest("/hr/rounds/new", { as: user, form: { ...form, intent: "launch" } }),
          )
        ).status,
      ).toBe(403);
    }
  });
});

describe("the rounds list and a round's page", () => {
  it("show admins everything, managers their department's rounds read-only, and trainers nothing", async () => {
    const org = await makeOrg({ departments: 2, roles: 1, perCell: 6 });
    const [mine, other] = org.departments;
    const admin = await makeUser("ADMIN");
    const manager = await makeUser("MANAGER", mine.id);
    const trainer = await makeUser("TRAINER");
    const ours = await launchOpenRound({
      name: "Ours",
      sharedLink: true,
      audience: { departmentIds: [mine.id], roleIds: [] },
    });
    const theirs = await launchOpenRound({ name: "Theirs", audience: { departmentIds: [other.id], roleIds: [] } });
    const page = (user: { id: string }, id: string) => makeRequest(`/hr/rounds/${id}`, { as: user });

    const adminView = await call(roundPage.loader, await page(admin, ours.id), { roundId: ours.id });
    expect(adminView.data).toMatchObject({
      isAdmin: true,
      round: { name: "Ours", status: "open", k: 5, invitedCount: 6 },
    });
    expect(adminView.data.links.shared).toBe(`http://candor.test/s/${ours.sharedKey}`);
    expect(adminView.data.links.kiosk).toBe(`http://candor.test/s/${ours.sharedKey}?kiosk=1`);
    // Six invited, at least k: the counts show from the launch on (nobody has answered yet).
    expect(adminView.data.counts).toMatchObject({
      k: 5,
      overall: { invited: 6, responses: 0 },
      departments: [{ id: mine.id, invited: 6, responses: 0 }],
    });

    const managerView = await call(roundPage.loader, await page(manager, ours.id), { roundId: ours.id });
    expect(managerView.data).toMatchObject({ isAdmin: false, links: null, confirm: null });
    expect(JSON.stringify(managerView.data)).not.toContain(ours.sharedKey!);
    expect((await call(roundPage.loader, await page(manager, theirs.id), { roundId: theirs.id })).status).toBe(403);
    expect((await call(roundPage.loader, await page(trainer, ours.id), { roundId: ours.id })).status).toBe(403);
    expect((await call(roundPage.loader, await page(admin, "x"), { roundId: "missing" })).status).toBe(404);

    const managerList = await call(roundsList.loader, await makeRequest("/hr/rounds", { as: manager }));
    expect(managerList.data.rounds.map((r: { name: string }) => r.name)).toContain("Ours");
    expect(managerList.data.rounds.map((r: { name: string }) => r.name)).not.toContain("Theirs");
    expect((await call(roundsList.loader, await makeRequest("/hr/rounds", { as: trainer }))).status).toBe(403);

    // Managers only read.
    for (const intent of ["close", "remind", "invite", "shared-link"]) {
      const attempt = await call(
        roundPage.action,
        await makeRequest(`/hr/rounds/${ours.id}`, { as: manager, form: { intent } }),
        { roundId: ours.id },
      );
      expect(attempt.status).toBe(403);
    }
    expect((await prisma.round.findUniqueOrThrow({ where: { id: ours.id } })).closedAt).toBeNull();
  });

  it("closes a round after confirmation, once, and never changes k", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 3 });
    const round = await launchOpenRound({ k: 7, audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const confirm = await call(
      roundPage.loader,
      await makeRequest(`/hr/rounds/${round.id}?confirm=close`, { as: admin }),
      { roundId: round.id },
    );
    expect(confirm.data.confirm).toBe("close");
    expect((await prisma.round.findUniqueOrThrow({ where: { id: round.id } })).closedAt).toBeNull();

    const post = async (form: Record<string, string>) =>
      call(roundPage.action, await makeRequest(`/hr/rounds/${round.id}`, { as: admin, form }), { roundId: round.id });
    expect((await post({ intent: "explode", k: "3" })).status).toBe(400);
    const closed = await post({ intent: "close", k: "3" });
    expect(closed.status).toBe(302);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.closedAt).not.toBeNull();
    expect(stored.k).toBe(7);
    const again = await post({ intent: "close" });
    expect(again.status).toBe(409);
    expect(again.text).toBe("This round is closed already.");
    expect((await post({ intent: "remind" })).status).toBe(409);
  });

  it("without a mail server, refuses e-mail (no links minted, nothing kept) and offers no confirmation for it", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 6 });
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const post = async (intent: string) =>
      call(roundPage.action, await makeRequest(`/hr/rounds/${round.id}`, { as: admin, form: { intent } }), {
        roundId: round.id,
      });
    for (const intent of ["invite", "remind"]) {
      const refused = await post(intent);
      expect(refused.status, intent).toBe(409);
      expect(refused.text).toMatch(
        /^E-mail is not set up \(no SMTP_URL\), so Candor cannot send invitations or reminders: nothing was sent and no links were made\./,
      );
    }
    expect(await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } })).toBe(0);
    expect(await prisma.outboxMessage.count()).toBe(0);
    const stored = await prisma.round.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored).toMatchObject({ remindersSent: 0, lastReminderAt: null });

    for (const confirm of ["invite", "remind"]) {
      const page = await call(
        roundPage.loader,
        await makeRequest(`/hr/rounds/${round.id}?confirm=${confirm}`, { as: admin }),
        { roundId: round.id },
      );
      expect(page.data).toMatchObject({ mailConfigured: false, confirm: null });
    }
    const close = await call(
      roundPage.loader,
      await makeRequest(`/hr/rounds/${round.id}?confirm=close`, { as: admin }),
      { roundId: round.id },
    );
    expect(close.data.confirm).toBe("close");
  });
});

describe("response counts on the rounds list and a round's page", () => {
  /** An open round of two departments that both answered enough to be shown (k = 5). */
  async function roundOfTwo() {
    const [mine, other] = [await makeDepartment(), await makeDepartment()];
    const role = await makeRole();
    const round = await makeRound({ state: "open", k: 5, name: "Two departments" });
    await inviteCells(round.id, [
      { departmentId: mine.id, roleId: role.id, count: 8 },
      { departmentId: other.id, roleId: role.id, count: 10 },
    ]);
    await addResponses(round, [
      ...scores(mine.id, role.id, [9, 9, 8, 7, 6]),
      ...scores(other.id, role.id, [10, 9, 9, 8, 7, 6, 3]),
    ]);
    await refreshOpenRoundCounts();
    return { round, mine, other };
  }

  it("show an admin the whole round and every department", async () => {
    const { round, mine, other } = await roundOfTwo();
    const admin = await makeUser("ADMIN");
    const view = await call(roundPage.loader, await makeRequest(`/hr/rounds/${round.id}`, { as: admin }), {
      roundId: round.id,
    });
    expect(view.data.counts).toMatchObject({ overall: { invited: 18, responses: 12 } });
    const departments = view.data.counts.departments.map((d: { id: string; responses: number }) => [d.id, d.responses]);
    expect(departments.sort()).toEqual(
      [
        [mine.id, 5],
        [other.id, 7],
      ].sort(),
    );
    const list = await call(roundsList.loader, await makeRequest("/hr/rounds", { as: admin }));
    expect(list.data.rounds.find((r: { id: string }) => r.id === round.id).counts).toEqual({
      k: 5,
      invited: 18,
      responses: 12,
      rate: 12 / 18,
      live: false,
    });
  });

  it("show a manager their own department's counts only, even in the page data", async () => {
    const { round, mine, other } = await roundOfTwo();
    const manager = await makeUser("MANAGER", mine.id);
    const view = await call(roundPage.loader, await makeRequest(`/hr/rounds/${round.id}`, { as: manager }), {
      roundId: round.id,
    });
    expect(view.status).toBe(200);
    expect(view.data.counts).toMatchObject({
      k: 5,
      overall: null,
      departments: [{ id: mine.id, name: mine.name, invited: 8, responses: 5, rate: 5 / 8, live: false }],
      open: true,
    });
    expect(JSON.stringify(view.data.counts)).not.toContain(other.id);

    const list = await call(roundsList.loader, await makeRequest("/hr/rounds", { as: manager }));
    const row = list.data.rounds.find((r: { id: string }) => r.id === round.id);
    expect(row.counts).toEqual({ k: 5, invited: 8, responses: 5, rate: 5 / 8, live: false });
    expect(row).not.toHaveProperty("invitedCount");
    for (const figure of ['"responses":12', '"responses":7', '"invited":18', '"invited":10'])
      expect(JSON.stringify(list.data)).not.toContain(figure);
  });
});

describe("the links CSV", () => {
  it("is a download of email, name and link, minted by a POST; a GET mints nothing", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 2 });
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const url = `/hr/rounds/${round.id}/links.csv`;

    const get = await call(linksCsv.loader, await makeRequest(url, { as: admin }), { roundId: round.id });
    expect(get.status).toBe(405);
    expect(await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } })).toBe(0);

    const post = await call(linksCsv.action, await makeRequest(url, { as: admin, form: {} }), { roundId: round.id });
    expect(post.status).toBe(200);
    expect(post.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(post.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="links_Test_round_\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(post.text).records.map((r) => r.fields);
    expect(header).toEqual(["email", "name", "link"]);
    expect(rows.map((r) => r[0]).sort()).toEqual(org.people.map((p) => p.email).sort());
    const tokens = rows.map((r) => r[2].replace("http://candor.test/a/", ""));
    const stored = await prisma.invitationToken.findMany({ where: { invitation: { roundId: round.id } } });
    expect(stored.map((t) => t.tokenHash).sort()).toEqual(tokens.map(hashToken).sort());
  });

  it("is for admins only, answers 404 for an unknown round and 409 for a closed one", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const manager = await makeUser("MANAGER", org.departments[0].id);
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    const post = async (user: { id: string }, id: string) =>
      call(linksCsv.action, await makeRequest(`/hr/rounds/${id}/links.csv`, { as: user, form: {} }), { roundId: id });
    expect((await post(manager, round.id)).status).toBe(403);
    expect((await post(admin, "missing")).status).toBe(404);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(Date.now() - 1000) } });
    expect((await post(admin, round.id)).status).toBe(409);
    expect(await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } })).toBe(0);
  });
});

describe("the poster", () => {
  it("shows the shared link as a QR code, for admins, when the round has one", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const manager = await makeUser("MANAGER", org.departments[0].id);
    const audience = { departmentIds: [org.departments[0].id], roleIds: [] };
    const shared = await launchOpenRound({ sharedLink: true, audience });
    const plain = await launchOpenRound({ audience });
    const page = await call(poster.loader, await makeRequest(`/hr/rounds/${shared.id}/poster`, { as: admin }), {
      roundId: shared.id,
    });
    expect(page.data.link).toBe(`http://candor.test/s/${shared.sharedKey}`);
    expect(page.data.qr).toMatch(/^<svg[^>]*viewBox/);
    expect(
      (
        await call(poster.loader, await makeRequest(`/hr/rounds/${plain.id}/poster`, { as: admin }), {
          roundId: plain.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(poster.loader, await makeRequest(`/hr/rounds/${shared.id}/poster`, { as: manager }), {
          roundId: shared.id,
        })
      ).status,
    ).toBe(403);
  });
});

describe("the outbox page", () => {
  it("lists kept messages newest first, for admins only", async () => {
    const admin = await makeUser("ADMIN");
    const org = await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
    // Written while no mail server is set up: kept, never sent.
    await queueReminders(admin, round.id, "http://candor.test");
    const page = await call(outbox.loader, await makeRequest("/hr/outbox", { as: admin }));
    expect(page.data.messages[0]).toMatchObject({ kind: "REMINDER", to: REMINDER_KEPT_TO, sentAt: null });
    expect(page.data.mailConfigured).toBe(false);
    const manager = await makeUser("MANAGER", org.departments[0].id);
    expect((await call(outbox.loader, await makeRequest("/hr/outbox", { as: manager }))).status).toBe(403);
  });
});
