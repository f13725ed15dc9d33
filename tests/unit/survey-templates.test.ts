import { describe, expect, it } from "vitest";
import { placeholdersIn } from "~/domain/survey";
import { validateSurveyDraft } from "~/domain/survey-form";
import { draftFromTemplate, ENPS_TEMPLATE, SURVEY_TEMPLATES, TRAINING_TEMPLATE } from "~/domain/survey-templates";
import { LOCALES } from "~/i18n/locales";

const templates = Object.values(SURVEY_TEMPLATES);
const everyWording = templates.flatMap((template) =>
  template.questions.flatMap((question, index) =>
    LOCALES.map((locale) => ({
      template: template.kind,
      index,
      locale,
      text: question.texts[locale],
      english: question.texts.en,
    })),
  ),
);

describe("survey templates", () => {
  it("word every question in all six languages", () => {
    for (const { template, index, locale, text } of everyWording) {
      expect(text?.trim(), `${template} question ${index + 1} in ${locale}`).toBeTruthy();
    }
  });

  it("keep exactly the English placeholders in every language", () => {
    for (const { template, index, locale, text, english } of everyWording) {
      expect(placeholdersIn(text).sort(), `${template} question ${index + 1} in ${locale}`).toEqual(
        placeholdersIn(english).sort(),
      );
    }
  });

  it("are translated, not copied: each language is in its own script and differs from English", () => {
    const han = /\p{Script=Han}/u;
    const cyrillic = /\p{Script=Cyrillic}/u;
    const latinOutsidePlaceholders = (text: string) => /[A-Za-z]/.test(text.replace(/\{\w+\}/g, ""));
    for (const { template, index, locale, text, english } of everyWording) {
      const where = `${template} question ${index + 1} in ${locale}`;
      if (locale !== "en") expect(text, where).not.toBe(english);
      if (locale === "zh") expect(han.test(text), where).toBe(true);
      if (locale === "uk" || locale === "ru" || locale === "bg") {
        expect(cyrillic.test(text), where).toBe(true);
        expect(latinOutsidePlaceholders(text), where).toBe(false);
      }
      if (locale === "pl") expect(cyrillic.test(text), where).toBe(false);
      // Ukrainian letters in a Russian wording would be a mix-up of the two.
      if (locale === "ru") expect(/[іїєґІЇЄҐ]/.test(text), where).toBe(false);
    }
  });

  it("start with the 0-10 question, which names the company or the training", () => {
    expect(ENPS_TEMPLATE.questions[0]).toMatchObject({ type: "NPS" });
    expect(ENPS_TEMPLATE.questions[0].texts.en).toBe("How likely are you to recommend {company} as a place to work?");
    expect(ENPS_TEMPLATE.questions.slice(1).map((q) => [q.type, q.texts.en])).toEqual([
      ["TEXT", "What is the main reason for your score?"],
      ["TEXT", "What one thing should we improve?"],
    ]);
    expect(TRAINING_TEMPLATE.questions[0].texts.en).toBe(
      "How likely are you to recommend the {training} training to a colleague?",
    );
    expect(TRAINING_TEMPLATE.questions.map((q) => q.type)).toEqual(["NPS", "TEXT", "RATING", "RATING", "RATING"]);
    expect(TRAINING_TEMPLATE.questions[2].texts.en).toBe("The content was relevant to my work.");
  });

  it("pass the editor's own validation as they are", () => {
    for (const template of templates) expect(validateSurveyDraft(draftFromTemplate(template.kind))).toEqual({});
  });

  it("hand out copies, so editing a draft never changes the template", () => {
    const draft = draftFromTemplate("ENPS");
    draft.questions[0].texts.en = "Changed";
    expect(ENPS_TEMPLATE.questions[0].texts.en).not.toBe("Changed");
  });
});
