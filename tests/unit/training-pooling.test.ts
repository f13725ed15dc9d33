import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateNps } from "~/domain/nps-statistics";
import {
  isPoolable,
  poolScores,
  summariseTrainings,
  type Pool,
  type RoundOutcome,
  type ShownScore,
  type TrainingRow,
} from "~/domain/training-pooling";

/**
 * A round's score from its answers, as the gate would show it: about its invited group when its
 * invited count is given (no shared link), as the results page does.
 */
function scoreOf(scores: readonly number[], invited: number | null = null): ShownScore {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const passives = scores.length - promoters - detractors;
  const estimate = estimateNps({ promoters, passives, detractors }, invited)!;
  return { ...estimate, promoters, passives, detractors };
}

const shown = (scores: number[], k = 5, invited: number | null = null): RoundOutcome => ({
  state: "shown",
  k,
  score: scoreOf(scores, invited),
});
const withheld: RoundOutcome = { state: "withheld", k: 5 };

let ids = 0;
function row(before: RoundOutcome, after: RoundOutcome, overrides: Partial<TrainingRow> = {}): TrainingRow {
  const id = `t${++ids}`;
  return {
    id,
    title: id,
    topic: "Sales",
    trainer: { id: "alice", name: "Alice" },
    startsOn: new Date("2026-01-01"),
    before,
    after,
    ...overrides,
  };
}

describe("pooling: hand-worked cases", () => {
  it("pools by adding up promoters, passives and detractors, with the adjusted Wald interval", () => {
    // 6 promoters, 7 passives, 7 detractors: NPS -5; n' = 23, p' = 6.75/23, d' = 7.75/23.
    const pooled = poolScores([scoreOf([10, 10, 10, 9, 9, 8, 8, 7, 6, 5]), scoreOf([9, 8, 8, 7, 7, 6, 5, 4, 3, 0])])!;
    const p = 6.75 / 23;
    const d = 7.75 / 23;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 23);
    expect(pooled).toMatchObject({ n: 20, promoters: 6, passives: 7, detractors: 7, nps: -5, rounds: 2 });
    expect(pooled.se).toBeCloseTo(se, 10);
    expect(pooled.low).toBeCloseTo(100 * (p - d) - 1.959964 * se, 5);
    expect(pooled.high).toBeCloseTo(100 * (p - d) + 1.959964 * se, 5);
  });

  it("pools nothing from nothing", () => {
    expect(poolScores([])).toBeNull();
  });

  it("leaves out a training whose before or after round is withheld or still open, and counts it as not compared", () => {
    const compared = row(shown([6, 7, 8, 9, 10]), shown([9, 9, 10, 10, 8]));
    const beforeWithheld = row(withheld, shown([10, 10, 10, 10, 10, 10]));
    const afterOpen = row(shown([0, 0, 0, 0, 0]), {
      state: "pending",
      status: "open",
      closesAt: new Date("2026-02-01"),
    });
    const { overall, rows } = summariseTrainings([compared, beforeWithheld, afterOpen]);
    expect(overall).toMatchObject({ trainings: 3, compared: 1 });
    expect(overall.before).toMatchObject({ n: 5, promoters: 2, detractors: 1 });
    expect(overall.after).toMatchObject({ n: 5, promoters: 4, detractors: 0 });
    expect(rows.map((r) => r.change !== null)).toEqual([true, false, false]);
  });

  it("never pools a round whose figures hold fewer than its k answers, even one passed as shown", () => {
    const small: RoundOutcome = { state: "shown", k: 5, score: scoreOf([0, 0, 0]) };
    expect(isPoolable(small)).toBe(false);
    const { overall } = summariseTrainings([row(small, shown([9, 9, 9, 9, 9]))]);
    expect(overall).toMatchObject({ compared: 0, before: null, after: null, change: null });
  });

  it("groups per trainer and per topic, topics regardless of case and spaces", () => {
    const bob = { id: "bob", name: "Bob" };
    const summary = summariseTrainings([
      row(shown([9, 9, 9, 9, 9]), shown([10, 10, 10, 10, 10]), { topic: "Sales" }),
      row(shown([0, 0, 0, 0, 0]), shown([9, 9, 9, 9, 9]), { topic: " sales ", trainer: bob }),
      row(shown([8, 8, 8, 8, 8]), shown([8, 8, 8, 8, 8]), { topic: "Safety", trainer: bob }),
    ]);
    expect(summary.byTopic.map((p) => [p.label, p.trainings, p.before?.n])).toEqual([
      ["Safety", 1, 5],
      ["Sales", 2, 10],
    ]);
    expect(summary.byTrainer.map((p) => [p.label, p.trainings, p.after?.nps])).toEqual([
      ["Alice", 1, 100],
      ["Bob", 2, 50],
    ]);
  });

  it("calls a pooled change clear only when chance would rarely give it", () => {
    const big = (scores: number[]) => shown(Array.from({ length: 6 }, () => scores).flat());
    const clear = summariseTrainings([row(big([3, 5, 6, 7, 8]), big([9, 10, 10, 9, 8]))]);
    expect(clear.overall.change).toMatchObject({ verdict: "change", control: { method: "alone" } });
    const noise = summariseTrainings([row(shown([6, 7, 9, 9, 10]), shown([7, 7, 9, 10, 10]))]);
    expect(noise.overall.change!.verdict).toBe("noise");
    // One training: its row, its trainer's pool and its topic's are the overall test again.
    expect(noise.rows[0].change).toEqual(noise.overall.change);
  });

  it("labels the rows and pools of several trainings as one family, the overall pool alone", () => {
    const big = (scores: number[]) => shown(Array.from({ length: 6 }, () => scores).flat());
    const summary = summariseTrainings([
      row(big([3, 5, 6, 7, 8]), big([9, 10, 10, 9, 8]), { trainer: { id: "a", name: "Alice" } }),
      row(shown([6, 7, 9, 9, 10]), shown([7, 7, 9, 10, 10]), { trainer: { id: "b", name: "Bob" } }),
    ]);
    expect(summary.overall.change!.control).toEqual({ method: "alone" });
    // Two rows; each trainer's pool is one training again and the topic pool is all of them:
    // two distinct tests in the family.
    expect(summary.rows[0].change!.control).toMatchObject({ method: "holm", tests: 2 });
    expect(summary.byTrainer[0].change).toEqual(summary.rows[0].change);
    expect(summary.byTopic[0].change).toEqual(summary.overall.change);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: no pooled figure lets a withheld round be worked out
// ---------------------------------------------------------------------------------------------

interface RawRound {
  scores: number[];
  /** Still open: the gate shows no score whatever the answers. */
  open: boolean;
  /** A faulty upstream passes it as shown though it has fewer than k answers. */
  leaky: boolean;
}

interface RawTraining {
  trainer: number;
  topic: number;
  before: RawRound;
  after: RawRound;
}

const TOPICS = ["Sales", " sales", "Leadership", "Safety"];
const TRAINERS = [
  { id: "u1", name: "Alice" },
  { id: "u2", name: "Bob" },
  { id: "u3", name: "Chen" },
];

const score = fc.integer({ min: 0, max: 10 });
const rawRound = fc.record({
  scores: fc.oneof(fc.array(score, { maxLength: 6 }), fc.array(score, { maxLength: 25 })),
  open: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  leaky: fc.boolean(),
});
const rawTraining = fc.record({
  trainer: fc.integer({ min: 0, max: TRAINERS.length - 1 }),
  topic: fc.integer({ min: 0, max: TOPICS.length - 1 }),
  before: rawRound,
  after: rawRound,
});
const scenario = fc.record({
  k: fc.integer({ min: 3, max: 7 }),
  trainings: fc.array(rawTraining, { minLength: 1, maxLength: 8 }),
});

/** The gate, simulated independently: shown with at least k answers, else withheld (or, leaky, passed anyway). */
function gate(raw: RawRound, k: number): RoundOutcome {
  if (raw.open) return { state: "pending", status: "open", closesAt: new Date("2026-03-01") };
  if (raw.scores.length >= k) return { state: "shown", k, score: scoreOf(raw.scores) };
  return raw.leaky && raw.scores.length > 0
    ? { state: "shown", k, score: scoreOf(raw.scores) }
    : { state: "withheld", k };
}

function rowsOf({ k, trainings }: { k: number; trainings: RawTraining[] }): TrainingRow[] {
  return trainings.map((t, index) => ({
    id: `t${index}`,
    title: `Training ${index}`,
    topic: TOPICS[t.topic],
    trainer: TRAINERS[t.trainer],
    startsOn: new Date("2026-01-01"),
    before: gate(t.before, k),
    after: gate(t.after, k),
  }));
}

/** Whether a raw round's own figures may be shown: closed and at least k answers. */
const isShown = (raw: RawRound, k: number) => !raw.open && raw.scores.length >= k;

function poolsOf(summary: ReturnType<typeof summariseTrainings>): Pool[] {
  return [summary.overall, ...summary.byTrainer, ...summary.byTopic];
}

describe("pooled intervals", () => {
  // 12 of 14 people answered each time: NPS 0, then +33.3.
  const before = [6, 7, 8, 9, 6, 7, 8, 9, 10, 5, 7, 8];
  const after = [9, 9, 9, 10, 10, 7, 7, 8, 8, 7, 8, 6];

  it("makes a pool of one training exactly that training, interval and verdict alike", () => {
    const training = row(shown(before, 5, 14), shown(after, 5, 14));
    const { overall, byTrainer, byTopic, rows } = summariseTrainings([training]);
    for (const pool of [overall, byTrainer[0], byTopic[0]]) {
      for (const side of ["before", "after"] as const) {
        const own = (training[side] as { score: ShownScore }).score;
        expect(pool[side]).toMatchObject({ n: own.n, nps: own.nps, rounds: 1, population: 14 });
        expect(pool[side]!.se).toBeCloseTo(own.se, 12);
        expect(pool[side]!.low).toBeCloseTo(own.low, 12);
        expect(pool[side]!.high).toBeCloseTo(own.high, 12);
      }
      expect(pool.change).toEqual(rows[0].change);
    }
    // The invited count bounds the interval but never shrinks the test: the same label as without it.
    const unbounded = summariseTrainings([row(shown(before), shown(after))]).overall.change!;
    expect(overall.change!.p).toBeCloseTo(unbounded.p, 12);
    expect(overall.change!.verdict).toBe(unbounded.verdict);
  });

  it("takes the pooled rounds' invited counts together as who could answer", () => {
    const pooled = poolScores([scoreOf([10, 10, 9, 8, 6], 8), scoreOf([9, 7, 7, 6, 3, 0], 10)])!;
    // 4 promoters, 3 passives, 4 detractors of 11 answers, from the 18 people the two rounds asked:
    // no finite-population correction, and within (0 -/+ 7) / 18 = -38.9..+38.9.
    const p = 4.75 / 14;
    const d = 4.75 / 14;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 14);
    expect(pooled).toMatchObject({ n: 11, nps: 0, rounds: 2, population: 18 });
    expect(pooled.se).toBeCloseTo(se, 12);
    expect(pooled.high).toBeCloseTo((100 * 7) / 18, 12);
  });

  it("knows no one who could answer when any pooled round had a shared link", () => {
    const mixed = poolScores([scoreOf([10, 10, 9, 8, 6], 8), scoreOf([9, 7, 7, 6, 3, 0])])!;
    const plain = estimateNps({ promoters: 4, passives: 3, detractors: 4 })!;
    expect(mixed).toMatchObject({ population: null, low: plain.low, high: plain.high });
  });
});

describe("pooling never reveals a withheld round (property)", () => {
  it("every pooled figure is exactly the sum of rounds shown on their own, so pool minus shown leaves nothing", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const summary = summariseTrainings(rowsOf(s));
        const members = (pool: Pool) =>
          s.trainings.filter((t, index) => {
            if (pool.key === "overall") return true;
            const r = summary.rows[index];
            return pool.key === r.trainer.id || pool.key === r.topic.trim().toLowerCase();
          });
        for (const pool of poolsOf(summary)) {
          const included = members(pool).filter((t) => isShown(t.before, s.k) && isShown(t.after, s.k));
          expect(pool.compared).toBe(included.length);
          for (const side of ["before", "after"] as const) {
            const scores = included.flatMap((t) => t[side].scores);
            const expected = scores.length === 0 ? null : scoreOf(scores);
            const pooled = pool[side];
            // What an attacker subtracts: the pool minus every shown round in it. It must be empty.
            const rest = {
              n: (pooled?.n ?? 0) - (expected?.n ?? 0),
              promoters: (pooled?.promoters ?? 0) - (expected?.promoters ?? 0),
              detractors: (pooled?.detractors ?? 0) - (expected?.detractors ?? 0),
            };
            expect(rest).toEqual({ n: 0, promoters: 0, detractors: 0 });
            if (expected) expect(pooled!.nps).toBeCloseTo(expected.nps, 9);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("no pool changes when a withheld round's answers are anything else under k", () => {
    const withOtherAnswers = scenario.chain((s) =>
      fc
        .array(fc.array(score, { maxLength: s.k - 1 }), {
          minLength: s.trainings.length * 2,
          maxLength: s.trainings.length * 2,
        })
        .map((replacements) => ({
          original: s,
          changed: {
            k: s.k,
            trainings: s.trainings.map((t, index) => ({
              ...t,
              before: isShown(t.before, s.k) ? t.before : { ...t.before, scores: replacements[2 * index] },
              after: isShown(t.after, s.k) ? t.after : { ...t.after, scores: replacements[2 * index + 1] },
            })),
          },
        })),
    );
    fc.assert(
      fc.property(withOtherAnswers, ({ original, changed }) => {
        expect(poolsOf(summariseTrainings(rowsOf(changed)))).toEqual(poolsOf(summariseTrainings(rowsOf(original))));
      }),
      { numRuns: 400 },
    );
  });
});
