import { describe, expect, it } from "vitest";
import { addDays, todayOf } from "~/domain/action-items";
import { followUpSeries, outcomeOf, pickFollowUpRound, scoreLine, type ScoredRound } from "~/domain/action-outcome";
import { estimateNps } from "~/domain/nps-statistics";
import { closingTime } from "~/domain/round-status";

/** Noon of a calendar day on the server's clock, so the day is the same in every time zone. */
const noonOf = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
};

describe("pickFollowUpRound", () => {
  const origin = { id: "origin", closedOn: noonOf("2026-03-31") };
  const deadline = "2026-06-30";

  it("takes the latest round that closed on a day after the deadline", () => {
    const rounds = [
      { id: "q2", closedOn: noonOf("2026-06-30") },
      { id: "q3", closedOn: noonOf("2026-09-30") },
      { id: "q4", closedOn: noonOf("2026-12-31") },
    ];
    expect(pickFollowUpRound(rounds, { deadline, origin })?.id).toBe("q4");
    expect(pickFollowUpRound(rounds.slice(0, 2), { deadline, origin })?.id).toBe("q3");
  });

  it("does not count a round that closed on the deadline day itself, or the round the item came from", () => {
    expect(pickFollowUpRound([{ id: "q2", closedOn: noonOf("2026-06-30") }], { deadline, origin })).toBeNull();
    expect(pickFollowUpRound([origin], { deadline: "2026-01-01", origin })).toBeNull();
    expect(
      pickFollowUpRound([{ id: "next day", closedOn: noonOf(addDays(deadline, 1)) }], { deadline, origin })?.id,
    ).toBe("next day");
  });

  it("never looks back before the round the item came from, even with a deadline before it", () => {
    const earlier = { id: "earlier", closedOn: noonOf("2026-02-28") };
    expect(pickFollowUpRound([earlier], { deadline: "2026-01-15", origin })).toBeNull();
  });

  it("gives nothing while no round qualifies, and is the same whatever the order", () => {
    expect(pickFollowUpRound([], { deadline, origin })).toBeNull();
    const a = { id: "a", closedOn: noonOf("2026-09-30") };
    const b = { id: "b", closedOn: noonOf("2026-09-30") };
    expect(pickFollowUpRound([a, b], { deadline, origin })).toBe(pickFollowUpRound([b, a], { deadline, origin }));
  });

  it("compares the deadline with the server's calendar day of the closing", () => {
    const closedOn = noonOf("2026-07-01");
    expect(todayOf(closedOn)).toBe("2026-07-01");
    expect(pickFollowUpRound([{ id: "x", closedOn }], { deadline, origin })?.id).toBe("x");
  });
});

describe("closingTime", () => {
  const closesAt = new Date("2026-06-30T12:00:00Z");
  it("is the early closing when a round was closed by hand, else the planned one", () => {
    expect(closingTime({ closesAt, closedAt: new Date("2026-06-20T08:00:00Z") })).toEqual(
      new Date("2026-06-20T08:00:00Z"),
    );
    expect(closingTime({ closesAt, closedAt: null })).toBe(closesAt);
    expect(closingTime({ closesAt, closedAt: new Date("2026-07-01T00:00:00Z") })).toBe(closesAt);
  });
});

describe("followUpSeries", () => {
  it("follows a training round up with its training's rounds, anything else with periodic eNPS", () => {
    expect(followUpSeries({ trainingId: "t1" })).toEqual({ kind: "training", trainingId: "t1" });
    expect(followUpSeries({ trainingId: null })).toEqual({ kind: "periodic" });
  });
});

describe("outcomeOf", () => {
  const before = estimateNps({ promoters: 2, passives: 2, detractors: 6 })!;
  const after = estimateNps({ promoters: 7, passives: 2, detractors: 1 })!;
  const round = (id: string, score: typeof before | null, closed = true): ScoredRound => ({
    round: { id, name: id, k: 5 },
    closed,
    score,
  });

  it("compares the two rounds when the group is shown in both", () => {
    const outcome = outcomeOf("Sales", round("Q1", before), round("Q3", after), "periodic");
    expect(outcome).toMatchObject({ state: "compared", group: "Sales", before, after });
    if (outcome.state !== "compared") throw new Error("expected a comparison");
    expect(outcome.change.delta).toBe(100);
    // The item's one question, tested alone at 5%.
    expect(outcome.change).toMatchObject({ verdict: "change", control: { method: "alone" } });
  });

  it("says why there is no figure, without a change", () => {
    expect(outcomeOf("Sales", round("Q1", null, false), null, "periodic")).toMatchObject({ state: "origin-open" });
    expect(outcomeOf("Sales", round("Q1", null), null, "periodic")).toMatchObject({ state: "origin-withheld" });
    expect(outcomeOf("Sales", round("Q1", before), null, "training")).toMatchObject({
      state: "no-follow-up",
      before,
      series: "training",
    });
    const withheldLater = outcomeOf("Sales", round("Q1", before), round("Q3", null), "periodic");
    expect(withheldLater).toMatchObject({ state: "follow-up-withheld", before, followUp: { id: "Q3" } });
    expect(withheldLater).not.toHaveProperty("change");
  });
});

describe("scoreLine", () => {
  it("states the group's eNPS, interval and answers in the round, as the results page prints them", () => {
    const score = { n: 23, nps: -12, adjusted: -10.6, se: 14, low: -40.04, high: 18.25, population: null };
    expect(scoreLine("Sales / Engineer", score, "Q3 2026 eNPS")).toBe(
      "Sales / Engineer: eNPS -12.0 (95% CI -40.0 to +18.3, 23 answers) in Q3 2026 eNPS.",
    );
    expect(
      scoreLine("Everyone", { n: 1, nps: 100, adjusted: 43.75, se: 0, low: 100, high: 100, population: 1 }, "Pulse"),
    ).toBe("Everyone: eNPS +100.0 (95% CI +100.0 to +100.0, 1 answer) in Pulse.");
  });
});
