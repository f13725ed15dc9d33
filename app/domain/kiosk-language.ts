import { isLocale, type Locale } from "~/i18n/locales";

/**
 * A kiosk has a language of its own: the one its link names (`?kiosk=1&lang=pl`), or the
 * device's when the link names none. Someone may switch to their language to answer; the next
 * person must find the kiosk's language again, not the last one's. The kiosk's language rides
 * in the address as `home` (a locale, or "device"), kept by the language links.
 */
export const KIOSK_HOME = "home";
const DEVICE = "device";

export type KioskHome = Locale | typeof DEVICE;

/** The kiosk's own language from its address; null when the address does not say yet. */
export function kioskHomeOf(url: URL): KioskHome | null {
  const home = url.searchParams.get(KIOSK_HOME);
  return home === DEVICE || isLocale(home) ? home : null;
}

/** Where a kiosk opened without `home` goes, so that it keeps the language it was opened in. */
export function withKioskHome(url: URL): string {
  const lang = url.searchParams.get("lang")?.toLowerCase();
  const next = new URL(url);
  next.searchParams.set(KIOSK_HOME, isLocale(lang) ? lang : DEVICE);
  return `${next.pathname}${next.search}`;
}

/** The kiosk's next empty form after an answer, in the kiosk's own language. */
export function nextKioskForm(path: string, home: KioskHome | null): string {
  const params = new URLSearchParams({ kiosk: "1", [KIOSK_HOME]: home ?? DEVICE });
  if (home && home !== DEVICE) params.set("lang", home);
  params.set("saved", "1");
  return `${path}?${params.toString()}`;
}
