import { beforeAll, describe, expect, it } from "vitest";
import { sendActionDigests } from "~/models/action-digest.server";
import { addActionNote, createAction } from "~/models/actions.server";
import type { SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { actionInput, inDays } from "../support/actions";
import { makeUser } from "../support/fixtures";

const DAY = 24 * 3600 * 1000;
const digestsTo = (email: string) =>
  prisma.outboxMessage.findMany({
    where: { kind: "DIGEST", to: email },
    orderBy: { id: "asc" },
    select: { subject: true, body: true },
  });

describe("the owners' digest", () => {
  let admin: SessionUser;
  let ana: SessionUser;
  let bo: SessionUser;
  let gone: SessionUser;
  let quiet: SessionUser;

  beforeAll(async () => {
    admin = await makeUser("ADMIN");
    ana = await makeUser("TRAINER");
    bo = await makeUser("TRAINER");
    gone = await makeUser("TRAINER");
    quiet = await makeUser("TRAINER");
    const tenDaysAgo = new Date(Date.now() - 10 * DAY);
    await createAction(admin, actionInput(ana.id, { title: "Overdue <b>rota</b>", deadline: inDays(-2) }), tenDaysAgo);
    await createAction(admin, actionInput(ana.id, { title: "=Due this week", deadline: inDays(7) }));
    await createAction(admin, actionInput(ana.id, { title: "Due next month", deadline: inDays(30) }));
    const done = await createAction(
      admin,
      actionInput(ana.id, { title: "Late but done", deadline: inDays(-1) }),
      tenDaysAgo,
    );
    await addActionNote(admin, done.id, { body: "Finished", status: "DONE" });
    await createAction(admin, actionInput(bo.id, { title: "Due today", deadline: inDays(0) }));
    await createAction(admin, actionInput(gone.id, { title: "Owner left", deadline: inDays(1) }));
    await prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    await createAction(admin, actionInput(quiet.id, { title: "Far away", deadline: inDays(8) }));
  });

  it("sends each active owner with something due one message, as plain text", async () => {
    const run = await sendActionDigests(new Date(), {
      baseUrl: "https://candor.example.com",
      actor: { id: admin.id, email: admin.email },
    });
    expect(run).toEqual({ owners: 2, queued: 2, skipped: 0, sent: 0, failed: 0 });

    const [toAna] = await digestsTo(ana.email);
    expect(toAna.subject).toBe("Candor: 1 action is overdue, 1 action is due within 7 days");
    expect(toAna.body).toMatch(
      /Overdue:\n- Overdue <b>rota<\/b> \(due .+, planned\)\n {2}https:\/\/candor\.example\.com\/hr\/actions\/\w+/,
    );
    expect(toAna.body).toMatch(/Due within 7 days:\n- =Due this week \(due .+, planned\)/);
    expect(toAna.body).not.toContain("Due next month");
    expect(toAna.body).not.toContain("Late but done");
    expect((await digestsTo(bo.email)).map((m) => m.subject)).toEqual(["Candor: 1 action is due within 7 days"]);
    expect(await digestsTo(gone.email)).toEqual([]);
    expect(await digestsTo(quiet.email)).toEqual([]);

    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "actions.digest" } });
    expect(log).toMatchObject({ actorEmail: admin.email, details: "2 digests, 0 owners already had today's" });
  });

  it("sends nobody a second digest on the same day", async () => {
    const again = await sendActionDigests(new Date());
    expect(again).toMatchObject({ owners: 2, queued: 0, skipped: 2 });
    expect(await digestsTo(ana.email)).toHaveLength(1);
    expect(await digestsTo(bo.email)).toHaveLength(1);
    const log = await prisma.auditLog.findFirstOrThrow({
      where: { action: "actions.digest" },
      orderBy: { id: "desc" },
    });
    expect(log).toMatchObject({ actorEmail: "daily digest", details: "0 digests, 2 owners already had today's" });
  });

  it("sends again the next day, with the items due by then", async () => {
    const tomorrow = new Date(Date.now() + DAY);
    const run = await sendActionDigests(tomorrow);
    expect(run).toMatchObject({ owners: 3, queued: 3, skipped: 0 });
    expect(await digestsTo(ana.email)).toHaveLength(2);
    const [toQuiet] = await digestsTo(quiet.email);
    expect(toQuiet.body).toContain("Far away");
  });
});
