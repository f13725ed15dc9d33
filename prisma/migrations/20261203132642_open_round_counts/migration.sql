-- CreateTable
CREATE TABLE "RoundCountSnapshot" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "takenAt" DATETIME NOT NULL,
    "counts" TEXT NOT NULL,
    CONSTRAINT "RoundCountSnapshot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

