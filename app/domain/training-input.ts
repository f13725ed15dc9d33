import { z } from "zod";
import { dateTimeField, formKey, idList, idPattern, kField } from "./round-input";
import { requiredText } from "./text";

/**
 * What HR types to create a training, and the rules a training obeys however it is created.
 * A training's before-training round closes when it starts, so it must start in the future.
 */
export const TITLE_MAX = 100;
export const TOPIC_MAX = 60;
export const MAX_TRAINING_DAYS = 366;
/** How many people the directory search offers at a time. */
export const PEOPLE_SEARCH_LIMIT = 25;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TrainingDates {
  startsOn: Date;
  endsOn: Date;
}

export type TrainingDateErrors = Partial<Record<keyof TrainingDates, string>>;

export function trainingDateProblems({ startsOn, endsOn }: TrainingDates, now: Date): TrainingDateErrors {
  const errors: TrainingDateErrors = {};
  if (startsOn.getTime() <= now.getTime()) {
    errors.startsOn =
      "The start has passed. Its before-training round closes when the training starts, so choose a time in the future.";
  }
  if (endsOn.getTime() < startsOn.getTime()) {
    errors.endsOn = "The end cannot be before the start.";
  } else if (endsOn.getTime() - startsOn.getTime() > MAX_TRAINING_DAYS * DAY_MS) {
    errors.endsOn = `A training can last at most ${MAX_TRAINING_DAYS} days.`;
  }
  return errors;
}

/** Who takes part: people picked from the directory, and/or everyone of chosen departments and roles. */
export interface ParticipantChoice {
  personIds: string[];
  departmentIds: string[];
  roleIds: string[];
}

export function choosesAnyone(choice: ParticipantChoice): boolean {
  return choice.personIds.length > 0 || choice.departmentIds.length > 0 || choice.roleIds.length > 0;
}

export const NO_PARTICIPANTS = "Choose at least one participant, or turn on the open link for walk-in participants.";

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** Title and topic, checked the same by the form and by the model. */
export const trainingTextFields = {
  title: requiredText("The title", TITLE_MAX),
  topic: requiredText("The topic", TOPIC_MAX),
};

export const trainingFormSchema = z
  .object({
    ...trainingTextFields,
    trainerId: z.string({ error: "Choose the trainer." }).regex(idPattern, "Choose the trainer."),
    startsOn: dateTimeField("start"),
    endsOn: dateTimeField("end"),
    personIds: idList,
    departmentIds: idList,
    roleIds: idList,
    openLink: checkbox,
    k: kField,
    createKey: formKey,
    /** Empty: the survey made from the training NPS template (found, or created with the training). */
    surveyId: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || idPattern.test(value), "Choose a survey from the list."),
  })
  .superRefine((values, ctx) => {
    if (values.endsOn.getTime() < values.startsOn.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end cannot be before the start." });
    }
    if (!values.openLink && !choosesAnyone(values)) {
      ctx.addIssue({ code: "custom", path: ["participants"], message: NO_PARTICIPANTS });
    }
  });

export type TrainingForm = z.infer<typeof trainingFormSchema>;
