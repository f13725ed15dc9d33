-- Invitations stop recording "used". Whether one was answered becomes a marker that only the
-- server, holding the invitation key (outside the database), can tie to its invitation.
-- SpentInvitation is WITHOUT ROWID, like Response, Answer and Tally: stored in key order.
-- secure_delete: the dropped "used" column's pages are zeroed, not left in the free list.
PRAGMA secure_delete = ON;

-- AlterTable
ALTER TABLE "Round" ADD COLUMN "storageRebuiltAt" DATETIME;

-- CreateTable
CREATE TABLE "SpentInvitation" (
    "marker" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- The answered invitations of rounds not closed yet, for the server to turn into markers with the
-- key on its next start (it then drops this table). A closed round's links no longer work, so
-- its invitations need no marker.
CREATE TABLE "LegacySpentInvitation" (
    "invitationId" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO "LegacySpentInvitation" ("invitationId")
    SELECT i."id" FROM "Invitation" i JOIN "Round" r ON r."id" = i."roundId" WHERE i."used" = 1 AND r."closedAt" IS NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    CONSTRAINT "Invitation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invitation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("departmentId", "id", "personId", "roleId", "roundId") SELECT "departmentId", "id", "personId", "roleId", "roundId" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE UNIQUE INDEX "Invitation_roundId_personId_key" ON "Invitation"("roundId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

