import type { SurveyKind } from "~/domain/survey";
import { draftFromTemplate } from "~/domain/survey-templates";
import { COMMAND_LINE } from "~/models/audit.server";
import { launchRound, type LaunchInput } from "~/models/round-launch.server";
import { setCompanyName } from "~/models/settings.server";
import { createSurvey, freeSurveyName } from "~/models/surveys.server";

export const DAY = 24 * 60 * 60 * 1000;

let making: Promise<unknown> = Promise.resolve();

/**
 * A survey made from a template, with the company name its wording needs. Survey names are
 * unique ("Employee NPS", then "Employee NPS (2)"...), so calls made together run one by one.
 */
export function makeTemplateSurvey(kind: SurveyKind = "ENPS"): Promise<{ id: string; name: string }> {
  const made = making.then(async () => {
    await setCompanyName(COMMAND_LINE, "Acme");
    const draft = draftFromTemplate(kind);
    const name = await freeSurveyName(draft.name);
    return { ...(await createSurvey(COMMAND_LINE, { ...draft, name })), name };
  });
  making = made.catch(() => undefined);
  return made;
}

/** Launches an open two-week round of a fresh eNPS survey; `overrides` change any of it. */
export async function launchOpenRound(overrides: Partial<LaunchInput> = {}, now = new Date()) {
  const surveyId = overrides.surveyId ?? (await makeTemplateSurvey()).id;
  return launchRound(
    COMMAND_LINE,
    {
      name: "Test round",
      surveyId,
      kind: "PERIODIC",
      opensAt: new Date(now.getTime() - 60_000),
      closesAt: new Date(now.getTime() + 14 * DAY),
      k: 5,
      audience: { departmentIds: [], roleIds: [] },
      sharedLink: false,
      ...overrides,
    },
    now,
  );
}
