/**
 * The invitation key: the secret with which the server marks an invitation answered
 * (models/spent-invitations.server.ts). It lives outside the database, in INVITATION_KEY or
 * in a file made once next to the database (data/invitation-key), so that a copy of the
 * database, of its write-ahead log or of a backup cannot tell which invitation an answer
 * used up. It is its own secret, never derived from SESSION_SECRET, which people rotate.
 *
 * The database keeps a check value of the key. A missing or different key is refused with a
 * message saying what to do: with the wrong key, every answered link would work again.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

export class InvitationKeyError extends Error {}

const CHECK_SETTING = "invitationKeyCheck";
const MIN_LENGTH = 32;

export function invitationKeyFile(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "invitation-key");
}

/** What the database keeps to recognise its key: an HMAC of a fixed text, which reveals nothing of the key. */
export function keyCheckValue(key: Buffer): string {
  return crypto.createHmac("sha256", key).update("candor invitation key check").digest("hex");
}

function keyFrom(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length < MIN_LENGTH) {
    throw new InvitationKeyError(
      `The invitation key in ${where} is too short: it needs at least ${MIN_LENGTH} characters (try: openssl rand -hex 32).`,
    );
  }
  return Buffer.from(trimmed, "utf8");
}

function readKey(source: Record<string, string | undefined>, file: string): Buffer | null {
  const given = source.INVITATION_KEY;
  if (given !== undefined && given.trim() !== "") return keyFrom(given, "INVITATION_KEY");
  try {
    return keyFrom(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Makes the key file once; a second process making it at the same moment reads the first one's. */
function createKeyFile(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return keyFrom(fs.readFileSync(file, "utf8"), file);
}

/**
 * The database's invitation key, checked against the value the database keeps; on a database
 * that has none yet, the key (made now when there is none) becomes its key. Invitations answered
 * before markers existed (a table the migration left) get their markers here.
 */
export function prepareInvitationKey(
  db: Database.Database,
  databaseFile: string,
  source: Record<string, string | undefined> = process.env,
): Buffer {
  const file = invitationKeyFile(databaseFile);
  const stored = (
    db.prepare("SELECT value FROM Setting WHERE key = ?").get(CHECK_SETTING) as { value: string } | undefined
  )?.value;
  let key = readKey(source, file);
  if (!key) {
    if (stored !== undefined) {
      throw new InvitationKeyError(
        `This database was set up with an invitation key that is not here. Set INVITATION_KEY, or put the file ${file} back from where you keep it. Without the key Candor cannot tell which personal links were answered already.`,
      );
    }
    key = createKeyFile(file);
  }
  const check = keyCheckValue(key);
  if (stored !== undefined && stored !== check) {
    throw new InvitationKeyError(
      `The invitation key (INVITATION_KEY or ${file}) is not the one this database was set up with. Use the key that belongs to it: with another one, every answered personal link would work again.`,
    );
  }
  const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(LEGACY_TABLE);
  if (stored === undefined || legacy) {
    db.transaction(() => {
      if (stored === undefined) db.prepare("INSERT INTO Setting (key, value) VALUES (?, ?)").run(CHECK_SETTING, check);
      if (legacy) convertLegacyClaims(db, key);
    }).immediate();
  }
  return key;
}

export function spentMarker(key: Buffer, roundId: string, invitationId: string): string {
  return crypto.createHmac("sha256", key).update(`${roundId}:${invitationId}`).digest("hex");
}

/** Left by the migration that introduced markers: invitations answered before, in rounds still open. */
const LEGACY_TABLE = "LegacySpentInvitation";

function convertLegacyClaims(db: Database.Database, key: Buffer) {
  const rows = db
    .prepare(
      `SELECT i.id AS invitationId, i.roundId AS roundId
         FROM LegacySpentInvitation l JOIN Invitation i ON i.id = l.invitationId`,
    )
    .all() as { invitationId: string; roundId: string }[];
  const insert = db.prepare("INSERT OR IGNORE INTO SpentInvitation (marker) VALUES (?)");
  for (const row of rows) insert.run(spentMarker(key, row.roundId, row.invitationId));
  db.exec(`DROP TABLE ${LEGACY_TABLE}`);
}
