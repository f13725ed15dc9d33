/**
 * The invitation key lives outside the database; the database keeps a check value, so a
 * missing or wrong key is refused in plain words instead of letting answered links work again.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  invitationKeyFile,
  InvitationKeyError,
  keyCheckValue,
  prepareInvitationKey,
  spentMarker,
} from "~/utils/invitation-key.server";

const root = path.resolve("tmp/test-db", `keys-${crypto.randomUUID()}`);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh migrated database in a folder of its own (where the key file would go). */
function freshDatabase() {
  const dir = path.join(root, crypto.randomUUID());
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "candor.db");
  fs.copyFileSync(path.resolve("tmp/test-db/template.db"), file);
  return { file, db: new Database(file) };
}

const storedCheck = (db: Database.Database) =>
  (db.prepare("SELECT value FROM Setting WHERE key = 'invitationKeyCheck'").get() as { value: string } | undefined)
    ?.value;

describe("the invitation key", () => {
  it("is made once in a file next to the database, readable by its owner only, and never stored in it", () => {
    const { file, db } = freshDatabase();
    const key = prepareInvitationKey(db, file, {});
    const keyFile = invitationKeyFile(file);
    expect(fs.readFileSync(keyFile, "utf8")).toBe(key.toString("utf8"));
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(storedCheck(db)).toBe(keyCheckValue(key));
    expect(prepareInvitationKey(db, file, {})).toEqual(key);
    db.pragma("wal_checkpoint(TRUNCATE)");
    expect(fs.readFileSync(file).includes(key)).toBe(false);
    db.close();
  });

  it("comes from INVITATION_KEY when set, which must be long enough", () => {
    const { file, db } = freshDatabase();
    const given = "an-invitation-key-from-the-environment-0123456789";
    expect(prepareInvitationKey(db, file, { INVITATION_KEY: given }).toString()).toBe(given);
    expect(fs.existsSync(invitationKeyFile(file))).toBe(false);
    expect(() => prepareInvitationKey(db, file, { INVITATION_KEY: "short" })).toThrow(
      "The invitation key in INVITATION_KEY is too short: it needs at least 32 characters (try: openssl rand -hex 32).",
    );
    db.close();
  });

  it("is refused when missing from a database that has one, so answered links cannot work again", () => {
    const { file, db } = freshDatabase();
    prepareInvitationKey(db, file, {});
    fs.rmSync(invitationKeyFile(file));
    expect(() => prepareInvitationKey(db, file, {})).toThrow(InvitationKeyError);
    expect(() => prepareInvitationKey(db, file, {})).toThrow(
      `This database was set up with an invitation key that is not here. Set INVITATION_KEY, or put the file ${invitationKeyFile(file)} back from where you keep it.`,
    );
    // Nothing was made in its place.
    expect(fs.existsSync(invitationKeyFile(file))).toBe(false);
    db.close();
  });

  it("is refused when it is another database's", () => {
    const { file, db } = freshDatabase();
    prepareInvitationKey(db, file, { INVITATION_KEY: "the-key-this-database-was-set-up-with-000" });
    expect(() => prepareInvitationKey(db, file, { INVITATION_KEY: "some-other-key-that-is-long-enough-1111" })).toThrow(
      "is not the one this database was set up with",
    );
    db.close();
  });
});

describe("upgrading a database whose invitations recorded 'used'", () => {
  it("turns the answered invitations of open rounds into markers, and keeps nothing else", () => {
    const dir = path.join(root, "upgrade");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "candor.db");
    const db = new Database(file);
    const migrations = path.resolve("prisma/migrations");
    const names = fs
      .readdirSync(migrations)
      .filter((name) => fs.existsSync(path.join(migrations, name, "migration.sql")))
      .sort();
    const upgrade = names.findIndex((name) => name.endsWith("_spent_invitations"));
    for (const name of names.slice(0, upgrade))
      db.exec(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));

    const day = 86_400_000;
    db.exec(`
      INSERT INTO Department (id, name) VALUES ('d', 'D');
      INSERT INTO Role (id, name) VALUES ('r', 'R');
      INSERT INTO Survey (id, name, kind, updatedAt) VALUES ('s', 'S', 'ENPS', 0);
      INSERT INTO Person (id, email, name, departmentId, roleId, updatedAt) VALUES
        ('p1', 'p1@x.io', 'P1', 'd', 'r', 0), ('p2', 'p2@x.io', 'P2', 'd', 'r', 0);
      INSERT INTO Round (id, name, surveyId, kind, opensAt, closesAt, closedAt, k, audience) VALUES
        ('open', 'Open', 's', 'PULSE', ${Date.now() - day}, ${Date.now() + day}, NULL, 5, '{}'),
        ('done', 'Done', 's', 'PULSE', ${Date.now() - 3 * day}, ${Date.now() - day}, ${Date.now() - day}, 5, '{}');
      INSERT INTO Invitation (id, roundId, personId, departmentId, roleId, used) VALUES
        ('i1', 'open', 'p1', 'd', 'r', 1), ('i2', 'open', 'p2', 'd', 'r', 0), ('i3', 'done', 'p1', 'd', 'r', 1);
    `);
    db.exec(fs.readFileSync(path.join(migrations, names[upgrade], "migration.sql"), "utf8"));
    const columns = (db.prepare("SELECT name FROM pragma_table_info('Invitation')").all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).not.toContain("used");

    const key = prepareInvitationKey(db, file, {});
    const markers = (db.prepare("SELECT marker FROM SpentInvitation").all() as { marker: string }[]).map(
      (m) => m.marker,
    );
    expect(markers).toEqual([spentMarker(key, "open", "i1")]);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'LegacySpentInvitation'").get()).toBeUndefined();
    db.close();
  });
});
