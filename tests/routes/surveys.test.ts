import { describe, expect, it } from "vitest";
import { draftFromTemplate } from "~/domain/survey-templates";
import { previewLaunch } from "~/models/round-launch.server";
import { getSurvey } from "~/models/surveys.server";
import * as surveyPage from "~/routes/hr.surveys.$surveyId";
import * as surveysList from "~/routes/hr.surveys._index";
import * as newSurvey from "~/routes/hr.surveys.new";
import { prisma } from "~/utils/db.server";
import { takeNotice } from "~/utils/notice.server";
import { makeDepartment, makeOrg, makeUser } from "../support/fixtures";
import { call, makeRequest } from "../support/http";
import { launchOpenRound, makeTemplateSurvey } from "../support/launch";

/** The editor's fields for the eNPS template, as the page posts them. */
function templateForm(intent: string, changes: Record<string, string> = {}): Record<string, string> {
  const draft = draftFromTemplate("ENPS");
  const form: Record<string, string> = { intent, name: draft.name, kind: draft.kind, revision: "0" };
  draft.questions.forEach((q, i) => {
    form[`q-${i}-type`] = q.type;
    for (const [locale, text] of Object.entries(q.texts)) form[`q-${i}-${locale}`] = text;
  });
  return { ...form, ...changes };
}

describe("the survey pages", () => {
  it("are for HR admins only: 403 for trainers and managers, on every page and form", async () => {
    const survey = await makeTemplateSurvey();
    for (const user of [await makeUser("TRAINER"), await makeUser("MANAGER", (await makeDepartment()).id)]) {
      const as = { as: user };
      expect((await call(surveysList.loader, await makeRequest("/hr/surveys", as))).status).toBe(403);
      expect(
        (
          await call(
            surveysList.action,
            await makeRequest("/hr/surveys", { ...as, form: { intent: "company-name", companyName: "X" } }),
          )
        ).status,
      ).toBe(403);
      expect((await call(newSurvey.loader, await makeRequest("/hr/surveys/new?template=ENPS", as))).status).toBe(403);
      expect(
        (await call(newSurvey.action, await makeRequest("/hr/surveys/new", { ...as, form: templateForm("save") })))
          .status,
      ).toBe(403);
      expect(
        (await call(surveyPage.loader, await makeRequest(`/hr/surveys/${survey.id}`, as), { surveyId: survey.id }))
          .status,
      ).toBe(403);
      expect(
        (
          await call(
            surveyPage.action,
            await makeRequest(`/hr/surveys/${survey.id}`, { ...as, form: { intent: "archive" } }),
            { surveyId: survey.id },
          )
        ).status,
      ).toBe(403);
    }
    expect((await getSurvey(survey.id))?.archived).toBe(false);
  });

  it("start from a template or a copy, and answer 404 for unknown ones", async () => {
    const admin = await makeUser("ADMIN");
    const choose = await call(newSurvey.loader, await makeRequest("/hr/surveys/new", { as: admin }));
    expect(choose.data.draft).toBeNull();
    expect(choose.data.templates.map((t: { kind: string }) => t.kind)).toEqual(["ENPS", "TRAINING"]);
    const training = await call(
      newSurvey.loader,
      await makeRequest("/hr/surveys/new?template=TRAINING", { as: admin }),
    );
    expect(training.data.draft.questions).toHaveLength(5);
    const original = await makeTemplateSurvey();
    const copy = await call(newSurvey.loader, await makeRequest(`/hr/surveys/new?from=${original.id}`, { as: admin }));
    expect(copy.data.draft.name).toBe(`${original.name} (copy)`);
    expect(
      (await call(newSurvey.loader, await makeRequest("/hr/surveys/new?template=QUIZ", { as: admin }))).status,
    ).toBe(404);
    expect(
      (await call(newSurvey.loader, await makeRequest("/hr/surveys/new?from=missing", { as: admin }))).status,
    ).toBe(404);
    expect(
      (await call(surveyPage.loader, await makeRequest("/hr/surveys/x", { as: admin }), { surveyId: "missing" }))
        .status,
    ).toBe(404);
  });

  it("add, move and remove questions without storing anything", async () => {
    const admin = await makeUser("ADMIN");
    const before = await prisma.survey.count();
    const added = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("add-RATING") }),
    );
    expect(added.status).toBe(200);
    expect(added.data.draft.questions.map((q: { type: string }) => q.type)).toEqual(["NPS", "TEXT", "TEXT", "RATING"]);
    expect(added.data).toMatchObject({ revision: 1, focus: "q-3-en", errors: {} });
    const moved = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("up-2") }),
    );
    expect(moved.data.draft.questions[1].texts.en).toBe("What one thing should we improve?");
    const removed = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("remove-1") }),
    );
    expect(removed.data.draft.questions).toHaveLength(2);
    expect(await prisma.survey.count()).toBe(before);
  });

  it("refuse a survey without English wording or with an overlong translation, with a message per field, storing nothing", async () => {
    const admin = await makeUser("ADMIN");
    const before = await prisma.survey.count();
    const result = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", {
        as: admin,
        form: templateForm("save", { name: " ", "q-1-en": "  ", "q-2-ru": "я".repeat(501) }),
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual({
      name: "The survey name is required.",
      "q-1-en": "The English wording is required.",
      "q-2-ru": "The Русский wording must be at most 500 characters (it has 501).",
    });
    expect(result.data.draft.questions[2].texts.ru).toHaveLength(501);
    expect(await prisma.survey.count()).toBe(before);
  });

  it("refuse a tampered form and an unknown button with 400", async () => {
    const admin = await makeUser("ADMIN");
    const tampered = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("save", { "q-0-type": "TEXT" }) }),
    );
    expect(tampered.status).toBe(400);
    expect(tampered.text).toBe("The survey form could not be read. Please reload the page and try again.");
    expect(
      (await call(newSurvey.action, await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("explode") })))
        .status,
    ).toBe(400);
  });

  it("save a new survey and show it", async () => {
    const admin = await makeUser("ADMIN");
    const saved = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("save", { name: "Our eNPS" }) }),
    );
    expect(saved.status).toBe(302);
    const id = saved.headers.get("Location")!.split("/").pop()!;
    const page = await call(surveyPage.loader, await makeRequest(`/hr/surveys/${id}`, { as: admin }), { surveyId: id });
    expect(page.data.survey).toMatchObject({ name: "Our eNPS", locked: false });
    expect(page.data.survey.draft.questions[0].texts.zh).toBe("您有多大可能推荐他人来{company}工作？");
  });

  it("refuse a name another survey has, whatever its case, with 409 and nothing stored", async () => {
    const admin = await makeUser("ADMIN");
    const taken = await makeTemplateSurvey();
    const mine = await makeTemplateSurvey();
    const before = await prisma.survey.count();
    const created = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", {
        as: admin,
        form: templateForm("save", { name: taken.name.toUpperCase() }),
      }),
    );
    expect(created.status).toBe(409);
    expect(created.data.errors).toEqual({
      name: `There is already a survey called "${taken.name}". Give this one another name.`,
    });
    expect(created.data.draft.name).toBe(taken.name.toUpperCase());
    expect(await prisma.survey.count()).toBe(before);

    const renamed = await call(
      surveyPage.action,
      await makeRequest(`/hr/surveys/${mine.id}`, {
        as: admin,
        form: templateForm("save", { name: taken.name, "q-0-en": "Changed?" }),
      }),
      { surveyId: mine.id },
    );
    expect(renamed.status).toBe(409);
    expect(renamed.data.errors.name).toMatch(/^There is already a survey called/);
    expect(await getSurvey(mine.id)).toMatchObject({
      name: mine.name,
      draft: {
        questions: [{ texts: { en: "How likely are you to recommend {company} as a place to work?" } }, {}, {}],
      },
    });
    // Keeping its own name is no clash.
    const kept = await call(
      surveyPage.action,
      await makeRequest(`/hr/surveys/${mine.id}`, { as: admin, form: templateForm("save", { name: mine.name }) }),
      { surveyId: mine.id },
    );
    expect(kept.status).toBe(302);
  });

  it("offer a template or a copy under a name no survey has yet", async () => {
    const admin = await makeUser("ADMIN");
    const first = await makeTemplateSurvey();
    const template = await call(newSurvey.loader, await makeRequest("/hr/surveys/new?template=ENPS", { as: admin }));
    expect(template.data.draft.name).not.toBe(first.name);
    expect(await prisma.survey.count({ where: { name: template.data.draft.name } })).toBe(0);
    const copyName = (
      await call(newSurvey.loader, await makeRequest(`/hr/surveys/new?from=${first.id}`, { as: admin }))
    ).data.draft.name;
    expect(copyName).toBe(`${first.name} (copy)`);
    const saved = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("save", { name: copyName }) }),
    );
    expect(saved.status).toBe(302);
    const again = await call(newSurvey.loader, await makeRequest(`/hr/surveys/new?from=${first.id}`, { as: admin }));
    expect(again.data.draft.name).toBe(`${first.name} (copy) (2)`);
  });

  it("lock a launched survey: saving changes is refused with the reason, and nothing changes", async () => {
    const admin = await makeUser("ADMIN");
    const survey = await makeTemplateSurvey();
    await launchOpenRound({
      surveyId: survey.id,
      sharedLink: true,
      audience: { departmentIds: [(await makeDepartment()).id], roleIds: [] },
    });
    const page = await call(surveyPage.loader, await makeRequest(`/hr/surveys/${survey.id}`, { as: admin }), {
      surveyId: survey.id,
    });
    expect(page.data.survey).toMatchObject({ locked: true, roundCount: 1 });
    const result = await call(
      surveyPage.action,
      await makeRequest(`/hr/surveys/${survey.id}`, {
        as: admin,
        form: templateForm("save", { "q-0-en": "Changed?" }),
      }),
      { surveyId: survey.id },
    );
    expect(result.status).toBe(409);
    expect(result.data.errors.form).toMatch(/^This survey is locked: a round has been launched with it/);
    expect((await getSurvey(survey.id))?.draft.questions[0].texts.en).toBe(
      "How likely are you to recommend {company} as a place to work?",
    );
  });

  it("archive and restore a survey", async () => {
    const admin = await makeUser("ADMIN");
    const survey = await makeTemplateSurvey();
    const send = async (intent: string) =>
      call(surveyPage.action, await makeRequest(`/hr/surveys/${survey.id}`, { as: admin, form: { intent } }), {
        surveyId: survey.id,
      });
    expect((await send("archive")).status).toBe(302);
    expect((await getSurvey(survey.id))?.archived).toBe(true);
    expect((await send("unarchive")).status).toBe(302);
    expect((await getSurvey(survey.id))?.archived).toBe(false);
  });
});

describe("the company name form", () => {
  it("needs a name, and saves it", async () => {
    const admin = await makeUser("ADMIN");
    const empty = await call(
      surveysList.action,
      await makeRequest("/hr/surveys", { as: admin, form: { intent: "company-name", companyName: "  " } }),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.companyName).toBe("The company name is required.");
    const saved = await call(
      surveysList.action,
      await makeRequest("/hr/surveys", { as: admin, form: { intent: "company-name", companyName: "Nordwind GmbH" } }),
    );
    expect(saved.status).toBe(302);
    const list = await call(surveysList.loader, await makeRequest("/hr/surveys", { as: admin }));
    expect(list.data.companyName).toBe("Nordwind GmbH");
  });
});

describe("a question without a translation", () => {
  it("is named when the survey is saved and when its launch is reviewed", async () => {
    const admin = await makeUser("ADMIN");
    const draft = draftFromTemplate("ENPS");
    const index = draft.questions.length;
    const noticeOf = async (response: { headers: Headers }) =>
      (
        await takeNotice(
          new Request("http://candor.test/", {
            headers: { Cookie: response.headers.get("Set-Cookie")!.split(";")[0] },
          }),
        )
      ).notice;

    const complete = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", { as: admin, form: templateForm("save", { name: "Fully worded" }) }),
    );
    expect(complete.status).toBe(302);
    expect(await noticeOf(complete)).toBe('The survey "Fully worded" was created.');

    const created = await call(
      newSurvey.action,
      await makeRequest("/hr/surveys/new", {
        as: admin,
        form: templateForm("save", {
          name: "With an English-only item",
          [`q-${index}-type`]: "RATING",
          [`q-${index}-en`]: "I know what is expected of me.",
        }),
      }),
    );
    expect(created.status).toBe(302);
    expect(await noticeOf(created)).toBe(
      'The survey "With an English-only item" was created. 1 question has no wording in Chinese, Ukrainian, Polish, Bulgarian, and Russian: people who answer in those languages will see it in English.',
    );
    const survey = await prisma.survey.findFirstOrThrow({ where: { name: "With an English-only item" } });
    await makeOrg({ departments: 1, roles: 1, perCell: 1 });
    const now = new Date();
    const preview = await previewLaunch(
      {
        name: "Check",
        surveyId: survey.id,
        kind: "PULSE",
        opensAt: now,
        closesAt: new Date(now.getTime() + 86_400_000),
        k: 5,
        audience: { departmentIds: [], roleIds: [] },
        sharedLink: false,
      },
      now,
    );
    expect(preview.untranslated).toMatch(/^1 question has no wording in Chinese/);
  });
});
