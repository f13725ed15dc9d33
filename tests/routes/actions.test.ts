import { beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/models/actions.server";
import type { SessionUser } from "~/models/users.server";
import * as home from "~/routes/hr._index";
import * as detail from "~/routes/hr.actions.$actionId";
import * as list from "~/routes/hr.actions._index";
import * as newAction from "~/routes/hr.actions.new";
import * as csv from "~/routes/hr.actions[.csv]";
import { prisma } from "~/utils/db.server";
import { actionInput, inDays, makeTraining } from "../support/actions";
import { makeDepartment, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { makeRound } from "../support/rounds";

let sales: { id: string };
let finance: { id: string };
let admin: SessionUser;
let manager: SessionUser;
let trainer: SessionUser;
let training: { id: string };
let salesItem: string;
let financeItem: string;
let otherTrainingItem: string;

beforeAll(async () => {
  sales = await makeDepartment();
  finance = await makeDepartment();
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER", sales.id);
  trainer = await makeUser("TRAINER");
  training = await makeTraining(trainer.id);
  const otherTraining = await makeTraining((await makeUser("TRAINER")).id);
  salesItem = (await createAction(admin, actionInput(admin.id, { title: "Sales item", departmentId: sales.id }))).id;
  financeItem = (await createAction(admin, actionInput(admin.id, { title: "Finance item", departmentId: finance.id })))
    .id;
  otherTrainingItem = (
    await createAction(admin, actionInput(admin.id, { title: "Other training item", trainingId: otherTraining.id }))
  ).id;
});

const post = async (
  handler: typeof newAction.action,
  path: string,
  as: SessionUser,
  form: Record<string, string>,
  params = {},
) => call(handler, await makeRequest(path, { as, form }), params);
const stored = () => prisma.actionItem.count();

describe("creating an item", () => {
  const valid = () => ({
    title: "Fix the rota",
    description: "",
    ownerId: manager.id,
    deadline: inDays(5),
    departmentId: sales.id,
  });

  it("creates an item for the manager's department and opens it", async () => {
    const result = await post(newAction.action, "/hr/actions/new", manager, valid());
    expect(result.status).toBe(302);
    const id = result.headers.get("Location")!.split("/").pop()!;
    expect(await prisma.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Fix the rota",
      ownerId: manager.id,
      departmentId: sales.id,
      createdById: manager.id,
      status: "PLANNED",
    });
    expect(await prisma.auditLog.count({ where: { action: "action.create", actorId: manager.id } })).toBe(1);
  });

  it.each([
    ["no owner", { ownerId: "" }, "ownerId", "Choose an owner."],
    ["a deadline in the past", { deadline: inDays(-1) }, "deadline", "The deadline cannot be in the past."],
    ["a title over 200 characters", { title: "x".repeat(201) }, "title", "Title must be at most 200 characters."],
    ["an owner who cannot sign in", { ownerId: "nobody" }, "ownerId", "Choose an owner with an active login."],
  ])("refuses %s with 400, a message next to the field, and stores nothing", async (_case, change, field, message) => {
    const before = await stored();
    const result = await post(newAction.action, "/hr/actions/new", manager, { ...valid(), ...change });
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({ [field]: message });
    expect(result.data.values).toMatchObject({ title: (change as { title?: string }).title ?? "Fix the rota" });
    expect(await stored()).toBe(before);
  });

  it("answers 403 to a manager creating for another department", async () => {
    const before = await stored();
    const result = await post(newAction.action, "/hr/actions/new", manager, { ...valid(), departmentId: finance.id });
    expect(result.status).toBe(403);
    expect(await stored()).toBe(before);
  });

  it("prefills the round and the group from a results page", async () => {
    // A round the manager's department took part in: one whose results they may see.
    const round = await makeRound({ audience: { departmentIds: [sales.id] } });
    const page = await call(
      newAction.loader,
      await makeRequest(`/hr/actions/new?roundId=${round.id}&departmentId=${sales.id}&roleId=bogus`, { as: manager }),
    );
    expect(page.status).toBe(200);
    // Nobody answered that round, so there is no score to start the description with.
    expect(page.data.prefill).toEqual({
      roundId: round.id,
      departmentId: sales.id,
      roleId: "",
      trainingId: "",
      ownerId: manager.id,
      description: "",
    });
    expect(page.data.options.departments).toEqual([expect.objectContaining({ id: sales.id })]);
  });

  it("answers 403 to a prefill of another department or someone else's training", async () => {
    expect(
      (await call(newAction.loader, await makeRequest(`/hr/actions/new?departmentId=${finance.id}`, { as: manager })))
        .status,
    ).toBe(403);
    const otherTraining = await makeTraining(admin.id);
    expect(
      (
        await call(
          newAction.loader,
          await makeRequest(`/hr/actions/new?trainingId=${otherTraining.id}`, { as: trainer }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await call(newAction.loader, await makeRequest(`/hr/actions/new?trainingId=${training.id}`, { as: trainer })))
        .status,
    ).toBe(200);
  });
});

describe("an item's page", () => {
  it("shows the item to a manager of its department", async () => {
    const page = await call(detail.loader, await makeRequest(`/hr/actions/${salesItem}`, { as: manager }), {
      actionId: salesItem,
    });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ item: { title: "Sales item" }, access: "manage", mayPublish: false });
  });

  it("answers 403 to a manager of another department, for reading and for writing", async () => {
    const params = { actionId: financeItem };
    expect(
      (await call(detail.loader, await makeRequest(`/hr/actions/${financeItem}`, { as: manager }), params)).status,
    ).toBe(403);
    const note = await post(
      detail.action,
      `/hr/actions/${financeItem}`,
      manager,
      { intent: "note", body: "Mine now", status: "DONE" },
      params,
    );
    expect(note.status).toBe(403);
    expect(await prisma.actionNote.count({ where: { actionItemId: financeItem } })).toBe(0);
  });

  it("answers 403 to a trainer for an item that is not of their training", async () => {
    const params = { actionId: otherTrainingItem };
    expect((await call(detail.loader, await makeRequest("/hr/actions/x", { as: trainer }), params)).status).toBe(403);
    expect((await post(detail.action, "/hr/actions/x", trainer, { intent: "publish" }, params)).status).toBe(403);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect(
      (await call(detail.loader, await makeRequest("/hr/actions/x", { as: admin }), { actionId: "missing" })).status,
    ).toBe(404);
    expect(
      (await call(detail.loader, await makeRequest("/hr/actions/x", { as: admin }), { actionId: "../x" })).status,
    ).toBe(404);
    expect(
      (await post(detail.action, "/hr/actions/x", admin, { intent: "note", body: "x" }, { actionId: "missing" }))
        .status,
    ).toBe(404);
  });

  it("adds a note that moves the item to done", async () => {
    const { id } = await createAction(manager, actionInput(manager.id, { departmentId: sales.id }));
    const result = await post(
      detail.action,
      `/hr/actions/${id}`,
      manager,
      { intent: "note", body: "All done", status: "DONE" },
      { actionId: id },
    );
    expect(result.status).toBe(302);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
  });

  it("refuses an empty note next to its field", async () => {
    const result = await post(
      detail.action,
      `/hr/actions/${salesItem}`,
      admin,
      { intent: "note", body: " ", status: "DONE" },
      { actionId: salesItem },
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "note", errors: { body: "Note is required." } });
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: salesItem } })).status).toBe("PLANNED");
  });

  it("saves an edit and refuses one with a title over 200 characters", async () => {
    const { id } = await createAction(admin, actionInput(admin.id, { title: "Before" }));
    const form = {
      intent: "save",
      title: "After",
      description: "Why",
      ownerId: manager.id,
      deadline: inDays(9),
      departmentId: sales.id,
    };
    expect((await post(detail.action, `/hr/actions/${id}`, admin, form, { actionId: id })).status).toBe(302);
    const tooLong = await post(
      detail.action,
      `/hr/actions/${id}`,
      admin,
      { ...form, title: "y".repeat(201) },
      { actionId: id },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.errors).toEqual({ title: "Title must be at most 200 characters." });
    expect(await prisma.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "After",
      ownerId: manager.id,
    });
  });

  it("publishes only for HR, after the confirmation page", async () => {
    const asManager = await post(
      detail.action,
      `/hr/actions/${salesItem}`,
      manager,
      { intent: "publish" },
      { actionId: salesItem },
    );
    expect(asManager.status).toBe(403);
    const confirm = await call(
      detail.loader,
      await makeRequest(`/hr/actions/${salesItem}?confirm=publish`, { as: admin }),
      { actionId: salesItem },
    );
    expect(confirm.data.confirmPublish).toBe(true);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: salesItem } })).published).toBe(false);
    const published = await post(
      detail.action,
      `/hr/actions/${salesItem}`,
      admin,
      { intent: "publish" },
      { actionId: salesItem },
    );
    expect(published.status).toBe(302);
    expect((await prisma.actionItem.findUniqueOrThrow({ where: { id: salesItem } })).published).toBe(true);
  });
});

describe("the list, its export and the digest button", () => {
  it("shows a manager their department's items and 403 for another department's filter", async () => {
    const page = await call(list.loader, await makeRequest("/hr/actions", { as: manager }));
    expect(page.data.items.map((i: { title: string }) => i.title)).not.toContain("Finance item");
    expect(page.data.items.map((i: { title: string }) => i.title)).toContain("Sales item");
    expect(
      (await call(list.loader, await makeRequest(`/hr/actions?department=${finance.id}`, { as: manager }))).status,
    ).toBe(403);
  });

  it("exports the filtered list as CSV and logs the export", async () => {
    const result = await call(csv.loader, await makeRequest(`/hr/actions.csv?department=${finance.id}`, { as: admin }));
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="actions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(result.text).toContain("Finance item");
    expect(result.text).not.toContain("Sales item");
    expect(await prisma.auditLog.count({ where: { action: "actions.export", actorId: admin.id } })).toBeGreaterThan(0);
  });

  it("sends digests for HR only", async () => {
    expect((await post(list.action, "/hr/actions?index", manager, { intent: "send-digests" })).status).toBe(403);
    const sent = await post(list.action, "/hr/actions?index", admin, { intent: "send-digests" });
    expect(sent.status).toBe(302);
    expect(await prisma.auditLog.count({ where: { action: "actions.digest", actorId: admin.id } })).toBe(1);
  });

  it("shows a user's own open items on the home page", async () => {
    const owner = await makeUser("TRAINER");
    await createAction(admin, actionInput(owner.id, { title: "Owner's item", deadline: inDays(2) }));
    const page = await call(home.loader, await makeRequest("/hr", { as: owner }));
    expect(page.data.myActions).toMatchObject({
      total: 1,
      ownerId: owner.id,
      items: [{ title: "Owner's item", overdue: false }],
    });
  });
});
