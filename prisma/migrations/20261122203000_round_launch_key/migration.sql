-- AlterTable
ALTER TABLE "Round" ADD COLUMN "launchKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Round_launchKey_key" ON "Round"("launchKey");

