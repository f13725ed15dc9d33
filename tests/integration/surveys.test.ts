import { describe, expect, it } from "vitest";
import { emptyWording, fillWording } from "~/domain/survey";
import { draftFromTemplate } from "~/domain/survey-templates";
import { COMMAND_LINE } from "~/models/audit.server";
import { getCompanyName, setCompanyName } from "~/models/settings.server";
import { createSurvey, getSurvey, getSurveyForAnswering, listSurveys, updateSurvey } from "~/models/surveys.server";
import { prisma } from "~/utils/db.server";

describe("surveys", () => {
  it("store the wording per locale, keeping only the translations someone typed", async () => {
    const draft = draftFromTemplate("ENPS");
    draft.questions.push({ type: "RATING", texts: { ...emptyWording(), en: "I feel heard.", uk: "Мене чують." } });
    const { id } = await createSurvey(COMMAND_LINE, draft);
    const rating = await prisma.question.findFirstOrThrow({
      where: { surveyId: id, position: 3 },
      select: { type: true, required: true, texts: true },
    });
    expect(rating).toMatchObject({ type: "RATING", required: false });
    expect(rating.texts.map((t) => t.locale).sort()).toEqual(["en", "uk"]);
    const stored = await getSurvey(id);
    expect(stored?.draft).toEqual(draft);
    expect(stored?.locked).toBe(false);
  });

  it("replace their questions when edited before any launch", async () => {
    const { id } = await createSurvey(COMMAND_LINE, draftFromTemplate("TRAINING"));
    const shorter = draftFromTemplate("TRAINING");
    shorter.name = "Short training NPS";
    shorter.questions = [shorter.questions[0], shorter.questions[2]];
    await updateSurvey(COMMAND_LINE, id, shorter);
    expect((await getSurvey(id))?.draft).toEqual(shorter);
    expect(await prisma.question.count({ where: { surveyId: id } })).toBe(2);
  });

  it("give the answer pages every wording, English where a translation is missing, and the company name", async () => {
    await setCompanyName(COMMAND_LINE, "Acme Logistics");
    const draft = draftFromTemplate("ENPS");
    draft.questions[2].texts.bg = "";
    const { id } = await createSurvey(COMMAND_LINE, { ...draft, name: "Without Bulgarian" });
    const survey = (await getSurveyForAnswering(id))!;
    expect(survey.companyName).toBe("Acme Logistics");
    expect(survey.questions.map((q) => [q.position, q.type, q.required])).toEqual([
      [0, "NPS", true],
      [1, "TEXT", false],
      [2, "TEXT", false],
    ]);
    expect(survey.questions[2].texts.bg).toBe("What one thing should we improve?");
    expect(fillWording(survey.questions[0].texts.uk, { company: survey.companyName })).toBe(
      "Наскільки ймовірно, що ви порекомендуєте компанію Acme Logistics як місце роботи?",
    );
    expect(await getSurveyForAnswering("missing")).toBeNull();
  });

  it("are listed with their question and round counts", async () => {
    const { id } = await createSurvey(COMMAND_LINE, { ...draftFromTemplate("ENPS"), name: "Listed" });
    const listed = (await listSurveys()).find((s) => s.id === id);
    expect(listed).toMatchObject({ name: "Listed", kind: "ENPS", questionCount: 3, roundCount: 0, archived: false });
  });
});

describe("the company name", () => {
  it("is kept as a setting, and each change is audited", async () => {
    await setCompanyName(COMMAND_LINE, "Old Name");
    await setCompanyName(COMMAND_LINE, "New Name");
    expect(await getCompanyName()).toBe("New Name");
    const entry = await prisma.auditLog.findFirst({
      where: { action: "setting.company-name" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ target: "New Name", details: 'was "Old Name"' });
  });
});
