/**
 * Where the sign-in page may send someone afterwards: only a path of Candor itself, so a link
 * to the sign-in page cannot be used to send a user elsewhere. Browsers drop tabs and newlines
 * from a URL and read "\" as "/", so "/\t/evil.example" or "/\evil.example" would become
 * "//evil.example": any control character, whitespace or backslash is refused outright, and what
 * remains must resolve to this origin.
 */
const OWN_ORIGIN = "http://candor.invalid";
const UNSAFE = /[\p{Cc}\p{Cf}\s\\]/u;

export function safeRedirect(to: unknown, fallback = "/hr"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || UNSAFE.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
