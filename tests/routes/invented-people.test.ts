/**
 * HR can answer for people it invents (issue: HR can answer for people it invents): create a
 * department with two made-up people and the victim, download the links, answer for the two,
 * and read the victim's score. A survey tool cannot stop that, so Candor makes it hard and
 * visible: with e-mail set up, links go by e-mail only unless HR switches downloads on (audited);
 * a round whose links were downloaded says so on its results and its survey page; and a group
 * with people added just before the launch says how many.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpSink } from "../support/smtp";

const smtp = await startSmtpSink();
// Settings are read once, when the app's modules load: set the mail server before that.
process.env.SMTP_URL = smtp.url;
const linksCsv = await import("~/routes/hr.rounds.$roundId.links[.]csv");
const roundPage = await import("~/routes/hr.rounds.$roundId._index");
const resultsPage = await import("~/routes/hr.rounds.$roundId.results");
const outbox = await import("~/routes/hr.outbox");
const personal = await import("~/routes/a.$token");
const publicPage = await import("~/routes/you-said-we-did");
const { closeRoundEarly } = await import("~/models/rounds.server");
const { COMMAND_LINE } = await import("~/models/audit.server");
const { getRoundResults } = await import("~/models/results/index.server");
const { prisma } = await import("~/utils/db.server");
const { makeDepartment, makeOrg, makePerson, makeRole, makeUser } = await import("../support/fixtures");
const { call, makeRequest } = await import("../support/http");
const { DAY, launchOpenRound } = await import("../support/launch");
const { addResponses, makeRound, scores } = await import("../support/rounds");
const { inviteCells } = await import("../support/results");

afterAll(() => smtp.close());

async function launched(perCell = 5) {
  const admin = await makeUser("ADMIN");
  const org = await makeOrg({ departments: 1, roles: 1, perCell });
  const round = await launchOpenRound({ audience: { departmentIds: [org.departments[0].id], roleIds: [] } });
  return { admin, org, round };
}

const download = async (admin: { id: string }, roundId: string) =>
  call(linksCsv.action, await makeRequest(`/hr/rounds/${roundId}/links.csv`, { as: admin, form: {} }), { roundId });

const setDownloads = async (user: { id: string }, allowed: boolean) =>
  call(
    outbox.action,
    await makeRequest("/hr/outbox", { as: user, form: { intent: "links-download", allowed: allowed ? "on" : "off" } }),
  );

describe("the personal links download, with e-mail set up", () => {
  it("is off until an HR admin switches it on, which the audit log records", async () => {
    const { admin, round } = await launched();
    const refused = await download(admin, round.id);
    expect(refused.status).toBe(409);
    expect(refused.text).toBe(
      "With e-mail set up, personal links go only by e-mail, so that nobody holds a list of them. An HR admin can allow downloads on the Outbox page; that is recorded in the audit log, and every round whose links are downloaded says so.",
    );
    expect(await prisma.invitationToken.count({ where: { invitation: { roundId: round.id } } })).toBe(0);
    const page = await call(roundPage.loader, await makeRequest(`/hr/rounds/${round.id}`, { as: admin }), {
      roundId: round.id,
    });
    expect(page.data.linkDownloads).toBe("off");

    const manager = await makeUser("MANAGER", (await makeDepartment()).id);
    expect((await setDownloads(manager, true)).status).toBe(403);
    expect((await setDownloads(admin, true)).status).toBe(302);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "setting.links-download" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorId: admin.id, details: "on" });

    expect((await download(admin, round.id)).status).toBe(200);
    await setDownloads(admin, false);
    expect((await download(admin, round.id)).status).toBe(409);
  });
});

describe("a round whose links were downloaded", () => {
  it("says so on its survey page, in the respondent's language", async () => {
    const { admin, round } = await launched();
    await setDownloads(admin, true);
    const csv = await download(admin, round.id);
    await setDownloads(admin, false);
    const token = csv.text.match(/\/a\/([A-Za-z0-9_-]{43})/)![1];
    const page = await call(personal.loader, await makeRequest(`/a/${token}?lang=pl`), { token });
    expect(page.status).toBe(200);
    expect(page.data.view.linksDownloaded).toBe(true);
    expect(page.data.messages["survey.linksDownloaded"]).toMatch(/^Dział HR pobrał osobiste linki/);
  });

  it("says so on its results page, and a round sent by e-mail only does not", async () => {
    const { admin, round } = await launched();
    const { round: mailed } = await launched();
    await setDownloads(admin, true);
    await download(admin, round.id);
    await setDownloads(admin, false);
    for (const id of [round.id, mailed.id]) await closeRoundEarly(COMMAND_LINE, id);
    const results = async (id: string) =>
      (await call(resultsPage.loader, await makeRequest(`/hr/rounds/${id}/results`, { as: admin }), { roundId: id }))
        .data;
    expect((await results(round.id)).round.linksDownloadedAt).not.toBeNull();
    expect((await results(mailed.id)).round.linksDownloadedAt).toBeNull();
  });
});

describe("the public page, for a round with people added just before the launch", () => {
  // Runs before the rounds below, which close later: the public page shows the latest round.
  it("says so on the public page too, in the reader's language, next to each group it concerns and the whole round", async () => {
    const [team, others] = [await makeDepartment(), await makeDepartment()];
    const role = await makeRole();
    const round = await makeRound({ state: "closed", k: 3, name: "Public round with newcomers", closesAt: new Date() });
    await inviteCells(round.id, [
      { departmentId: team.id, roleId: role.id, count: 5 },
      { departmentId: others.id, roleId: role.id, count: 5 },
    ]);
    const newcomers = await prisma.invitation.findMany({
      where: { roundId: round.id, departmentId: team.id },
      take: 2,
    });
    await prisma.invitation.updateMany({
      where: { id: { in: newcomers.map((i) => i.id) } },
      data: { addedBeforeLaunch: true },
    });
    await addResponses(round, [
      ...scores(team.id, role.id, [9, 10, 2, 8, 7]),
      ...scores(others.id, role.id, [6, 9, 10, 5, 9]),
    ]);

    const page = await call(
      publicPage.loader,
      await makeRequest("/you-said-we-did", { headers: { "Accept-Language": "uk" } }),
    );
    const view = page.data as Awaited<ReturnType<typeof publicPage.loader>>;
    expect(view.latest?.name).toBe("Public round with newcomers");
    expect(view.latest?.added).toEqual({ added: "2", invited: "10", days: "14" });
    const group = (name: string) => view.departments.find((d) => d.name === name)!;
    expect(group(team.name).added).toEqual({ added: "2", invited: "5", days: "14" });
    expect(group(others.name).added).toBeNull();
    expect(view.messages["published.added"]).toBe(
      "Додані до довідника за {days} днів до початку опитування: {added} з {invited} запрошених.",
    );
  });
});

describe("a results group with people added just before the launch", () => {
  it("says how many of the people invited to it were added to the directory within 14 days before", async () => {
    const [team, others] = [await makeDepartment(), await makeDepartment()];
    const role = await makeRole();
    const now = new Date();
    const added = async (departmentId: string, daysBefore: number) => {
      const person = await makePerson(departmentId, role.id);
      await prisma.person.update({
        where: { id: person.id },
        data: { createdAt: new Date(now.getTime() - daysBefore * DAY) },
      });
    };
    // Two made up three days before the launch, and three who were there long before.
    for (const days of [3, 3, 400, 400, 400]) await added(team.id, days);
    for (const days of [15, 400, 400, 400, 400]) await added(others.id, days);
    const round = await launchOpenRound({ audience: { departmentIds: [team.id, others.id], roleIds: [] }, k: 3 }, now);
    await prisma.round.update({ where: { id: round.id }, data: { closedAt: new Date(now.getTime() + 1000) } });

    const results = await getRoundResults(
      round.id,
      { id: "hr", role: "ADMIN", departmentId: null },
      new Date(now.getTime() + 2000),
    );
    if (results?.state !== "closed") throw new Error("The round should be closed.");
    const byName = (name: string) => results.departments.find((d) => d.name === name)!;
    expect(byName(team.name).addedBeforeLaunch).toEqual({ added: 2, invited: 5 });
    // Fifteen days before is not "just before".
    expect(byName(others.name).addedBeforeLaunch).toBeNull();
    expect(results.overall!.addedBeforeLaunch).toEqual({ added: 2, invited: 10 });
    expect(results.roles[0].addedBeforeLaunch).toEqual({ added: 2, invited: 10 });
    expect(results.cells.find((c) => c.departmentId === team.id)!.addedBeforeLaunch).toEqual({ added: 2, invited: 5 });
  });
});
