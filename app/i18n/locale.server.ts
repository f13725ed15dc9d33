import { isLocale, LOCALE_TAGS, negotiateLocale, type Locale } from "./locales";
import { MESSAGES } from "./translate";

/** The page's language: `?lang=` when the respondent chose one, else the browser's preference. */
export function localeFor(request: Request): Locale {
  // A link typed by hand may say "UK" or "Pl".
  const chosen = new URL(request.url).searchParams.get("lang")?.toLowerCase();
  return isLocale(chosen) ? chosen : negotiateLocale(request.headers.get("Accept-Language"));
}

/** What an employee page needs to speak the respondent's language. */
export function languagePack(locale: Locale) {
  return { locale, lang: LOCALE_TAGS[locale], messages: MESSAGES[locale] };
}
