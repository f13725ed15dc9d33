import { afterEach, describe, expect, it } from "vitest";
import {
  addMonthsClamped,
  CADENCE_MONTHS,
  CADENCES,
  dueOccurrence,
  latestOpenedIndex,
  MAX_OPEN_DAYS_BY_CADENCE,
  nextOccurrence,
  nextPeriodStart,
  occurrence,
  periodKey,
  periodSpan,
  periodStart,
  upcomingRounds,
  type Cadence,
} from "~/domain/schedule";

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;
const iso = (date: Date) => date.toISOString();

describe("addMonthsClamped", () => {
  it("keeps the day of the month and the time of day", () => {
    expect(iso(addMonthsClamped(at("2026-01-15T09:30:00Z"), 1))).toBe("2026-02-15T09:30:00.000Z");
    expect(iso(addMonthsClamped(at("2026-11-15T09:30:00Z"), 3))).toBe("2027-02-15T09:30:00.000Z");
    expect(iso(addMonthsClamped(at("2026-05-01T00:00:00Z"), -5))).toBe("2025-12-01T00:00:00.000Z");
  });

  it("clamps to the last day of a shorter month, from the original day each time", () => {
    expect(iso(addMonthsClamped(at("2026-01-31T00:00:00Z"), 1))).toBe("2026-02-28T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2026-01-31T00:00:00Z"), 2))).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2026-01-31T00:00:00Z"), 3))).toBe("2026-04-30T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2026-08-31T12:00:00Z"), 6))).toBe("2027-02-28T12:00:00.000Z");
    expect(iso(addMonthsClamped(at("2026-03-30T00:00:00Z"), -1))).toBe("2026-02-28T00:00:00.000Z");
  });

  it("knows leap years, including the century rules", () => {
    expect(iso(addMonthsClamped(at("2028-01-31T00:00:00Z"), 1))).toBe("2028-02-29T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2027-11-30T00:00:00Z"), 3))).toBe("2028-02-29T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2028-02-29T00:00:00Z"), 12))).toBe("2029-02-28T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2099-08-31T00:00:00Z"), 6))).toBe("2100-02-28T00:00:00.000Z");
    expect(iso(addMonthsClamped(at("2399-08-31T00:00:00Z"), 6))).toBe("2400-02-29T00:00:00.000Z");
  });
});

describe("periodKey", () => {
  it("names months, quarters and halves", () => {
    const keys = (cadence: Cadence) =>
      Array.from({ length: 12 }, (_, m) => periodKey(new Date(Date.UTC(2026, m, 15)), cadence));
    expect(keys("MONTHLY")).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2026-${m}`),
    );
    expect(keys("QUARTERLY")).toEqual(
      ["Q1", "Q1", "Q1", "Q2", "Q2", "Q2", "Q3", "Q3", "Q3", "Q4", "Q4", "Q4"].map((q) => `2026-${q}`),
    );
    expect(keys("SEMIANNUAL")).toEqual([...Array(6).fill("2026-H1"), ...Array(6).fill("2026-H2")]);
  });

  it("changes exactly at the boundary, in UTC", () => {
    expect(periodKey(at("2026-03-31T23:59:59.999Z"), "QUARTERLY")).toBe("2026-Q1");
    expect(periodKey(at("2026-04-01T00:00:00.000Z"), "QUARTERLY")).toBe("2026-Q2");
    expect(periodKey(at("2026-06-30T23:59:59.999Z"), "SEMIANNUAL")).toBe("2026-H1");
    expect(periodKey(at("2026-07-01T00:00:00.000Z"), "SEMIANNUAL")).toBe("2026-H2");
    expect(periodKey(at("2026-12-31T23:59:59.999Z"), "MONTHLY")).toBe("2026-12");
    expect(periodKey(at("2027-01-01T00:00:00.000Z"), "MONTHLY")).toBe("2027-01");
    // Already April in Warsaw, still March in UTC.
    expect(periodKey(at("2026-04-01T01:30:00+02:00"), "QUARTERLY")).toBe("2026-Q1");
  });
});

describe("the server's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("changes nothing: periods, openings and due rounds are the same everywhere", () => {
    const schedule = {
      cadence: "MONTHLY" as const,
      startsOn: at("2026-01-31T00:00:00Z"),
      openDays: 14,
      createdAt: at("2026-01-01T00:00:00Z"),
    };
    const compute = () =>
      JSON.stringify({
        occurrences: [0, 1, 2, 13].map((n) => occurrence(schedule, n)),
        due: dueOccurrence(schedule, at("2026-03-31T00:30:00Z")),
        key: periodKey(at("2026-03-31T23:30:00Z"), "QUARTERLY"),
      });
    process.env.TZ = "UTC";
    const utc = compute();
    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Shanghai", "Europe/Kyiv"]) {
      process.env.TZ = zone;
      expect(compute(), zone).toBe(utc);
    }
  });
});

describe("occurrences", () => {
  it("open a month apart on the same day, or the month's last day", () => {
    const schedule = { cadence: "MONTHLY" as const, startsOn: at("2028-01-31T06:00:00Z"), openDays: 10 };
    const opens = Array.from({ length: 5 }, (_, n) => occurrence(schedule, n));
    expect(opens.map((o) => [o.period, iso(o.opensAt).slice(0, 10)])).toEqual([
      ["2028-01", "2028-01-31"],
      ["2028-02", "2028-02-29"],
      ["2028-03", "2028-03-31"],
      ["2028-04", "2028-04-30"],
      ["2028-05", "2028-05-31"],
    ]);
    expect(iso(opens[1].closesAt)).toBe("2028-03-10T06:00:00.000Z");
    expect(opens[1].nextOpensAt).toEqual(opens[2].opensAt);
  });

  it("give every period exactly one round, and close before the next opens, for any first day", () => {
    for (const cadence of CADENCES) {
      const step = CADENCE_MONTHS[cadence];
      for (let start = Date.UTC(2024, 0, 1); start < Date.UTC(2032, 0, 1); start += DAY) {
        const schedule = { cadence, startsOn: new Date(start), openDays: MAX_OPEN_DAYS_BY_CADENCE[cadence] };
        let previous = occurrence(schedule, 0);
        for (let n = 1; n <= 8; n++) {
          const current = occurrence(schedule, n);
          const where = `${cadence} from ${iso(schedule.startsOn)}, round ${n}`;
          expect(previous.closesAt.getTime(), where).toBeLessThanOrEqual(current.opensAt.getTime());
          const firstOfMonth = new Date(
            Date.UTC(schedule.startsOn.getUTCFullYear(), schedule.startsOn.getUTCMonth(), 1),
          );
          expect(current.period, where).toBe(periodKey(addMonthsClamped(firstOfMonth, n * step), cadence));
          expect(current.period, where).not.toBe(previous.period);
          previous = current;
        }
      }
    }
  });

  it("allows as long an open time as the shortest gap between two openings", () => {
    const gap = (cadence: Cadence, start: string) => {
      const first = occurrence({ cadence, startsOn: at(start), openDays: 1 }, 0);
      return (first.nextOpensAt.getTime() - first.opensAt.getTime()) / DAY;
    };
    expect(gap("MONTHLY", "2026-01-31T00:00:00Z")).toBe(MAX_OPEN_DAYS_BY_CADENCE.MONTHLY);
    expect(gap("QUARTERLY", "2025-01-31T00:00:00Z")).toBe(MAX_OPEN_DAYS_BY_CADENCE.QUARTERLY);
    expect(gap("SEMIANNUAL", "2025-01-01T00:00:00Z")).toBe(MAX_OPEN_DAYS_BY_CADENCE.SEMIANNUAL);
  });
});

describe("latestOpenedIndex", () => {
  const schedule = { cadence: "QUARTERLY" as const, startsOn: at("2026-01-31T08:00:00Z") };

  it("is null before the first opening and counts openings from it", () => {
    expect(latestOpenedIndex(schedule, at("2026-01-31T07:59:59.999Z"))).toBeNull();
    expect(latestOpenedIndex(schedule, at("2026-01-31T08:00:00Z"))).toBe(0);
    expect(latestOpenedIndex(schedule, at("2026-04-30T07:59:59.999Z"))).toBe(0);
    expect(latestOpenedIndex(schedule, at("2026-04-30T08:00:00Z"))).toBe(1);
    expect(latestOpenedIndex(schedule, at("2031-02-01T00:00:00Z"))).toBe(20);
  });

  it("agrees with counting openings one by one, at every hour for three years", () => {
    for (const cadence of CADENCES) {
      const s = { cadence, startsOn: at("2027-08-31T12:00:00Z") };
      let expected: number | null = null;
      for (let t = Date.UTC(2027, 6, 1); t < Date.UTC(2030, 6, 1); t += 3600_000 * 7) {
        while (occurrence({ ...s, openDays: 1 }, expected === null ? 0 : expected + 1).opensAt.getTime() <= t) {
          expected = expected === null ? 0 : expected + 1;
        }
        expect(latestOpenedIndex(s, new Date(t)), `${cadence} at ${new Date(t).toISOString()}`).toBe(expected);
      }
    }
  });
});

describe("dueOccurrence", () => {
  const schedule = {
    cadence: "MONTHLY" as const,
    startsOn: at("2026-01-01T00:00:00Z"),
    openDays: 14,
    createdAt: at("2025-12-20T00:00:00Z"),
  };

  it("is nothing before the first round opens", () => {
    expect(dueOccurrence(schedule, at("2025-12-31T23:59:59Z"))).toBeNull();
  });

  it("is the round of the current period while it is open", () => {
    expect(dueOccurrence(schedule, at("2026-01-01T00:00:00Z"))).toMatchObject({ period: "2026-01", index: 0 });
    expect(dueOccurrence(schedule, at("2026-03-14T23:59:00Z"))).toMatchObject({
      period: "2026-03",
      opensAt: at("2026-03-01T00:00:00Z"),
      closesAt: at("2026-03-15T00:00:00Z"),
    });
  });

  it("is nothing once that round's time is over (a round that would be closed helps nobody)", () => {
    expect(dueOccurrence(schedule, at("2026-03-15T00:00:00Z"))).toBeNull();
    expect(dueOccurrence(schedule, at("2026-03-31T23:00:00Z"))).toBeNull();
  });

  it("skips periods that ended before the schedule was created, but not the current one", () => {
    const late = { ...schedule, createdAt: at("2026-03-10T00:00:00Z") };
    expect(dueOccurrence(late, at("2026-03-10T00:00:00Z"))).toMatchObject({ period: "2026-03" });
    const longOpen = { ...schedule, openDays: 28, createdAt: at("2026-02-01T00:00:00Z") };
    // January's round would still be open on 28 January, but January ended before the schedule existed.
    expect(dueOccurrence(longOpen, at("2026-01-28T00:00:00Z"))).toBeNull();
    expect(dueOccurrence(longOpen, at("2026-02-01T00:00:00Z"))).toMatchObject({ period: "2026-02" });
  });
});

describe("nextOccurrence", () => {
  it("is the first round before the start, and the one after the latest opening later", () => {
    const schedule = { cadence: "SEMIANNUAL" as const, startsOn: at("2026-03-01T00:00:00Z"), openDays: 14 };
    expect(nextOccurrence(schedule, at("2026-01-01T00:00:00Z"))).toMatchObject({ index: 0, period: "2026-H1" });
    expect(nextOccurrence(schedule, at("2026-03-01T00:00:00Z"))).toMatchObject({
      index: 1,
      period: "2026-H2",
      opensAt: at("2026-09-01T00:00:00Z"),
    });
    expect(nextOccurrence(schedule, at("2027-02-28T00:00:00Z"))).toMatchObject({ index: 2, period: "2027-H1" });
  });
});

describe("periods", () => {
  it("start on the 1st of the month, quarter or half-year, and the next one follows", () => {
    const now = at("2026-11-22T19:10:00Z");
    expect(periodStart(now, "MONTHLY")).toEqual(at("2026-11-01T00:00:00Z"));
    expect(periodStart(now, "QUARTERLY")).toEqual(at("2026-10-01T00:00:00Z"));
    expect(periodStart(now, "SEMIANNUAL")).toEqual(at("2026-07-01T00:00:00Z"));
    expect(nextPeriodStart(now, "MONTHLY")).toEqual(at("2026-12-01T00:00:00Z"));
    expect(nextPeriodStart(now, "QUARTERLY")).toEqual(at("2027-01-01T00:00:00Z"));
    expect(nextPeriodStart(at("2026-03-31T23:59:59Z"), "QUARTERLY")).toEqual(at("2026-04-01T00:00:00Z"));
    expect(nextPeriodStart(at("2026-05-01T00:00:00Z"), "SEMIANNUAL")).toEqual(at("2026-07-01T00:00:00Z"));
  });

  it("name the period of a round that starts on them", () => {
    for (const cadence of CADENCES) {
      for (const month of [0, 4, 11]) {
        const date = at(`2026-${String(month + 1).padStart(2, "0")}-15T12:00:00Z`);
        expect(periodKey(nextPeriodStart(date, cadence), cadence)).not.toBe(periodKey(date, cadence));
        expect(periodKey(periodStart(date, cadence), cadence)).toBe(periodKey(date, cadence));
      }
    }
  });

  it("span a round's whole period, and its open days past the period's end", () => {
    const round = { opensAt: at("2026-12-15T00:00:00Z"), closesAt: at("2027-01-05T00:00:00Z") };
    expect(periodSpan(round, "QUARTERLY")).toEqual({
      start: at("2026-10-01T00:00:00Z"),
      end: at("2027-01-05T00:00:00Z"),
    });
    expect(periodSpan({ ...round, closesAt: at("2026-12-29T00:00:00Z") }, "QUARTERLY")).toEqual({
      start: at("2026-10-01T00:00:00Z"),
      end: at("2027-01-01T00:00:00Z"),
    });
  });
});

describe("upcomingRounds", () => {
  const schedule = { cadence: "MONTHLY" as const, startsOn: at("2026-11-22T00:00:00Z"), openDays: 14 };

  it("opens the first round at once when its day has come, then follows the cadence", () => {
    const now = at("2026-11-22T19:10:00Z");
    expect(upcomingRounds(schedule, now)).toEqual([
      { period: "2026-11", opensAt: now, closesAt: at("2026-12-06T00:00:00Z"), opensNow: true },
      { period: "2026-12", opensAt: at("2026-12-22T00:00:00Z"), closesAt: at("2027-01-05T00:00:00Z"), opensNow: false },
      { period: "2027-01", opensAt: at("2027-01-22T00:00:00Z"), closesAt: at("2027-02-05T00:00:00Z"), opensNow: false },
    ]);
  });

  it("waits for a first day to come, and skips a first round whose time is over", () => {
    expect(upcomingRounds(schedule, at("2026-11-01T00:00:00Z"), 1)).toEqual([
      { period: "2026-11", opensAt: at("2026-11-22T00:00:00Z"), closesAt: at("2026-12-06T00:00:00Z"), opensNow: false },
    ]);
    expect(upcomingRounds(schedule, at("2026-12-10T00:00:00Z"), 1)).toEqual([
      { period: "2026-12", opensAt: at("2026-12-22T00:00:00Z"), closesAt: at("2027-01-05T00:00:00Z"), opensNow: false },
    ]);
  });
});
