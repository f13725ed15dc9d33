/**
 * Request paths as they may appear in logs. Personal survey links carry their token in the
 * path (/a/<token>); a log line must never hold one (anonymity rule 8), so it is cut out.
 */
const TOKEN_PATH = /^\/a\/[^/?#]+/;

export function redactPath(url: string): string {
  const [path] = url.split("?", 1);
  return path.replace(TOKEN_PATH, "/a/[token]");
}
