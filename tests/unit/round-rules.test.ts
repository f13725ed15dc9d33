import { describe, expect, it } from "vitest";
import { invitationMail, remindedRecently, reminderMail } from "~/domain/invitation-mail";
import { KEPT_LINK, kioskLink, personalLink, sharedLink } from "~/domain/links";
import { maySeeRound } from "~/domain/round-access";
import { audienceOf, launchFormSchema, roundRuleProblems, thresholdCaution } from "~/domain/round-input";
import { scheduleFormSchema } from "~/domain/schedule-input";
import {
  formatDay,
  formatTimeAgo,
  formatUtc,
  formatUtcDate,
  parseDateInput,
  parseDateTimeInput,
  toDateTimeInput,
} from "~/domain/utc-time";

const at = (iso: string) => new Date(iso);
const now = at("2026-03-01T12:00:00Z");

describe("round rules", () => {
  const ok = { k: 5, opensAt: at("2026-03-01T12:00:00Z"), closesAt: at("2026-03-15T12:00:00Z") };

  it("accept a normal round", () => {
    expect(roundRuleProblems(ok, now)).toEqual({});
  });

  it("refuse k below 3, a fraction, or an absurd one", () => {
    for (const k of [2, 0, -5, 4.5, 101])
      expect(roundRuleProblems({ ...ok, k }, now).k).toBe("k must be a whole number from 3 to 100.");
    expect(roundRuleProblems({ ...ok, k: 3 }, now)).toEqual({});
  });

  it("refuse a closing time before the opening, in the past, or more than a year later", () => {
    expect(roundRuleProblems({ ...ok, closesAt: ok.opensAt }, now).closesAt).toBe(
      "The closing time must be after the opening time.",
    );
    expect(
      roundRuleProblems({ ...ok, opensAt: at("2026-02-01T00:00:00Z"), closesAt: at("2026-02-10T00:00:00Z") }, now)
        .closesAt,
    ).toMatch(/already passed/);
    expect(roundRuleProblems({ ...ok, closesAt: at("2027-03-03T12:00:00Z") }, now).closesAt).toMatch(
      /at most 366 days/,
    );
  });
});

describe("the caution before launching to fewer people than k", () => {
  it("says nothing when at least k are invited", () => {
    expect(thresholdCaution(5, 5, false)).toBeNull();
    expect(thresholdCaution(40, 5, true)).toBeNull();
  });

  it("says that no result can be shown, and what would help", () => {
    expect(thresholdCaution(4, 5, false)).toBe(
      "Only 4 people are invited, fewer than k = 5: even if everyone answers, no result of this round can be shown. Invite more people or lower k.",
    );
    expect(thresholdCaution(1, 5, false)).toBe(
      "Only 1 person is invited, fewer than k = 5: even if everyone answers, no result of this round can be shown. Invite more people.",
    );
    expect(thresholdCaution(3, 6, false, "its rounds")).toBe(
      "Only 3 people are invited, fewer than k = 6: even if everyone answers, no result of its rounds can be shown. Invite more people or lower k.",
    );
  });

  it("counts on the shared link when there is one", () => {
    expect(thresholdCaution(3, 5, true)).toContain(
      "no result of this round can be shown unless more people answer through the shared link.",
    );
    expect(thresholdCaution(0, 5, true)).toBe(
      "Results show once at least 5 people have answered through the shared link.",
    );
  });
});

describe("the launch form", () => {
  const valid = {
    name: "March eNPS",
    surveyId: "survey1",
    kind: "PERIODIC",
    audience: "chosen",
    departmentIds: ["d1", "d2"],
    opensAt: "2026-03-01T12:00",
    closesAt: "2026-03-15T12:00",
    k: "5",
  };

  it("reads dates as UTC, k as a number and the shared link box", () => {
    const parsed = launchFormSchema.parse({ ...valid, sharedLink: "on" });
    expect(parsed).toMatchObject({
      k: 5,
      sharedLink: true,
      opensAt: at("2026-03-01T12:00:00Z"),
      departmentIds: ["d1", "d2"],
      roleIds: [],
    });
    expect(audienceOf(parsed)).toEqual({ departmentIds: ["d1", "d2"], roleIds: [] });
    expect(launchFormSchema.parse(valid).sharedLink).toBe(false);
  });

  it("says what is wrong in plain words", () => {
    const result = launchFormSchema.safeParse({
      ...valid,
      k: "2",
      opensAt: "tomorrow",
      kind: "TRAINING_PRE",
      name: " ",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      name: "The round name is required.",
      kind: "Choose periodic or pulse.",
      opensAt: "Enter the opening time as a date and time (UTC).",
      k: "k must be a whole number from 3 to 100.",
    });
  });

  it("needs a department or role when the audience is chosen, and ignores ticks for everyone", () => {
    const none = launchFormSchema.safeParse({ ...valid, departmentIds: undefined });
    expect(none.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["audience", "Choose at least one department or role, or invite everyone."],
    ]);
    const everyone = launchFormSchema.parse({ ...valid, audience: "everyone" });
    expect(audienceOf(everyone)).toEqual({ departmentIds: [], roleIds: [] });
  });
});

describe("the schedule form", () => {
  const valid = {
    name: "Quarterly",
    surveyId: "s1",
    cadence: "QUARTERLY",
    openDays: "14",
    startsOn: "2026-04-01",
    k: "5",
    audience: "everyone",
  };

  it("reads the first day as midnight UTC", () => {
    expect(scheduleFormSchema.parse(valid)).toMatchObject({ startsOn: at("2026-04-01T00:00:00Z"), openDays: 14, k: 5 });
  });

  it("keeps each round shorter than the gap to the next", () => {
    const result = scheduleFormSchema.safeParse({ ...valid, cadence: "MONTHLY", openDays: "29" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["openDays"],
      message: expect.stringContaining("from 1 to 28 days"),
    });
    expect(scheduleFormSchema.safeParse({ ...valid, openDays: "0" }).success).toBe(false);
    expect(scheduleFormSchema.safeParse({ ...valid, k: "2" }).success).toBe(false);
    expect(scheduleFormSchema.safeParse({ ...valid, startsOn: "2026-02-30" }).success).toBe(false);
  });
});

describe("UTC dates", () => {
  it("read and write the inputs' values in UTC, refusing impossible dates", () => {
    expect(parseDateTimeInput("2026-03-01T08:05")).toEqual(at("2026-03-01T08:05:00Z"));
    expect(parseDateTimeInput("2028-02-29T23:59:30")).toEqual(at("2028-02-29T23:59:30Z"));
    for (const bad of [
      "2026-02-29T10:00",
      "2026-04-31T10:00",
      "2026-03-01T24:00",
      "2026-03-01 08:00",
      "",
      "1999-01-01T00:00",
    ]) {
      expect(parseDateTimeInput(bad), bad).toBeNull();
    }
    expect(parseDateInput("2028-02-29")).toEqual(at("2028-02-29T00:00:00Z"));
    expect(parseDateInput("2027-02-29")).toBeNull();
    expect(toDateTimeInput(at("2026-12-31T23:59:00Z"))).toBe("2026-12-31T23:59");
  });

  it("are shown in one readable style: the day, and the time where it matters", () => {
    expect(formatUtc(at("2026-01-02T03:04:00Z"))).toBe("2 Jan 2026, 03:04 UTC");
    expect(formatUtc(at("2026-11-17T18:38:59Z"))).toBe("17 Nov 2026, 18:38 UTC");
    expect(formatDay(at("2026-11-17T23:59:00Z"))).toBe("17 Nov 2026");
    expect(formatDay("2026-05-31")).toBe("31 May 2026");
    // A loader's JSON turns dates into ISO strings; they read the same.
    expect(formatUtc("2026-03-01T08:00:00.000Z")).toBe("1 Mar 2026, 08:00 UTC");
    expect(formatUtcDate(at("2026-03-01T08:00:00Z"))).toBe("2026-03-01");
  });

  it("say how long ago something happened", () => {
    const now = at("2026-03-10T12:00:00Z");
    expect(formatTimeAgo(at("2026-03-10T11:59:30Z"), now)).toBe("less than a minute ago");
    expect(formatTimeAgo(at("2026-03-10T11:59:00Z"), now)).toBe("1 minute ago");
    expect(formatTimeAgo(at("2026-03-10T09:10:00Z"), now)).toBe("2 hours ago");
    expect(formatTimeAgo("2026-03-09T12:00:00.000Z", now)).toBe("24 hours ago");
    expect(formatTimeAgo(at("2026-03-07T12:00:00Z"), now)).toBe("3 days ago");
  });
});

describe("links and mail", () => {
  it("builds the personal, shared and kiosk links", () => {
    expect(personalLink("https://c.example", "TOKEN")).toBe("https://c.example/a/TOKEN");
    expect(sharedLink("https://c.example", "KEY")).toBe("https://c.example/s/KEY");
    expect(kioskLink("https://c.example", "KEY")).toBe("https://c.example/s/KEY?kiosk=1");
  });

  it("keeps mail without the link, and reminders without a name", () => {
    const facts = { companyName: "Acme", roundName: "March", closesAt: at("2026-03-15T12:00:00Z"), k: 5 };
    const invitation = invitationMail({ ...facts, personName: "Iva" }, "https://c.example/a/SECRET");
    expect(invitation.text).toContain("https://c.example/a/SECRET");
    expect(invitation.text).toContain("Hello Iva,");
    expect(invitationMail({ ...facts, personName: "Iva" }, KEPT_LINK).text).not.toContain("SECRET");
    const reminder = reminderMail(facts, KEPT_LINK);
    expect(reminder.text).toContain("[personal link]");
    expect(reminder.text).not.toMatch(/Iva/);
    expect(reminder.text).toContain("15 Mar 2026, 12:00 UTC");
  });

  it("ask to confirm reminders sent again within a day", () => {
    const now = at("2026-03-10T12:00:00Z");
    expect(remindedRecently(null, now)).toBe(false);
    expect(remindedRecently(at("2026-03-09T12:00:01Z"), now)).toBe(true);
    expect(remindedRecently("2026-03-09T12:00:00.000Z", now)).toBe(false);
  });
});

describe("who sees a round", () => {
  const round = { audience: { departmentIds: ["sales"], roleIds: [] }, invitedDepartmentIds: ["sales"] };

  it("admins see all, trainers none, managers those that include their department", () => {
    expect(maySeeRound({ role: "ADMIN", departmentId: null }, round)).toBe(true);
    expect(maySeeRound({ role: "TRAINER", departmentId: "sales" }, round)).toBe(false);
    expect(maySeeRound({ role: "MANAGER", departmentId: "sales" }, round)).toBe(true);
    expect(maySeeRound({ role: "MANAGER", departmentId: "ops" }, round)).toBe(false);
    expect(maySeeRound({ role: "MANAGER", departmentId: null }, round)).toBe(false);
  });

  it("counts a department as included when someone from it was invited (everyone, roles, people)", () => {
    const everyone = { audience: { departmentIds: [], roleIds: [] }, invitedDepartmentIds: ["ops", "sales"] };
    expect(maySeeRound({ role: "MANAGER", departmentId: "ops" }, everyone)).toBe(true);
    expect(maySeeRound({ role: "MANAGER", departmentId: "hr" }, everyone)).toBe(false);
  });
});
