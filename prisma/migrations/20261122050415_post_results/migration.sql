/*
  Warnings:

  - A unique constraint covering the columns `[centreId,uci]` on the table `Candidate` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "ReviewRequest" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "componentId" TEXT,
ADD COLUMN     "newGrade" TEXT,
ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "outcome" TEXT;

-- CreateTable
CREATE TABLE "Script" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "componentResultId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Script_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Script_componentResultId_key" ON "Script"("componentResultId");

-- CreateIndex
CREATE INDEX "Script_centreId_candidateId_idx" ON "Script"("centreId", "candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_centreId_uci_key" ON "Candidate"("centreId", "uci");

-- CreateIndex
CREATE INDEX "ReviewRequest_entryId_kind_status_idx" ON "ReviewRequest"("entryId", "kind", "status");

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_componentResultId_fkey" FOREIGN KEY ("componentResultId") REFERENCES "ComponentResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Script" ADD CONSTRAINT "Script_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
