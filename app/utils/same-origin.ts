/**
 * Whether a state-changing request comes from Candor's own pages. Browsers send Origin on
 * every cross-origin POST and Sec-Fetch-Site on all modern ones; a request with neither (a
 * script, curl) is not a browser tricked by another site, so it is let through to the normal
 * checks (session cookie, form validation).
 */
export function isCrossSiteRequest(headers: {
  origin?: string | undefined;
  host?: string | undefined;
  secFetchSite?: string | undefined;
}): boolean {
  if (headers.origin && headers.origin !== "null") {
    try {
      return new URL(headers.origin).host !== headers.host;
    } catch {
      return true;
    }
  }
  if (headers.origin === "null") return true;
  return headers.secFetchSite === "cross-site";
}
