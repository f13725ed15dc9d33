import { describe, expect, it } from "vitest";
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  actionNoteSchema,
  actionsCsv,
  addDays,
  dayBounds,
  dayOfDeadline,
  deadlineOn,
  digestMessage,
  editActionSchema,
  filterQuery,
  isDay,
  isDueForDigest,
  isOpenStatus,
  isOverdue,
  newActionHref,
  newActionSchema,
  parseActionFilter,
  selectDigests,
  todayOf,
  type ActionExportRow,
} from "~/domain/action-items";
import { formatDay } from "~/domain/utc-time";

const TODAY = "2026-03-10";
const item = (deadline: string, status = "PLANNED", extra: { id?: string; title?: string; ownerId?: string } = {}) => ({
  id: extra.id ?? `id-${deadline}-${status}`,
  title: extra.title ?? `Item due ${deadline}`,
  ownerId: extra.ownerId ?? "owner-a",
  deadline: deadlineOn(deadline),
  status,
});

describe("statuses", () => {
  it("has a label for each of the four statuses", () => {
    expect(ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s])).toEqual([
      "Planned",
      "In progress",
      "Done",
      "Cancelled",
    ]);
  });

  it("counts planned and in-progress items as open, done and cancelled ones as closed", () => {
    expect(ACTION_STATUSES.filter(isOpenStatus)).toEqual(["PLANNED", "IN_PROGRESS"]);
  });
});

describe("days", () => {
  it("accepts real calendar days only", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("10.03.2026")).toBe(false);
    expect(isDay("2026-3-1")).toBe(false);
  });

  it("stores a deadline as midnight UTC of its day and reads the same day back", () => {
    expect(deadlineOn("2026-03-10").toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(dayOfDeadline(deadlineOn("2026-12-31"))).toBe("2026-12-31");
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-01-28", 7)).toBe("2026-02-04");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("takes today from the server's own calendar", () => {
    const lateEvening = new Date(2026, 2, 10, 23, 59);
    const earlyMorning = new Date(2026, 2, 11, 0, 1);
    expect(todayOf(lateEvening)).toBe("2026-03-10");
    expect(todayOf(earlyMorning)).toBe("2026-03-11");
    const { start, end } = dayBounds(lateEvening);
    expect(start.getTime()).toBeLessThanOrEqual(lateEvening.getTime());
    expect(end.getTime()).toBeGreaterThan(lateEvening.getTime());
    expect(end.getTime()).toBeLessThanOrEqual(earlyMorning.getTime());
  });

  it("writes days the same way everywhere", () => {
    expect(formatDay("2026-05-31")).toBe("31 May 2026");
    expect(formatDay("2026-01-01")).toBe("1 Jan 2026");
  });
});

describe("overdue", () => {
  it("is overdue from the day after the deadline, not on the deadline itself", () => {
    expect(isOverdue(item("2026-03-09"), TODAY)).toBe(true);
    expect(isOverdue(item("2026-03-10"), TODAY)).toBe(false);
    expect(isOverdue(item("2026-03-11"), TODAY)).toBe(false);
    expect(isOverdue(item("2025-12-31"), TODAY)).toBe(true);
  });

  it("is never overdue once done or cancelled", () => {
    expect(isOverdue(item("2026-01-01", "IN_PROGRESS"), TODAY)).toBe(true);
    expect(isOverdue(item("2026-01-01", "DONE"), TODAY)).toBe(false);
    expect(isOverdue(item("2026-01-01", "CANCELLED"), TODAY)).toBe(false);
  });
});

describe("digest selection", () => {
  it("takes open items that are overdue or due within 7 days, today and day 7 included", () => {
    expect(isDueForDigest(item("2026-01-01"), TODAY)).toBe(true);
    expect(isDueForDigest(item("2026-03-10"), TODAY)).toBe(true);
    expect(isDueForDigest(item("2026-03-17"), TODAY)).toBe(true);
    expect(isDueForDigest(item("2026-03-18"), TODAY)).toBe(false);
    expect(isDueForDigest(item("2026-03-12", "DONE"), TODAY)).toBe(false);
    expect(isDueForDigest(item("2026-03-01", "CANCELLED"), TODAY)).toBe(false);
  });

  it("makes one digest per owner, overdue first, each part soonest first", () => {
    const items = [
      item("2026-03-15", "PLANNED", { ownerId: "b" }),
      item("2026-03-12", "IN_PROGRESS", { ownerId: "a" }),
      item("2026-03-01", "PLANNED", { ownerId: "a" }),
      item("2026-03-09", "PLANNED", { ownerId: "a" }),
      item("2026-04-30", "PLANNED", { ownerId: "c" }),
      item("2026-03-02", "DONE", { ownerId: "c" }),
    ];
    const digests = selectDigests(items, TODAY);
    expect(digests.map((d) => d.ownerId)).toEqual(["a", "b"]);
    const [a, b] = digests;
    expect(a.overdue.map((i) => dayOfDeadline(i.deadline))).toEqual(["2026-03-01", "2026-03-09"]);
    expect(a.dueSoon.map((i) => dayOfDeadline(i.deadline))).toEqual(["2026-03-12"]);
    expect(b.overdue).toEqual([]);
    expect(b.dueSoon.map((i) => dayOfDeadline(i.deadline))).toEqual(["2026-03-15"]);
  });

  it("writes the digest as plain text, one line per item, with links when the address is known", () => {
    const [digest] = selectDigests(
      [
        item("2026-03-01", "IN_PROGRESS", { id: "x1", title: "<b>Fix</b>\nthe\r\nrota" }),
        item("2026-03-12", "PLANNED", { id: "x2", title: '=HYPERLINK("http://evil")' }),
      ],
      TODAY,
    );
    const message = digestMessage(digest, { ownerName: "Ana", baseUrl: "https://candor.example.com/" });
    expect(message.subject).toBe("Candor: 1 action is overdue, 1 action is due within 7 days");
    expect(message.text).toContain("Hello Ana,");
    expect(message.text).toContain(
      "Overdue:\n- <b>Fix</b> the rota (due 1 Mar 2026, in progress)\n  https://candor.example.com/hr/actions/x1",
    );
    expect(message.text).toContain(
      'Due within 7 days:\n- =HYPERLINK("http://evil") (due 12 Mar 2026, planned)\n  https://candor.example.com/hr/actions/x2',
    );
    expect(message.text).toContain("https://candor.example.com/hr/actions?owner=owner-a&status=OPEN");
    expect(digestMessage(digest, { ownerName: "Ana" }).text).not.toContain("/hr/actions");
  });
});

describe("the action form", () => {
  const valid = { title: "Fix the rota", description: "", ownerId: "u1", deadline: TODAY };
  const errorsOf = (schema: ReturnType<typeof newActionSchema>, input: Record<string, string>) => {
    const result = schema.safeParse(input);
    // The first message of each field, as the form shows it.
    return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((i) => [i.path[0], i.message]));
  };

  it("accepts a deadline of today and turns empty links into none", () => {
    expect(newActionSchema(TODAY).parse({ ...valid, roundId: "", departmentId: "d1" })).toEqual({
      ...valid,
      roundId: null,
      departmentId: "d1",
      roleId: null,
      trainingId: null,
    });
  });

  it("refuses a missing owner, a deadline in the past and a title over 200 characters, each on its field", () => {
    expect(
      errorsOf(newActionSchema(TODAY), { ...valid, ownerId: "", deadline: "2026-03-09", title: "x".repeat(201) }),
    ).toEqual({
      ownerId: "Choose an owner.",
      deadline: "The deadline cannot be in the past.",
      title: "Title must be at most 200 characters.",
    });
    expect(newActionSchema(TODAY).safeParse({ ...valid, title: "x".repeat(200) }).success).toBe(true);
  });

  it("puts a title on one line before measuring it", () => {
    expect(newActionSchema(TODAY).parse({ ...valid, title: "  Fix\n the   rota " }).title).toBe("Fix the rota");
    expect(errorsOf(newActionSchema(TODAY), { ...valid, title: " \n " })).toEqual({ title: "Title is required." });
  });

  it("refuses a date that does not exist or is not a date", () => {
    expect(errorsOf(newActionSchema(TODAY), { ...valid, deadline: "2026-02-30" })).toEqual({
      deadline: "Enter the deadline as a date, like 2026-05-31.",
    });
    expect(errorsOf(newActionSchema(TODAY), { ...valid, deadline: "" })).toEqual({ deadline: "Enter a deadline." });
  });

  it("lets an edit keep a deadline that has passed, but not move one into the past", () => {
    expect(editActionSchema(TODAY, "2026-03-01").safeParse({ ...valid, deadline: "2026-03-01" }).success).toBe(true);
    expect(errorsOf(editActionSchema(TODAY, "2026-03-01"), { ...valid, deadline: "2026-03-02" })).toEqual({
      deadline: "The deadline cannot be in the past.",
    });
  });

  it("reads a note with or without a status change", () => {
    expect(actionNoteSchema.parse({ body: " Done! ", status: "DONE" })).toEqual({ body: "Done!", status: "DONE" });
    expect(actionNoteSchema.parse({ body: "Talked to the team", status: "" })).toEqual({
      body: "Talked to the team",
      status: null,
    });
    expect(actionNoteSchema.safeParse({ body: "", status: "DONE" }).error?.issues[0].message).toBe("Note is required.");
    expect(actionNoteSchema.safeParse({ body: "x", status: "FINISHED" }).error?.issues[0].message).toBe(
      "Choose a status from the list.",
    );
  });
});

describe("the list's filters", () => {
  it("keeps what makes sense and drops the rest", () => {
    const filter = parseActionFilter(new URLSearchParams("owner=u1&status=NOPE&department=d%27;--&round=r1&overdue=1"));
    expect(filter).toEqual({ owner: "u1", status: "", department: "", round: "r1", overdue: true });
    expect(parseActionFilter(new URLSearchParams())).toEqual({
      owner: "",
      status: "",
      department: "",
      round: "",
      overdue: false,
    });
  });

  it("writes a filter back as the query string the CSV link uses", () => {
    expect(filterQuery(parseActionFilter(new URLSearchParams("status=OPEN&overdue=on&department=d1")))).toBe(
      "?status=OPEN&department=d1&overdue=1",
    );
    expect(filterQuery(parseActionFilter(new URLSearchParams()))).toBe("");
  });

  it("links to a prefilled new item from a results page", () => {
    expect(newActionHref({ roundId: "r1", departmentId: "d1", roleId: null })).toBe(
      "/hr/actions/new?roundId=r1&departmentId=d1",
    );
    expect(newActionHref({})).toBe("/hr/actions/new");
  });
});

describe("CSV", () => {
  const row = (overrides: Partial<ActionExportRow>): ActionExportRow => ({
    title: "Fix the rota",
    description: "",
    status: "PLANNED",
    deadline: deadlineOn("2026-03-01"),
    published: false,
    owner: { name: "Ana", email: "ana@example.com" },
    department: { name: "Sales" },
    role: null,
    training: null,
    round: { name: "Spring" },
    latestNote: null,
    ...overrides,
  });

  it("marks overdue items and keeps formulas and markup as text", () => {
    const csv = actionsCsv(
      [
        row({ title: "=1+1", description: "<script>alert(1)</script>", latestNote: "@SUM(A1)" }),
        row({ status: "DONE" }),
      ],
      TODAY,
    );
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      '"Title","Status","Deadline","Overdue","Owner","Owner e-mail","Department","Role","Training","Round","Published","Description","Latest note"',
    );
    expect(lines[1]).toBe(
      `"'=1+1","Planned","2026-03-01","yes","Ana","ana@example.com","Sales",,,"Spring","no","<script>alert(1)</script>","'@SUM(A1)"`,
    );
    expect(lines[2]).toContain('"Fix the rota","Done","2026-03-01","no",');
  });
});
