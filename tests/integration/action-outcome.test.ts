import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayOf } from "~/domain/action-items";
import type { ActionOutcome } from "~/domain/action-outcome";
import { getActionOutcome, getScoreLine } from "~/models/action-outcome.server";
import type { ResultsViewer } from "~/models/results/index.server";
import { makeTraining } from "../support/actions";
import { makeDepartment, makeRole, makeUser } from "../support/fixtures";
import { addResponses, makeRound, scores } from "../support/rounds";

const day = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);
const dayAgo = (n: number) => addDays(todayOf(new Date()), -n);

const admin: ResultsViewer = { id: "admin", role: "ADMIN", departmentId: null };

// Worked out by hand with the adjusted Wald interval (n' = n + 3, p' = (P + 0.75) / n'):
//   BEFORE 0,0,0,0,0,6,7,8,9,10:  P 2, D 6, NPS -40, SE 100 * sqrt((0.7308 - 0.3077^2) / 13) = 22.1202
//   BETTER 9,9,9,9,9,10,10,8,7,3: P 7, D 1, NPS +60, SE 19.9567
//   SLIGHT 0,0,0,0,6,7,7,8,9,10:  P 2, D 5, NPS -30, SE 21.4940
// BEFORE -> BETTER: adjusted -30.7692 -> +46.1538, 76.9231 / sqrt(22.1202^2 + 19.9567^2) = 76.9231 / 29.7917
//   = 2.5820: p = 0.0098, a clear change (the item's one question, tested alone).
// BEFORE -> SLIGHT: adjusted -23.0769, 7.6923 / 30.8430 = 0.2494: p = 0.803, within the noise.
const BEFORE = [0, 0, 0, 0, 0, 6, 7, 8, 9, 10];
const BETTER = [9, 9, 9, 9, 9, 10, 10, 8, 7, 3];
const SLIGHT = [0, 0, 0, 0, 6, 7, 7, 8, 9, 10];
const STEADY = [9, 9, 9, 8, 8, 8, 7, 6, 5, 10];

let sales: { id: string; name: string };
let finance: { id: string; name: string };
let engineer: { id: string; name: string };
let q1: { id: string };
let q3: { id: string };
let pulse: { id: string };
let trainingRounds: { pre: { id: string }; post: { id: string }; trainerId: string };

/** A closed round sent to Sales and Finance, whose engineers answer (each group shown unless too small). */
async function closedRound(
  kind: string,
  closedDaysAgo: number,
  salesScores: number[],
  extra: { trainingId?: string } = {},
) {
  const audience = { departmentIds: [sales.id, finance.id] };
  const round = await makeRound({
    kind,
    state: "closed",
    closesAt: daysAgo(closedDaysAgo),
    name: `${kind} ${closedDaysAgo}`,
    audience,
    ...extra,
  });
  await addResponses(round, [
    ...scores(sales.id, engineer.id, salesScores),
    ...scores(finance.id, engineer.id, STEADY),
  ]);
  return round;
}

beforeAll(async () => {
  sales = await makeDepartment("Sales");
  finance = await makeDepartment("Finance");
  engineer = await makeRole("Engineer");
  q1 = await closedRound("PERIODIC", 200, BEFORE);
  pulse = await closedRound("PULSE", 180, BEFORE);
  await closedRound("PERIODIC", 150, BETTER);
  q3 = await closedRound("PERIODIC", 100, [10, 10, 10]);
  await closedRound("PERIODIC", 50, SLIGHT);
  const trainer = await makeUser("TRAINER");
  const training = await makeTraining(trainer.id);
  trainingRounds = {
    pre: await closedRound("TRAINING_PRE", 60, BEFORE, { trainingId: training.id }),
    post: await closedRound("TRAINING_POST", 5, BETTER, { trainingId: training.id }),
    trainerId: trainer.id,
  };
});

const salesItem = (roundId: string | null, deadline: string) => ({
  roundId,
  departmentId: sales.id,
  roleId: null,
  deadline,
});

function compared(outcome: ActionOutcome) {
  if (outcome.state !== "compared") throw new Error(`expected a comparison, got ${outcome.state}`);
  return outcome;
}

describe("did it work?", () => {
  it("compares the group in its round and in the latest periodic round after the deadline, a clear change", async () => {
    const outcome = compared(await getActionOutcome(admin, salesItem(q1.id, dayAgo(170)), daysAgo(120)));
    expect(outcome.group).toBe("Sales");
    expect(outcome.origin.name).toBe("PERIODIC 200");
    expect(outcome.followUp.name).toBe("PERIODIC 150");
    expect(outcome.before).toMatchObject({ n: 10, nps: -40 });
    expect(outcome.before.se).toBeCloseTo(22.1202, 3);
    expect(outcome.after).toMatchObject({ n: 10, nps: 60 });
    expect(outcome.after.se).toBeCloseTo(19.9567, 3);
    expect(outcome.change.delta).toBe(100);
    expect(outcome.change.se).toBeCloseTo(29.7917, 3);
    expect(outcome.change.p).toBeCloseTo(0.0098, 4);
    expect(outcome.change).toMatchObject({ verdict: "change", control: { method: "alone" } });
  });

  it("calls a change chance could well give within the noise", async () => {
    const outcome = compared(await getActionOutcome(admin, salesItem(q1.id, dayAgo(170))));
    expect(outcome.followUp.name).toBe("PERIODIC 50");
    expect(outcome.after).toMatchObject({ n: 10, nps: -30 });
    expect(outcome.change.delta).toBe(10);
    expect(outcome.change.se).toBeCloseTo(30.843, 3);
    expect(outcome.change.p).toBeCloseTo(0.803, 3);
    expect(outcome.change.verdict).toBe("noise");
  });

  it("gives no figure for a group the gate withholds in the later round, nor a change", async () => {
    const outcome = await getActionOutcome(admin, salesItem(q1.id, dayAgo(170)), daysAgo(80));
    expect(outcome).toMatchObject({ state: "follow-up-withheld", followUp: { id: q3.id, k: 5 }, before: { nps: -40 } });
    expect(JSON.stringify(outcome)).not.toContain('"after"');
  });

  it("gives no figure at all when the group is withheld in the round the item came from", async () => {
    expect(await getActionOutcome(admin, salesItem(q3.id, dayAgo(90)))).toEqual({
      state: "origin-withheld",
      group: "Sales",
      origin: { id: q3.id, name: "PERIODIC 100", k: 5 },
    });
  });

  it("waits for a round after the deadline, and for the round itself to close", async () => {
    expect(await getActionOutcome(admin, salesItem(q1.id, dayAgo(-10)))).toMatchObject({
      state: "no-follow-up",
      series: "periodic",
    });
    const open = await makeRound({ state: "open" });
    expect(await getActionOutcome(admin, salesItem(open.id, dayAgo(-10)))).toMatchObject({ state: "origin-open" });
    expect(await getActionOutcome(admin, salesItem(null, dayAgo(-10)))).toEqual({ state: "no-round" });
  });

  it("follows a pulse item up with periodic eNPS", async () => {
    const outcome = compared(await getActionOutcome(admin, salesItem(pulse.id, dayAgo(170)), daysAgo(120)));
    expect(outcome.followUp.name).toBe("PERIODIC 150");
  });

  it("follows a training item up with that training's later round, for its trainer only", async () => {
    const item = { roundId: trainingRounds.pre.id, departmentId: null, roleId: null, deadline: dayAgo(30) };
    const trainer: ResultsViewer = { id: trainingRounds.trainerId, role: "TRAINER", departmentId: null };
    const outcome = compared(await getActionOutcome(trainer, item));
    expect(outcome.group).toBe("Everyone");
    expect(outcome.followUp.id).toBe(trainingRounds.post.id);
    const otherTrainer: ResultsViewer = { id: "someone-else", role: "TRAINER", departmentId: null };
    expect(await getActionOutcome(otherTrainer, item)).toEqual({ state: "not-visible" });
  });

  it("shows a manager only their own department's figures, as the results page does", async () => {
    const salesManager: ResultsViewer = { id: "m1", role: "MANAGER", departmentId: sales.id };
    const financeManager: ResultsViewer = { id: "m2", role: "MANAGER", departmentId: finance.id };
    expect((await getActionOutcome(salesManager, salesItem(q1.id, dayAgo(170)))).state).toBe("compared");
    expect(await getActionOutcome(financeManager, salesItem(q1.id, dayAgo(170)))).toEqual({ state: "not-visible" });
    const wholeRound = { roundId: q1.id, departmentId: null, roleId: null, deadline: dayAgo(170) };
    expect(await getActionOutcome(salesManager, wholeRound)).toEqual({ state: "not-visible" });
  });
});

describe("the score a new item starts with", () => {
  it("states a shown group's eNPS in the round, for a viewer who sees it", async () => {
    expect(await getScoreLine(admin, q1.id, { departmentId: sales.id, roleId: engineer.id })).toBe(
      "Sales / Engineer: eNPS -40.0 (95% CI -74.1 to +12.6, 10 answers) in PERIODIC 200.",
    );
    expect(await getScoreLine(admin, q1.id, {})).toMatch(
      /^Everyone: eNPS -10\.0 \(95% CI .+, 20 answers\) in PERIODIC 200\.$/,
    );
  });

  it("gives nothing for a withheld group, an open round or a group outside the viewer's scope", async () => {
    expect(await getScoreLine(admin, q3.id, { departmentId: sales.id })).toBeNull();
    const open = await makeRound({ state: "open" });
    expect(await getScoreLine(admin, open.id, {})).toBeNull();
    const financeManager: ResultsViewer = { id: "m2", role: "MANAGER", departmentId: finance.id };
    expect(await getScoreLine(financeManager, q1.id, { departmentId: sales.id })).toBeNull();
    expect(await getScoreLine(financeManager, q1.id, { departmentId: finance.id })).toMatch(/^Finance: eNPS/);
  });
});
