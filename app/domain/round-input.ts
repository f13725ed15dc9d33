import { z } from "zod";
import { DEFAULT_K, MIN_K } from "./anonymity";
import type { Audience } from "./audience";
import { HR_LOCALE, plural } from "./plural";
import { LABEL_MAX, requiredText } from "./text";
import { parseDateTimeInput } from "./utc-time";

/** What HR launches by hand; training rounds are launched from the trainings pages. */
export const HR_ROUND_KINDS = ["PERIODIC", "PULSE"] as const;

export const MAX_K = 100;
export const MAX_OPEN_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export { DEFAULT_K, MIN_K };

export const K_MESSAGE = `k must be a whole number from ${MIN_K} to ${MAX_K}.`;

export interface RoundRules {
  k: number;
  opensAt: Date;
  closesAt: Date;
}

export type RoundRuleErrors = Partial<Record<keyof RoundRules, string>>;

/**
 * The rules every round obeys, however it is launched (form, schedule, training): k of at least
 * MIN_K (anonymity rule 4), and a closing time after the opening time and in the future.
 */
export function roundRuleProblems({ k, opensAt, closesAt }: RoundRules, now: Date): RoundRuleErrors {
  const errors: RoundRuleErrors = {};
  if (!Number.isInteger(k) || k < MIN_K || k > MAX_K) errors.k = K_MESSAGE;
  if (closesAt.getTime() <= opensAt.getTime()) {
    errors.closesAt = "The closing time must be after the opening time.";
  } else if (closesAt.getTime() <= now.getTime()) {
    errors.closesAt = "The closing time has already passed; choose a time in the future.";
  } else if (closesAt.getTime() - opensAt.getTime() > MAX_OPEN_DAYS * DAY_MS) {
    errors.closesAt = `A round can stay open for at most ${MAX_OPEN_DAYS} days.`;
  }
  return errors;
}

/**
 * What a review says when fewer people are invited than k: even if all of them answer, no figure
 * of the round (or of a schedule's rounds) can ever be shown, unless others answer through a
 * shared link.
 */
export function thresholdCaution(
  invited: number,
  k: number,
  sharedLink: boolean,
  rounds = "this round",
): string | null {
  if (invited >= k) return null;
  if (sharedLink && invited === 0)
    return `Results show once at least ${k} people have answered through the shared link.`;
  const few = `Only ${plural(HR_LOCALE, invited, { one: "# person is", other: "# people are" })} invited`;
  const unless = sharedLink ? " unless more people answer through the shared link" : "";
  const remedy = invited >= MIN_K ? "Invite more people or lower k." : "Invite more people.";
  return `${few}, fewer than k = ${k}: even if everyone answers, no result of ${rounds} can be shown${unless}. ${remedy}`;
}

export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Checkbox lists: absent, one value, or several. */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((id) => id !== ""))
  .refine((ids) => ids.every((id) => idPattern.test(id)), "Choose from the list.");

/**
 * The random key a form is served with, so that the same form sent twice (a double click without
 * JavaScript) acts once. Nobody types it: a form that lost or mangled it acts without the guard.
 */
export const formKey = z.uuid().optional().catch(undefined);

export const kField = z
  .string({ error: K_MESSAGE })
  .trim()
  .regex(/^\d{1,6}$/, K_MESSAGE)
  .transform(Number)
  .refine((k) => k >= MIN_K && k <= MAX_K, K_MESSAGE);

export function dateTimeField(label: string) {
  const message = `Enter the ${label} as a date and time (UTC).`;
  return z.string({ error: message }).transform((value, ctx) => {
    const date = parseDateTimeInput(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
}

/**
 * The audience part of a form: "everyone", or chosen departments and/or roles (at least one).
 * Unticked boxes in "everyone" mode are ignored, so a change of mind needs no unticking.
 */
export const audienceFields = {
  audience: z.enum(["everyone", "chosen"], { error: "Choose who is invited." }),
  departmentIds: idList,
  roleIds: idList,
};

export function audienceOf(values: {
  audience: "everyone" | "chosen";
  departmentIds: string[];
  roleIds: string[];
}): Audience {
  return values.audience === "everyone"
    ? { departmentIds: [], roleIds: [] }
    : { departmentIds: [...new Set(values.departmentIds)], roleIds: [...new Set(values.roleIds)] };
}

export function requireChosenGroups(
  values: { audience: "everyone" | "chosen"; departmentIds: string[]; roleIds: string[] },
  ctx: z.RefinementCtx,
) {
  if (values.audience === "chosen" && values.departmentIds.length === 0 && values.roleIds.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["audience"],
      message: "Choose at least one department or role, or invite everyone.",
    });
  }
}

export const launchFormSchema = z
  .object({
    name: requiredText("The round name", LABEL_MAX),
    surveyId: z.string({ error: "Choose a survey." }).regex(idPattern, "Choose a survey."),
    kind: z.enum(HR_ROUND_KINDS, { error: "Choose periodic or pulse." }),
    ...audienceFields,
    opensAt: dateTimeField("opening time"),
    closesAt: dateTimeField("closing time"),
    k: kField,
    sharedLink: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    launchKey: formKey,
  })
  .superRefine(requireChosenGroups);

export type LaunchForm = z.infer<typeof launchFormSchema>;
