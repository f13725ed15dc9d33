/**
 * What the server checks about a request before the app sees it. Each check turns a request
 * the app could only fail on (a 500, or an error message quoting the URL) into a plain 4xx.
 */
import { redactPath } from "./log-redaction";

/** The methods the app answers; anything else (TRACE, WebDAV, made-up ones) gets 405. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function isServedMethod(method: string): boolean {
  return (SERVED_METHODS as readonly string[]).includes(method);
}

const HOST_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?\.?)+$|^\[[0-9A-Fa-f:.]+\]$/;
const PORT = /^\d{1,5}$/;

/**
 * Whether a Host header (or X-Forwarded-Host) names a host: a DNS name or an IP address, with an
 * optional port. The app builds the request's URL from it, so anything else would break that.
 * A missing header is fine (HTTP/1.0); the URL then uses the server's own name.
 */
export function isValidHost(host: string | undefined): boolean {
  if (host === undefined) return true;
  const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(host);
  if (!match) return false;
  const [, name, port] = match;
  if (port !== undefined && !PORT.test(port)) return false;
  return name.length <= 253 && HOST_NAME.test(name);
}

/** Whether every %XX sequence of the path decodes to UTF-8 (the router decodes each path). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A personal link as pages and mails write it (one plain segment after /a/), and the URL the
 * browser fetches its data and sends its form to when JavaScript runs (Remix's single fetch
 * adds ".data").
 */
const PLAIN_LINK = /^\/a\/[A-Za-z0-9_-]+(?:\/|\.data)?$/i;

/**
 * What to do with a path that the router could read as a personal link (/a/<token>...):
 * "link" when it is spelled plainly and goes to the survey page, "not-found" for every other
 * spelling (sub-paths, encoded characters, doubled slashes), which the server answers itself so
 * that no part of the app ever handles, or prints, a token in an odd spelling. null when the
 * path is no personal link at all.
 */
export function personalLinkPath(path: string): "link" | "not-found" | null {
  if (!redactPath(path).startsWith("/a/[token]")) return null;
  return PLAIN_LINK.test(path) ? "link" : "not-found";
}
