/**
 * Whether a state-changing request comes from another site. Sec-Fetch-Site, sent by every
 * current browser, says so directly; otherwise the Origin header is compared with the host. A
 * request with neither (a script, curl) is not a browser tricked by another site, so it goes on
 * to the normal checks (session cookie, form validation).
 */
export function isCrossSiteRequest(headers: {
  origin?: string | undefined;
  host?: string | undefined;
  secFetchSite?: string | undefined;
}): boolean {
  if (headers.secFetchSite) return headers.secFetchSite !== "same-origin" && headers.secFetchSite !== "none";
  if (!headers.origin) return false;
  if (headers.origin === "null") return true;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
}
