-- AlterTable
ALTER TABLE "Round" ADD COLUMN "linksDownloadedAt" DATETIME;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "addedBeforeLaunch" BOOLEAN NOT NULL DEFAULT false;
