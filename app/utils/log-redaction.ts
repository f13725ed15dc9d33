/**
 * Request paths and error text as they may appear in logs. Personal survey links carry their
 * token in the path (/a/<token>); a log line must never hold one (anonymity rule 8), so it is
 * cut out. The path is judged the way the router reads it: percent-decoded (/%61/ is /a/),
 * without regard to case (/A/ is /a/), with dot segments resolved and backslashes and repeated
 * slashes read as one slash. Reading more paths as a token link than the router does only
 * hides a little more.
 */
const TOKEN_PATH = /^\/a\/([^/]+)/;
const REDACTED = "/a/[token]";
const BASE = "http://candor.invalid";
const MIN_TOKEN_LENGTH = 8;

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}

/** Decodes every valid %XX sequence, until nothing changes (double encoding included). */
function decodeFully(text: string): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    const next = current.replace(/(%[0-9a-f]{2})+/gi, (sequence) => {
      try {
        return decodeURIComponent(sequence);
      } catch {
        return sequence;
      }
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The path as the router would read it: URL-normalised, then decoded and lower-cased. */
function readAsRouter(path: string): { normalised: string; read: string } {
  let normalised = path;
  try {
    // Appended, not resolved against BASE: "//a/<token>" is a path here, not another host.
    normalised = new URL(`${BASE}${path}`).pathname;
  } catch {
    // Not a path a URL can hold; judge it as it is.
  }
  const read = decodeFully(normalised)
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/")
    .toLowerCase();
  return { normalised, read };
}

/** The path of a request URL for a log line: query dropped, a survey token cut out. */
export function redactPath(url: string): string {
  const path = pathOf(url);
  const { read } = readAsRouter(path);
  const match = TOKEN_PATH.exec(read);
  return match ? REDACTED + read.slice(match[0].length) : path;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Error text with the token of the request's URL cut out: the path in the spellings errors
 * quote it in (as sent, URL-normalised), and the token itself, whatever its case.
 */
export function redactTokenIn(text: string, url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = pathOf(url);
  }
  const { normalised, read } = readAsRouter(pathname);
  const match = TOKEN_PATH.exec(read);
  if (!match) return text;
  const redacted = redactPath(pathname);
  const spellings = [...new Set([pathname, normalised, read])].sort((a, b) => b.length - a.length);
  let result = text;
  for (const spelling of spellings) result = result.replace(new RegExp(escapeRegExp(spelling), "gi"), redacted);
  // A segment too short to be a token would only garble the text.
  return match[1].length < MIN_TOKEN_LENGTH
    ? result
    : result.replace(new RegExp(escapeRegExp(match[1]), "gi"), "[token]");
}

/** A run of characters that a token, percent-encoded or not, could be spelled with. */
const TOKEN_LIKE_RUN = /[A-Za-z0-9_%-]{43,}/g;
const TOKEN_SHAPED = /(?:^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?:$|[^A-Za-z0-9_-])/;

/**
 * Any text with everything shaped like a personal link's token (43 URL-safe base64 characters,
 * also percent-encoded) replaced by "[token]". The last line of defence for what the server
 * prints: whatever printed it, and whether or not it knew the text held a token.
 */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_LIKE_RUN, (run) => (TOKEN_SHAPED.test(decodeFully(run)) ? "[token]" : run));
}
