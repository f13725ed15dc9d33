/** The addresses employees open. `origin` is PUBLIC_URL or the request's own origin. */
export const personalLink = (origin: string, token: string) => `${origin}/a/${token}`;
export const sharedLink = (origin: string, sharedKey: string) => `${origin}/s/${sharedKey}`;
/** The shared link on a kiosk: after each answer it returns to a fresh form. */
export const kioskLink = (origin: string, sharedKey: string) => `${sharedLink(origin, sharedKey)}?kiosk=1`;

/** What Candor keeps of a message instead of its personal link (only hashes are stored). */
export const KEPT_LINK = "[personal link]";
