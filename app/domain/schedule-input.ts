import { z } from "zod";
import { audienceFields, kField, requireChosenGroups } from "./round-input";
import { CADENCES, MAX_OPEN_DAYS_BY_CADENCE } from "./schedule";
import { LABEL_MAX, requiredText } from "./text";
import { parseDateInput } from "./utc-time";

export const scheduleFormSchema = z
  .object({
    name: requiredText("The schedule name", LABEL_MAX),
    surveyId: z.string({ error: "Choose a survey." }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a survey."),
    cadence: z.enum(CADENCES, { error: "Choose how often a round opens." }),
    openDays: z
      .string({ error: "Enter how many days each round stays open." })
      .trim()
      .regex(/^\d{1,4}$/, "Enter how many days each round stays open, as a whole number.")
      .transform(Number),
    startsOn: z.string({ error: "Enter the day the first round opens." }).transform((value, ctx) => {
      const date = parseDateInput(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Enter the day the first round opens, as a date." });
        return z.NEVER;
      }
      return date;
    }),
    k: kField,
    ...audienceFields,
  })
  .superRefine((values, ctx) => {
    requireChosenGroups(values, ctx);
    const max = MAX_OPEN_DAYS_BY_CADENCE[values.cadence];
    if (values.openDays < 1 || values.openDays > max) {
      ctx.addIssue({
        code: "custom",
        path: ["openDays"],
        message: `With this cadence a round can stay open from 1 to ${max} days, so it closes before the next one opens.`,
      });
    }
  });

export type ScheduleForm = z.infer<typeof scheduleFormSchema>;
