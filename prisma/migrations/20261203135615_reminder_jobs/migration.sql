-- CreateTable
CREATE TABLE "ReminderJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "queuedAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outboxMessageId" INTEGER NOT NULL,
    CONSTRAINT "ReminderJob_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReminderJob_queuedAt_idx" ON "ReminderJob"("queuedAt");

