import { describe, expect, it } from "vitest";
import { NO_PARTICIPANTS, trainingDateProblems, trainingFormSchema } from "~/domain/training-input";

const valid = {
  title: "  Feedback skills ",
  topic: "Communication",
  trainerId: "trainer-1",
  startsOn: "2026-05-20T09:00",
  endsOn: "2026-05-20T17:00",
  personIds: ["p1", "p2"],
  k: "5",
  surveyId: "",
};

function errorsOf(values: Record<string, unknown>) {
  const result = trainingFormSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("the training form", () => {
  it("reads a valid form: trimmed text, UTC times, lists, checkboxes, the default survey", () => {
    expect(trainingFormSchema.parse(valid)).toEqual({
      title: "Feedback skills",
      topic: "Communication",
      trainerId: "trainer-1",
      startsOn: new Date("2026-05-20T09:00:00Z"),
      endsOn: new Date("2026-05-20T17:00:00Z"),
      personIds: ["p1", "p2"],
      departmentIds: [],
      roleIds: [],
      openLink: false,
      k: 5,
      surveyId: null,
    });
  });

  it("takes one picked person, a department alone, or the open link alone", () => {
    expect(trainingFormSchema.parse({ ...valid, personIds: "p1" }).personIds).toEqual(["p1"]);
    expect(trainingFormSchema.parse({ ...valid, personIds: undefined, departmentIds: "d1" }).departmentIds).toEqual([
      "d1",
    ]);
    expect(trainingFormSchema.parse({ ...valid, personIds: undefined, openLink: "on" }).openLink).toBe(true);
  });

  it("requires a title and a topic, and bounds them", () => {
    expect(errorsOf({ ...valid, title: "   ", topic: undefined })).toEqual({
      title: "The title is required.",
      topic: "The topic is required.",
    });
    expect(errorsOf({ ...valid, title: "x".repeat(101), topic: "y".repeat(61) })).toEqual({
      title: "The title must be at most 100 characters.",
      topic: "The topic must be at most 60 characters.",
    });
  });

  it("refuses an end before the start", () => {
    expect(errorsOf({ ...valid, endsOn: "2026-05-20T08:59" })).toEqual({
      endsOn: "The end cannot be before the start.",
    });
  });

  it("takes a training that ends when it starts", () => {
    expect(errorsOf({ ...valid, endsOn: valid.startsOn })).toEqual({});
  });

  it("asks for at least one participant unless the open link is on", () => {
    expect(errorsOf({ ...valid, personIds: undefined })).toEqual({ participants: NO_PARTICIPANTS });
  });

  it("refuses dates that are not dates, a k below 3, and ids that are not ids", () => {
    expect(errorsOf({ ...valid, startsOn: "2026-02-30T09:00", k: "2", trainerId: "", personIds: ["a b"] })).toEqual({
      startsOn: "Enter the start as a date and time (UTC).",
      k: "k must be a whole number from 3 to 100.",
      trainerId: "Choose the trainer.",
      personIds: "Choose from the list.",
    });
  });
});

describe("trainingDateProblems", () => {
  const now = new Date("2026-05-01T12:00:00Z");

  it("accepts a training that starts in the future and ends after it starts", () => {
    expect(
      trainingDateProblems(
        { startsOn: new Date("2026-05-20T09:00:00Z"), endsOn: new Date("2026-05-21T17:00:00Z") },
        now,
      ),
    ).toEqual({});
  });

  it("refuses a start that has passed, since the before round closes at the start", () => {
    expect(trainingDateProblems({ startsOn: now, endsOn: new Date("2026-05-02T00:00:00Z") }, now).startsOn).toMatch(
      /has passed/,
    );
  });

  it("refuses an end before the start, and a training longer than a year", () => {
    const startsOn = new Date("2026-05-20T09:00:00Z");
    expect(trainingDateProblems({ startsOn, endsOn: new Date("2026-05-20T08:00:00Z") }, now)).toEqual({
      endsOn: "The end cannot be before the start.",
    });
    expect(trainingDateProblems({ startsOn, endsOn: new Date("2027-05-22T09:00:00Z") }, now)).toEqual({
      endsOn: "A training can last at most 366 days.",
    });
  });
});
