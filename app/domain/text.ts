import { z } from "zod";

/** Trimmed text with a plain-words message for each way it can be wrong. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);
}

export function optionalText(label: string, max: number) {
  return z.string().trim().max(max, `${label} must be at most ${max} characters.`).optional().default("");
}

export const emailAddress = z
  .string({ error: "E-mail is required." })
  .trim()
  .min(1, "E-mail is required.")
  .max(254, "E-mail must be at most 254 characters.")
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."));

export const NAME_MAX = 120;
export const LABEL_MAX = 100;
