import type { Locale } from "~/i18n/locales";

/**
 * A question's wording in the respondent's language (English when it has no translation),
 * with {company} and {training} filled in.
 */
export function questionText(
  texts: Partial<Record<Locale, string>>,
  locale: Locale,
  values: { company: string; training: string | null },
): string {
  const template = texts[locale]?.trim() || texts.en || "";
  return template
    .replace(/\{company\}/g, values.company)
    .replace(/\{training\}/g, values.training ?? values.company);
}
