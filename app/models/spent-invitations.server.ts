/**
 * Which invitations were answered. An answer stores a marker, HMAC(invitation key, round and
 * invitation id), and changes nothing on the invitation itself: a copy of the database or of
 * its write-ahead log shows that some marker appeared with an answer, never which invitation
 * it stands for. The server holds the key, so it can still refuse a second answer, keep
 * reminders from people who answered, and say "you have already answered".
 */
import type Database from "better-sqlite3";
import { databaseFile } from "~/utils/database-url";
import { sqlite } from "~/utils/db.server";
import { prepareInvitationKey, spentMarker } from "~/utils/invitation-key.server";

// Checked when the module loads, before any transaction is open: a missing or wrong key stops
// everything that answers or reminds, with a message saying what to do.
const key = prepareInvitationKey(sqlite, databaseFile());

const markerOf = (roundId: string, invitationId: string) => spentMarker(key, roundId, invitationId);

type Statements = { claim: Database.Statement; find: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statementsFor(db: Database.Database): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      claim: db.prepare("INSERT OR IGNORE INTO SpentInvitation (marker) VALUES (?)"),
      find: db.prepare("SELECT 1 FROM SpentInvitation WHERE marker = ?"),
    };
    prepared.set(db, statements);
  }
  return statements;
}

/** Whether the invitation was answered. */
export function isSpent(db: Database.Database, roundId: string, invitationId: string): boolean {
  return statementsFor(db).find.get(markerOf(roundId, invitationId)) !== undefined;
}

/**
 * Marks the invitation answered, inside the caller's write transaction; false when it was
 * answered already (the marker is unique), so one invitation takes one answer.
 */
export function claimInvitation(db: Database.Database, roundId: string, invitationId: string): boolean {
  return statementsFor(db).claim.run(markerOf(roundId, invitationId)).changes === 1;
}

const CHUNK = 500;

/** The ids, among the given invitations of one round, of those answered. */
export function spentAmong(roundId: string, invitationIds: readonly string[]): Set<string> {
  const byMarker = new Map(invitationIds.map((id) => [markerOf(roundId, id), id]));
  const markers = [...byMarker.keys()];
  const spent = new Set<string>();
  for (let start = 0; start < markers.length; start += CHUNK) {
    const chunk = markers.slice(start, start + CHUNK);
    const rows = sqlite
      .prepare(`SELECT marker FROM SpentInvitation WHERE marker IN (${chunk.map(() => "?").join(", ")})`)
      .all(...chunk) as { marker: string }[];
    for (const row of rows) spent.add(byMarker.get(row.marker)!);
  }
  return spent;
}
