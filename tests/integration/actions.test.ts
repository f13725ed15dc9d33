import { beforeAll, describe, expect, it } from "vitest";
import { parseActionFilter } from "~/domain/action-items";
import { ActionInputError, ActionNotAllowedError, ActionNotFoundError } from "~/models/action-errors.server";
import {
  exportActionsCsv,
  listActionFilterOptions,
  listActions,
  listMyActions,
  listPublishedActions,
} from "~/models/action-lists.server";
import {
  addActionNote,
  createAction,
  getActionDetail,
  setActionPublished,
  updateAction,
} from "~/models/actions.server";
import type { SessionUser } from "~/models/users.server";
import { prisma } from "~/utils/db.server";
import { actionInput, inDays, makeTraining } from "../support/actions";
import { makeDepartment, makeUser } from "../support/fixtures";
import { makeRound } from "../support/rounds";

const DAY = 24 * 3600 * 1000;
const allFilter = parseActionFilter(new URLSearchParams());
const list = async (viewer: SessionUser, query = "") =>
  (
    await listActions(viewer, parseActionFilter(new URLSearchParams(query)), {
      now: new Date(),
      page: 1,
      pageSize: 100,
    })
  ).items;
const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
const counts = async () => ({
  items: await prisma.actionItem.count(),
  notes: await prisma.actionNote.count(),
  audit: await prisma.auditLog.count(),
});

describe("who may do what", () => {
  let sales: { id: string };
  let finance: { id: string };
  let admin: SessionUser;
  let salesManager: SessionUser;
  let financeManager: SessionUser;
  let trainer: SessionUser;
  let otherTrainer: SessionUser;
  let training: { id: string };
  let otherTraining: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sales = await makeDepartment();
    finance = await makeDepartment();
    admin = await makeUser("ADMIN");
    salesManager = await makeUser("MANAGER", sales.id);
    financeManager = await makeUser("MANAGER", finance.id);
    trainer = await makeUser("TRAINER");
    otherTrainer = await makeUser("TRAINER");
    training = await makeTraining(trainer.id);
    otherTraining = await makeTraining(otherTrainer.id);
    ids.sales = (await createAction(admin, actionInput(admin.id, { title: "Sales item", departmentId: sales.id }))).id;
    ids.finance = (
      await createAction(admin, actionInput(admin.id, { title: "Finance item", departmentId: finance.id }))
    ).id;
    ids.training = (
      await createAction(admin, actionInput(admin.id, { title: "Training item", trainingId: training.id }))
    ).id;
    ids.ownedElsewhere = (
      await createAction(
        admin,
        actionInput(salesManager.id, { title: "Owned by the sales manager", departmentId: finance.id }),
      )
    ).id;
  });

  it("gives HR admins every item", async () => {
    for (const id of Object.values(ids)) expect((await getActionDetail(admin, id)).access).toBe("manage");
    expect(await list(admin)).toHaveLength(4);
  });

  it("gives a manager their department's items, and 403 for another department's", async () => {
    expect((await getActionDetail(salesManager, ids.sales)).access).toBe("manage");
    await expect(getActionDetail(salesManager, ids.finance)).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(getActionDetail(salesManager, ids.training)).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(
      updateAction(financeManager, ids.sales, actionInput(admin.id, { departmentId: finance.id })),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(addActionNote(financeManager, ids.sales, { body: "Sneaky", status: "DONE" })).rejects.toBeInstanceOf(
      ActionNotAllowedError,
    );
    expect(titles(await list(financeManager))).toEqual(["Finance item", "Owned by the sales manager"]);
  });

  it("gives a trainer the items of their trainings only", async () => {
    expect((await getActionDetail(trainer, ids.training)).access).toBe("manage");
    await expect(getActionDetail(otherTrainer, ids.training)).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(getActionDetail(trainer, ids.sales)).rejects.toBeInstanceOf(ActionNotAllowedError);
    expect(titles(await list(trainer))).toEqual(["Training item"]);
    expect(await list(otherTrainer)).toEqual([]);
  });

  it("lets an owner outside the scope read and add notes to their item, but not edit it", async () => {
    const detail = await getActionDetail(salesManager, ids.ownedElsewhere);
    expect(detail.access).toBe("follow");
    await addActionNote(salesManager, ids.ownedElsewhere, { body: "Started", status: "IN_PROGRESS" });
    await expect(
      updateAction(
        salesManager,
        ids.ownedElsewhere,
        actionInput(salesManager.id, { title: "Renamed", departmentId: finance.id }),
      ),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    expect(titles(await list(salesManager))).toEqual(["Owned by the sales manager", "Sales item"]);
  });

  it("refuses a manager who filters by another department", async () => {
    await expect(
      listActions(salesManager, parseActionFilter(new URLSearchParams(`department=${finance.id}`)), {
        now: new Date(),
        page: 1,
        pageSize: 10,
      }),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(
      exportActionsCsv(salesManager, parseActionFilter(new URLSearchParams(`department=${finance.id}`))),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
  });

  it("lets managers create only in their department and trainers only for their trainings", async () => {
    const before = await counts();
    await expect(
      createAction(salesManager, actionInput(salesManager.id, { departmentId: finance.id })),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(createAction(salesManager, actionInput(salesManager.id))).rejects.toBeInstanceOf(
      ActionNotAllowedError,
    );
    await expect(
      createAction(trainer, actionInput(trainer.id, { trainingId: otherTraining.id })),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    await expect(createAction(trainer, actionInput(trainer.id, { departmentId: sales.id }))).rejects.toBeInstanceOf(
      ActionNotAllowedError,
    );
    expect(await counts()).toEqual(before);

    const mine = await createAction(
      salesManager,
      actionInput(salesManager.id, { departmentId: sales.id, trainingId: otherTraining.id }),
    );
    expect((await getActionDetail(salesManager, mine.id)).access).toBe("manage");
    // A trainer owns what they plan; giving it to someone else is HR's to do.
    await expect(
      createAction(trainer, actionInput(financeManager.id, { trainingId: training.id, departmentId: finance.id })),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    const ours = await createAction(
      trainer,
      actionInput(trainer.id, { trainingId: training.id, departmentId: finance.id }),
    );
    expect((await getActionDetail(trainer, ours.id)).access).toBe("manage");
    expect((await getActionDetail(financeManager, ours.id)).access).toBe("manage");
  });

  it("refuses a manager moving an item out of their department, changing nothing", async () => {
    const item = await createAction(
      salesManager,
      actionInput(salesManager.id, { title: "Stay here", departmentId: sales.id }),
    );
    await expect(
      updateAction(salesManager, item.id, actionInput(salesManager.id, { title: "Moved", departmentId: finance.id })),
    ).rejects.toBeInstanceOf(ActionNotAllowedError);
    expect(await prisma.actionItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      title: "Stay here",
      departmentId: sales.id,
    });
  });

  it("leaves publishing to HR admins, and logs it", async () => {
    await expect(setActionPublished(salesManager, ids.sales, true)).rejects.toBeInstanceOf(ActionNotAllowedError);
    await setActionPublished(admin, ids.sales, true);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: ids.sales } })).published).toBe(true);
    await setActionPublished(admin, ids.sales, false);
    const log = await prisma.auditLog.findMany({
      where: { target: "Sales item", action: { in: ["action.publish", "action.unpublish"] } },
      orderBy: { id: "asc" },
    });
    expect(log.map((e) => [e.action, e.actorEmail])).toEqual([
      ["action.publish", admin.email],
      ["action.unpublish", admin.email],
    ]);
  });

  it("says so when an item does not exist", async () => {
    await expect(getActionDetail(admin, "nope")).rejects.toBeInstanceOf(ActionNotFoundError);
    await expect(addActionNote(admin, "nope", { body: "x", status: null })).rejects.toBeInstanceOf(ActionNotFoundError);
  });
});

describe("progress notes", () => {
  it("keeps who said what, when, and the status each note moved the item to", async () => {
    const admin = await makeUser("ADMIN");
    const owner = await makeUser("TRAINER");
    const { id } = await createAction(admin, actionInput(owner.id, { title: "Rota" }));
    await addActionNote(owner, id, { body: "Talked to the team", status: null });
    await addActionNote(admin, id, { body: "Started", status: "IN_PROGRESS" });
    await addActionNote(admin, id, { body: "Still going", status: "IN_PROGRESS" });
    await addActionNote(owner, id, { body: "Finished", status: "DONE" });

    const { item, notes } = await getActionDetail(admin, id);
    expect(item.status).toBe("DONE");
    expect(notes.map((n) => [n.author.name, n.body, n.status])).toEqual([
      [owner.name, "Finished", "DONE"],
      [admin.name, "Still going", null],
      [admin.name, "Started", "IN_PROGRESS"],
      [owner.name, "Talked to the team", null],
    ]);
    expect(notes.every((n) => n.createdAt instanceof Date)).toBe(true);
    const log = await prisma.auditLog.findMany({
      where: { action: "action.note", target: "Rota" },
      orderBy: { id: "asc" },
    });
    expect(log.map((e) => e.details)).toEqual(["", "status Planned -> In progress", "", "status In progress -> Done"]);
  });
});

describe("bad input", () => {
  it("stores nothing for an inactive owner, an unknown group or round, or a deadline in the past", async () => {
    const admin = await makeUser("ADMIN");
    const gone = await makeUser("MANAGER", (await makeDepartment()).id);
    await prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    const before = await counts();
    const refusal = async (input: ReturnType<typeof actionInput>) => {
      const error = await createAction(admin, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionInputError);
      return { field: (error as ActionInputError).field, message: (error as ActionInputError).message };
    };
    expect(await refusal(actionInput(gone.id))).toEqual({
      field: "ownerId",
      message: "Choose an owner with an active login.",
    });
    expect(await refusal(actionInput("no-such-user"))).toMatchObject({ field: "ownerId" });
    expect(await refusal(actionInput(admin.id, { departmentId: "no-such-department" }))).toEqual({
      field: "departmentId",
      message: "Choose a department from the list.",
    });
    expect(await refusal(actionInput(admin.id, { roundId: "no-such-round" }))).toMatchObject({ field: "roundId" });
    expect(await refusal(actionInput(admin.id, { roleId: "no-such-role" }))).toMatchObject({ field: "roleId" });
    expect(await refusal(actionInput(admin.id, { trainingId: "no-such-training" }))).toMatchObject({
      field: "trainingId",
    });
    expect(await refusal(actionInput(admin.id, { deadline: inDays(-1) }))).toEqual({
      field: "deadline",
      message: "The deadline cannot be in the past.",
    });
    expect(await counts()).toEqual(before);
  });

  it("leaves an item as it was when an edit is refused", async () => {
    const admin = await makeUser("ADMIN");
    const { id } = await createAction(admin, actionInput(admin.id, { title: "Original", deadline: inDays(3) }));
    const before = await counts();
    await expect(
      updateAction(admin, id, actionInput(admin.id, { title: "Changed", departmentId: "missing" })),
    ).rejects.toBeInstanceOf(ActionInputError);
    await expect(
      updateAction(admin, id, actionInput(admin.id, { title: "Changed", deadline: inDays(-2) })),
    ).rejects.toBeInstanceOf(ActionInputError);
    expect(await prisma.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Original" });
    expect(await counts()).toEqual(before);
  });

  it("lets an edit keep a deadline that has since passed", async () => {
    const admin = await makeUser("ADMIN");
    const tenDaysAgo = new Date(Date.now() - 10 * DAY);
    const { id } = await createAction(
      admin,
      actionInput(admin.id, { title: "Late", deadline: inDays(-3) }),
      tenDaysAgo,
    );
    await updateAction(admin, id, actionInput(admin.id, { title: "Late but renamed", deadline: inDays(-3) }));
    const { item } = await getActionDetail(admin, id);
    expect(item).toMatchObject({ title: "Late but renamed", deadline: inDays(-3), overdue: true });
    const log = await prisma.auditLog.findFirstOrThrow({
      where: { action: "action.update", target: "Late but renamed" },
    });
    expect(log.details).toBe("changed title");
  });
});

describe("the list", () => {
  it("filters by owner, status, department, round and overdue", async () => {
    const admin = await makeUser("ADMIN");
    const other = await makeUser("ADMIN");
    const department = await makeDepartment();
    const round = await makeRound();
    const tenDaysAgo = new Date(Date.now() - 10 * DAY);
    const late = await createAction(
      admin,
      actionInput(admin.id, { title: "F late", deadline: inDays(-1), roundId: round.id }),
      tenDaysAgo,
    );
    const lateButDone = await createAction(
      admin,
      actionInput(other.id, { title: "F late but done", deadline: inDays(-1) }),
      tenDaysAgo,
    );
    await addActionNote(admin, lateButDone.id, { body: "Done", status: "DONE" });
    await createAction(
      admin,
      actionInput(other.id, { title: "F today", deadline: inDays(0), departmentId: department.id }),
    );

    const listed = await list(admin, "");
    expect(listed.filter((i) => i.title.startsWith("F ")).map((i) => [i.title, i.overdue])).toEqual([
      ["F late", true],
      ["F late but done", false],
      ["F today", false],
    ]);
    expect(titles(await list(admin, "overdue=1")).filter((t) => t.startsWith("F "))).toEqual(["F late"]);
    expect(titles(await list(admin, `owner=${other.id}`))).toEqual(["F late but done", "F today"]);
    expect(titles(await list(admin, `owner=${other.id}&status=OPEN`))).toEqual(["F today"]);
    expect(titles(await list(admin, `owner=${other.id}&status=DONE`))).toEqual(["F late but done"]);
    expect(titles(await list(admin, `department=${department.id}`))).toEqual(["F today"]);
    expect(titles(await list(admin, `round=${round.id}`))).toEqual(["F late"]);
    expect(late.id).toBeTruthy();
  });
});

describe("CSV export", () => {
  it("neutralises formulas, keeps markup as text and logs the export", async () => {
    const admin = await makeUser("ADMIN");
    const { id } = await createAction(
      admin,
      actionInput(admin.id, { title: "=cmd|' /C calc'!A0", description: "<script>alert('x')</script>" }),
    );
    await addActionNote(admin, id, { body: "+1 from the team, see @here", status: null });
    const csv = await exportActionsCsv(admin, parseActionFilter(new URLSearchParams(`owner=${admin.id}`)));
    const line = csv.split("\r\n")[1];
    expect(line.startsWith(`"'=cmd|' /C calc'!A0","Planned",`)).toBe(true);
    expect(line).toContain(`,"<script>alert('x')</script>","'+1 from the team, see @here"`);
    const log = await prisma.auditLog.findFirstOrThrow({ where: { action: "actions.export", actorId: admin.id } });
    expect(log.details).toBe("1 items");
  });

  it("exports only what the viewer may see", async () => {
    const admin = await makeUser("ADMIN");
    const department = await makeDepartment();
    const manager = await makeUser("MANAGER", department.id);
    await createAction(admin, actionInput(admin.id, { title: "Theirs", departmentId: department.id }));
    await createAction(admin, actionInput(admin.id, { title: "Not theirs" }));
    const csv = await exportActionsCsv(manager, allFilter);
    expect(csv).toContain("Theirs");
    expect(csv).not.toContain("Not theirs");
  });
});

describe("home page and published page", () => {
  it("lists a user's open items, soonest first, with overdue ones marked", async () => {
    const admin = await makeUser("ADMIN");
    const owner = await makeUser("TRAINER");
    const tenDaysAgo = new Date(Date.now() - 10 * DAY);
    await createAction(admin, actionInput(owner.id, { title: "Later", deadline: inDays(20) }));
    await createAction(admin, actionInput(owner.id, { title: "Late", deadline: inDays(-2) }), tenDaysAgo);
    const done = await createAction(admin, actionInput(owner.id, { title: "Finished" }));
    await addActionNote(owner, done.id, { body: "Done", status: "DONE" });
    await createAction(admin, actionInput(admin.id, { title: "Someone else's" }));
    const mine = await listMyActions(owner);
    expect(mine.total).toBe(2);
    expect(mine.items.map((i) => [i.title, i.overdue])).toEqual([
      ["Late", true],
      ["Later", false],
    ]);
  });

  it("shows employees published items with their status and latest note, and nothing about people", async () => {
    const admin = await makeUser("ADMIN");
    const department = await makeDepartment();
    const { id } = await createAction(
      admin,
      actionInput(admin.id, { title: "Quieter office", departmentId: department.id }),
    );
    await createAction(admin, actionInput(admin.id, { title: "Not for everyone" }));
    await addActionNote(admin, id, { body: "Ordered panels", status: "IN_PROGRESS" });
    await addActionNote(admin, id, { body: "Panels are up", status: "DONE" });
    await setActionPublished(admin, id, true);
    const published = await listPublishedActions();
    expect(published).toEqual([
      expect.objectContaining({
        title: "Quieter office",
        status: "DONE",
        department: { name: department.name },
        latestNote: expect.objectContaining({ body: "Panels are up" }),
      }),
    ]);
    expect(JSON.stringify(published)).not.toContain(admin.email);
    expect(JSON.stringify(published)).not.toContain(admin.name);
  });
});

describe("the list's filter choices", () => {
  it("offers a manager only their own department, even when they own items elsewhere", async () => {
    const admin = await makeUser("ADMIN");
    const own = await makeDepartment();
    const other = await makeDepartment();
    const manager = await makeUser("MANAGER", own.id);
    const round = await makeRound();
    await createAction(admin, actionInput(manager.id, { departmentId: own.id }));
    await createAction(admin, actionInput(manager.id, { departmentId: other.id, roundId: round.id }));
    const options = await listActionFilterOptions(manager);
    expect(options.departments).toEqual([{ id: own.id, name: own.name }]);
    expect(options.owners).toEqual([{ id: manager.id, name: manager.name }]);
    expect(options.rounds).toEqual([{ id: round.id, name: round.name }]);
  });
});
