import { describe, expect, it } from "vitest";
import { TRAINING_TEMPLATE } from "~/domain/survey-templates";
import {
  afterRoundWindow,
  beforeRoundWindow,
  followUpFormSchema,
  followUpRoundWindow,
  isTrainingRoundKind,
  matchesTemplate,
  trainingRoundName,
} from "~/domain/training-rounds";

const at = (iso: string) => new Date(iso);

describe("the rounds' dates from the training's dates", () => {
  it("opens the before round a week ahead of a start that is further away, and closes it at the start", () => {
    const window = beforeRoundWindow(at("2026-05-20T09:00:00Z"), at("2026-05-01T12:00:00Z"));
    expect(window).toEqual({ opensAt: at("2026-05-13T09:00:00Z"), closesAt: at("2026-05-20T09:00:00Z") });
  });

  it("opens the before round now when the start is less than a week away", () => {
    const now = at("2026-05-18T15:30:00Z");
    expect(beforeRoundWindow(at("2026-05-20T09:00:00Z"), now)).toEqual({
      opensAt: now,
      closesAt: at("2026-05-20T09:00:00Z"),
    });
  });

  it("opens the after round at the end and keeps it open 14 days", () => {
    expect(afterRoundWindow(at("2026-05-21T17:00:00Z"))).toEqual({
      opensAt: at("2026-05-21T17:00:00Z"),
      closesAt: at("2026-06-04T17:00:00Z"),
    });
  });

  it("opens the follow-up the chosen number of days after the end, for 14 days", () => {
    expect(followUpRoundWindow(at("2026-05-21T17:00:00Z"), 60, at("2026-06-01T00:00:00Z"))).toEqual({
      opensAt: at("2026-07-20T17:00:00Z"),
      closesAt: at("2026-08-03T17:00:00Z"),
    });
  });

  it("opens a follow-up added after its day has passed now", () => {
    const now = at("2026-09-01T10:00:00Z");
    expect(followUpRoundWindow(at("2026-05-21T17:00:00Z"), 60, now)).toEqual({
      opensAt: now,
      closesAt: at("2026-09-15T10:00:00Z"),
    });
  });

  it("names each round after the training", () => {
    expect(trainingRoundName("Feedback skills", "TRAINING_PRE")).toBe("Feedback skills · before");
    expect(trainingRoundName("Feedback skills", "TRAINING_POST")).toBe("Feedback skills · after");
    expect(trainingRoundName("Feedback skills", "TRAINING_FOLLOWUP")).toBe("Feedback skills · follow-up");
  });

  it("knows the training round kinds", () => {
    expect(["TRAINING_PRE", "TRAINING_POST", "TRAINING_FOLLOWUP"].every(isTrainingRoundKind)).toBe(true);
    expect(isTrainingRoundKind("PERIODIC")).toBe(false);
  });
});

describe("the follow-up form", () => {
  it.each(["7", "60", "365"])("takes %s days", (days) => {
    expect(followUpFormSchema.parse({ daysAfterEnd: days })).toEqual({ daysAfterEnd: Number(days) });
  });

  it.each(["6", "366", "-3", "2.5", "", "sixty"])("refuses %j with a plain message", (days) => {
    const result = followUpFormSchema.safeParse({ daysAfterEnd: days });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Enter a whole number of days from 7 to 365.");
  });
});

describe("matchesTemplate", () => {
  const asStored = TRAINING_TEMPLATE.questions.map((q) => ({ type: q.type, en: q.texts.en }));

  it("recognises a survey stored from the template", () => {
    expect(matchesTemplate(asStored, TRAINING_TEMPLATE)).toBe(true);
  });

  it("does not take a survey whose wording, order or length differs", () => {
    expect(
      matchesTemplate(
        asStored.map((q, i) => (i === 2 ? { ...q, en: "Something else" } : q)),
        TRAINING_TEMPLATE,
      ),
    ).toBe(false);
    expect(matchesTemplate([...asStored].reverse(), TRAINING_TEMPLATE)).toBe(false);
    expect(matchesTemplate(asStored.slice(0, -1), TRAINING_TEMPLATE)).toBe(false);
    expect(matchesTemplate([...asStored, { type: "TEXT", en: "More?" }], TRAINING_TEMPLATE)).toBe(false);
  });
});
