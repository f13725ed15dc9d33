/**
 * The new-action form offers, and its POST accepts, only what the viewer may act on: the
 * rounds whose results they may see (the results gate decides), and as owner any active login
 * for HR, themselves and their department's other managers for a manager, themselves for a
 * trainer (on an item they edit, also the owner it already has).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAction } from "~/models/actions.server";
import type { SessionUser } from "~/models/users.server";
import * as detail from "~/routes/hr.actions.$actionId";
import * as newAction from "~/routes/hr.actions.new";
import { prisma } from "~/utils/db.server";
import { actionInput, inDays, makeTraining } from "../support/actions";
import { makeDepartment, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { makeRound } from "../support/rounds";

let sales: { id: string };
let admin: SessionUser;
let manager: SessionUser;
let otherManager: SessionUser;
let colleague: SessionUser;
let trainer: SessionUser;
let otherTrainer: SessionUser;
let training: { id: string };
let otherTraining: { id: string };
const rounds: Record<"sales" | "finance" | "training" | "otherTraining", { id: string; name: string }> = {} as never;

beforeAll(async () => {
  sales = await makeDepartment();
  const finance = await makeDepartment();
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER", sales.id);
  otherManager = await makeUser("MANAGER", finance.id);
  colleague = await makeUser("MANAGER", sales.id);
  trainer = await makeUser("TRAINER");
  otherTrainer = await makeUser("TRAINER");
  training = await makeTraining(trainer.id);
  otherTraining = await makeTraining(otherTrainer.id);
  rounds.sales = await makeRound({ name: "Sales pulse", audience: { departmentIds: [sales.id] } });
  rounds.finance = await makeRound({ name: "Finance pulse", audience: { departmentIds: [finance.id] } });
  rounds.training = await makeRound({ name: "My course, before", kind: "TRAINING_PRE", trainingId: training.id });
  rounds.otherTraining = await makeRound({
    name: "Their course, before",
    kind: "TRAINING_PRE",
    trainingId: otherTraining.id,
  });
});

async function formOptions(as: SessionUser) {
  const page = await call(newAction.loader, await makeRequest("/hr/actions/new", { as }));
  expect(page.status).toBe(200);
  const { owners, rounds: listed } = page.data.options as {
    owners: { id: string; email: string }[];
    rounds: { id: string; name: string }[];
  };
  return { owners: owners.map((o) => o.id), rounds: listed.map((r) => r.name), page: JSON.stringify(page.data) };
}

const ours = (names: string[]) => names.filter((name) => Object.values(rounds).some((r) => r.name === name));

describe("what /hr/actions/new lists", () => {
  it("lists every round and every active login for HR", async () => {
    const { owners, rounds: listed } = await formOptions(admin);
    expect(ours(listed).sort()).toEqual(
      Object.values(rounds)
        .map((r) => r.name)
        .sort(),
    );
    for (const user of [admin, manager, otherManager, trainer, otherTrainer]) expect(owners).toContain(user.id);
  });

  it("lists a manager only the rounds of their department, and as owners themselves and their department's managers", async () => {
    const { owners, rounds: listed, page } = await formOptions(manager);
    expect(ours(listed)).toEqual(["Sales pulse"]);
    expect(owners.sort()).toEqual([manager.id, colleague.id].sort());
    for (const hidden of ["Finance pulse", "Their course, before", otherManager.email, trainer.email, admin.email]) {
      expect(page).not.toContain(hidden);
    }
  });

  it("lists a trainer only the rounds of their own trainings and only themselves as owner", async () => {
    const { owners, rounds: listed, page } = await formOptions(trainer);
    expect(ours(listed)).toEqual(["My course, before"]);
    expect(owners).toEqual([trainer.id]);
    for (const hidden of ["Their course, before", "Sales pulse", "Finance pulse", otherTrainer.email, admin.email]) {
      expect(page).not.toContain(hidden);
    }
  });
});

describe("a prefill from the query string", () => {
  it("drops a round whose results the viewer may not see, and keeps one they may", async () => {
    const prefill = async (as: SessionUser, roundId: string) =>
      (await call(newAction.loader, await makeRequest(`/hr/actions/new?roundId=${roundId}`, { as }))).data.prefill;
    expect((await prefill(manager, rounds.finance.id)).roundId).toBe("");
    expect((await prefill(trainer, rounds.otherTraining.id)).roundId).toBe("");
    expect((await prefill(manager, rounds.sales.id)).roundId).toBe(rounds.sales.id);
    expect((await prefill(admin, rounds.otherTraining.id)).roundId).toBe(rounds.otherTraining.id);
  });
});

describe("what a POST to /hr/actions/new accepts", () => {
  const post = async (as: SessionUser, form: Record<string, string>) =>
    call(newAction.action, await makeRequest("/hr/actions/new", { as, form }));
  const forManager = (change: Record<string, string> = {}) => ({
    title: "Scoped item",
    description: "",
    ownerId: manager.id,
    deadline: inDays(5),
    departmentId: sales.id,
    ...change,
  });
  const forTrainer = (change: Record<string, string> = {}) => ({
    title: "Scoped item",
    description: "",
    ownerId: trainer.id,
    deadline: inDays(5),
    trainingId: training.id,
    ...change,
  });

  it.each([
    ["a manager naming another department's round", () => manager, () => forManager({ roundId: rounds.finance.id })],
    ["a manager naming another trainer's round", () => manager, () => forManager({ roundId: rounds.otherTraining.id })],
    ["a manager naming someone else as owner", () => manager, () => forManager({ ownerId: otherManager.id })],
    ["a trainer naming another trainer's round", () => trainer, () => forTrainer({ roundId: rounds.otherTraining.id })],
    ["a trainer naming a department's round", () => trainer, () => forTrainer({ roundId: rounds.sales.id })],
    ["a trainer naming HR as owner", () => trainer, () => forTrainer({ ownerId: admin.id })],
  ])("refuses %s with 403 and stores nothing", async (_case, who, form) => {
    const before = await prisma.actionItem.count();
    const result = await post(who(), form());
    expect(result.status).toBe(403);
    expect(await prisma.actionItem.count()).toBe(before);
  });

  it("accepts what the lists offer: the manager's round and colleague, the trainer's round, HR's any round and owner", async () => {
    expect((await post(manager, forManager({ roundId: rounds.sales.id }))).status).toBe(302);
    expect((await post(manager, forManager({ ownerId: colleague.id }))).status).toBe(302);
    expect((await post(trainer, forTrainer({ roundId: rounds.training.id }))).status).toBe(302);
    const asHr = await post(admin, {
      ...forTrainer({ roundId: rounds.otherTraining.id, ownerId: otherTrainer.id }),
      trainingId: otherTraining.id,
    });
    expect(asHr.status).toBe(302);
  });
});

describe("editing an item HR gave someone else", () => {
  it("keeps its owner listed and accepted for a manager, and refuses another owner with 403", async () => {
    const { id } = await createAction(
      admin,
      actionInput(otherManager.id, { title: "Given by HR", departmentId: sales.id, roundId: rounds.sales.id }),
    );
    const page = await call(detail.loader, await makeRequest(`/hr/actions/${id}`, { as: manager }), { actionId: id });
    expect(page.status).toBe(200);
    expect(page.data.options.owners.map((o: { id: string }) => o.id).sort()).toEqual(
      [manager.id, colleague.id, otherManager.id].sort(),
    );
    const form = {
      intent: "save",
      title: "Given by HR, renamed",
      description: "",
      ownerId: otherManager.id,
      deadline: inDays(9),
      departmentId: sales.id,
      roundId: rounds.sales.id,
    };
    const save = (change: Record<string, string>) =>
      makeRequest(`/hr/actions/${id}`, { as: manager, form: { ...form, ...change } }).then((request) =>
        call(detail.action, request, { actionId: id }),
      );
    expect((await save({})).status).toBe(302);
    expect((await save({ ownerId: trainer.id })).status).toBe(403);
    expect((await save({ roundId: rounds.finance.id })).status).toBe(403);
    expect(await prisma.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Given by HR, renamed",
      ownerId: otherManager.id,
      roundId: rounds.sales.id,
    });
  });
});
