import { describe, expect, it } from "vitest";
import { emptyWording, fillWording, usesPlaceholder, withFallback, type SurveyDraft } from "~/domain/survey";
import {
  applySurveyEdit,
  parseSurveyIntent,
  readSurveyDraft,
  UnreadableSurveyForm,
  validateSurveyDraft,
} from "~/domain/survey-form";
import { draftFromTemplate } from "~/domain/survey-templates";

/** The form fields the editor would post for a draft. */
function formOf(draft: SurveyDraft): Record<string, string> {
  const values: Record<string, string> = { name: draft.name, kind: draft.kind };
  draft.questions.forEach((question, index) => {
    values[`q-${index}-type`] = question.type;
    for (const [locale, text] of Object.entries(question.texts)) values[`q-${index}-${locale}`] = text;
  });
  return values;
}

const question = (type: "NPS" | "TEXT" | "RATING", en: string) => ({ type, texts: { ...emptyWording(), en } });

describe("reading the survey form", () => {
  it("reads back what the editor posts, trimmed and on one line", () => {
    const draft = draftFromTemplate("TRAINING");
    const values = formOf(draft);
    values["q-1-en"] = "  Why\r\n  this score? ";
    const read = readSurveyDraft(values);
    expect(read.questions).toHaveLength(5);
    expect(read.questions[1].texts.en).toBe("Why this score?");
    expect(read.questions[0].texts.uk).toBe(draft.questions[0].texts.uk);
  });

  it("refuses a form whose structure was tampered with", () => {
    const draft = draftFromTemplate("ENPS");
    const cases: Record<string, string>[] = [
      { ...formOf(draft), "q-0-type": "TEXT" },
      { ...formOf(draft), "q-1-type": "NPS" },
      { ...formOf(draft), "q-2-type": "DROPDOWN" },
      { ...formOf(draft), kind: "OTHER" },
      { name: "x", kind: "ENPS" },
    ];
    for (const values of cases) expect(() => readSurveyDraft(values)).toThrow(UnreadableSurveyForm);
  });
});

describe("validating a survey", () => {
  const base: SurveyDraft = {
    name: "Pulse",
    kind: "ENPS",
    questions: [question("NPS", "Would you recommend {company}?")],
  };

  it("needs a name and the English wording of every question", () => {
    const errors = validateSurveyDraft({ ...base, name: "", questions: [...base.questions, question("TEXT", "")] });
    expect(errors).toEqual({ name: "The survey name is required.", "q-1-en": "The English wording is required." });
  });

  it("lets translations stay empty (English is shown) but not run over 500 characters", () => {
    const long = "x".repeat(501);
    const nps = { type: "NPS" as const, texts: { ...emptyWording(), en: "Fine", pl: long } };
    expect(validateSurveyDraft({ ...base, questions: [nps] })).toEqual({
      "q-0-pl": "The Polski wording must be at most 500 characters (it has 501).",
    });
    expect(
      validateSurveyDraft({ ...base, questions: [{ ...nps, texts: { ...nps.texts, pl: "x".repeat(500) } }] }),
    ).toEqual({});
  });

  it("allows at most 20 questions", () => {
    const many = [base.questions[0], ...Array.from({ length: 20 }, (_, i) => question("TEXT", `Q${i}`))];
    expect(validateSurveyDraft({ ...base, questions: many }).questions).toBe(
      "A survey has at most 20 questions; this one has 21.",
    );
    expect(validateSurveyDraft({ ...base, questions: many.slice(0, 20) })).toEqual({});
  });

  it("knows only {company} and {training}, and {training} only on training surveys", () => {
    expect(validateSurveyDraft({ ...base, questions: [question("NPS", "Recommend {team}?")] })["q-0-en"]).toMatch(
      /\{team\} is not a placeholder/,
    );
    expect(validateSurveyDraft({ ...base, questions: [question("NPS", "Recommend {training}?")] })["q-0-en"]).toMatch(
      /only filled in on training surveys/,
    );
    expect(
      validateSurveyDraft({
        ...base,
        kind: "TRAINING",
        questions: [question("NPS", "Recommend {training} at {company}?")],
      }),
    ).toEqual({});
  });
});

describe("editing a draft", () => {
  const draft: SurveyDraft = {
    name: "S",
    kind: "ENPS",
    questions: [question("NPS", "n"), question("TEXT", "a"), question("RATING", "b"), question("TEXT", "c")],
  };
  const order = (d: SurveyDraft) => d.questions.map((q) => q.texts.en);

  it("reads the buttons' intents and nothing else", () => {
    expect(parseSurveyIntent("save")).toEqual({ kind: "save" });
    expect(parseSurveyIntent("add-RATING")).toEqual({ kind: "add", type: "RATING" });
    expect(parseSurveyIntent("down-2")).toEqual({ kind: "down", index: 2 });
    for (const bad of ["add-NPS", "remove-", "up-1x", "delete-1", null, 3]) expect(parseSurveyIntent(bad)).toBeNull();
  });

  it("adds an empty question at the end and puts the cursor in it", () => {
    const outcome = applySurveyEdit(draft, { kind: "add", type: "RATING" });
    expect(outcome.draft.questions.map((q) => q.type)).toEqual(["NPS", "TEXT", "RATING", "TEXT", "RATING"]);
    expect(outcome.draft.questions[4].texts.en).toBe("");
    expect(outcome.focus).toBe("q-4-en");
    expect(draft.questions).toHaveLength(4);
  });

  it("refuses a 21st question", () => {
    const full = {
      ...draft,
      questions: [draft.questions[0], ...Array.from({ length: 19 }, () => question("TEXT", "t"))],
    };
    const outcome = applySurveyEdit(full, { kind: "add", type: "TEXT" });
    expect(outcome.error).toBe("A survey has at most 20 questions.");
    expect(outcome.draft.questions).toHaveLength(20);
  });

  it("moves and removes follow-ups, never the 0-10 question", () => {
    expect(order(applySurveyEdit(draft, { kind: "up", index: 2 }).draft)).toEqual(["n", "b", "a", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "down", index: 1 }).draft)).toEqual(["n", "b", "a", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "up", index: 1 }).draft)).toEqual(["n", "a", "b", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "down", index: 3 }).draft)).toEqual(["n", "a", "b", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "remove", index: 2 }).draft)).toEqual(["n", "a", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "remove", index: 0 }).draft)).toEqual(["n", "a", "b", "c"]);
    expect(order(applySurveyEdit(draft, { kind: "remove", index: 9 }).draft)).toEqual(["n", "a", "b", "c"]);
  });
});

describe("wording", () => {
  it("falls back to English for an empty translation", () => {
    expect(withFallback({ en: "Hello", uk: "Привіт", pl: "  " })).toEqual({
      en: "Hello",
      zh: "Hello",
      uk: "Привіт",
      pl: "Hello",
      bg: "Hello",
      ru: "Hello",
    });
  });

  it("fills {company} and {training}, leaving a placeholder without a value visible", () => {
    expect(fillWording("Recommend {company}?", { company: "Acme" })).toBe("Recommend Acme?");
    expect(fillWording("The {training} training at {company}", { training: "First aid", company: null })).toBe(
      "The First aid training at {company}",
    );
  });

  it("finds placeholders in any language", () => {
    expect(usesPlaceholder([{ texts: { en: "Plain", uk: "компанію {company}" } }], "company")).toBe(true);
    expect(usesPlaceholder([{ texts: { en: "Plain" } }], "company")).toBe(false);
  });
});
