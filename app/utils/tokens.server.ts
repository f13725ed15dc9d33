import crypto from "node:crypto";

/** A personal link's secret: 256 random bits, URL-safe. Only its hash is ever stored. */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** SHA-256 of a token, as stored in InvitationToken.tokenHash. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Shape of a token in a URL, checked before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A random key for a round's shared (kiosk) link. Not personal, so it is stored as is. */
export function newSharedKey(): string {
  return crypto.randomBytes(12).toString("base64url");
}
