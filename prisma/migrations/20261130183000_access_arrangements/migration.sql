-- CreateEnum
CREATE TYPE "AccessArrangementType" AS ENUM ('SUPERVISED_REST_BREAKS', 'SEPARATE_INVIGILATION', 'WORD_PROCESSOR', 'COLOURED_OVERLAYS', 'READING_PEN', 'PROMPTER', 'EXTRA_TIME_25', 'EXTRA_TIME_OVER_25', 'READER', 'SCRIBE', 'MODIFIED_PAPERS');

-- CreateEnum
CREATE TYPE "AccessArrangementStatus" AS ENUM ('DELEGATED', 'APPROVED', 'REFERRED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SupportPlan" AS ENUM ('EHCP', 'IDP');

-- CreateEnum
CREATE TYPE "StandardisedArea" AS ENUM ('READING_SPEED', 'READING_COMPREHENSION_SPEED', 'WRITING_SPEED', 'COGNITIVE_PROCESSING');

-- CreateEnum
CREATE TYPE "ModifiedPaperFormat" AS ENUM ('ENLARGED_18', 'ENLARGED_24', 'BRAILLE', 'MODIFIED_LANGUAGE');

-- AlterTable
ALTER TABLE "Series" ADD COLUMN     "modifiedPaperDeadline" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AccessArrangement" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "seriesId" TEXT,
    "type" "AccessArrangementType" NOT NULL,
    "status" "AccessArrangementStatus" NOT NULL,
    "extraTimePercent" INTEGER,
    "paperFormat" "ModifiedPaperFormat",
    "details" TEXT NOT NULL DEFAULT '',
    "reference" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "referralReason" TEXT,
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3),
    "assessorName" TEXT NOT NULL DEFAULT '',
    "assessorQualification" TEXT NOT NULL DEFAULT '',
    "assessmentDate" DATE,
    "supportPlan" "SupportPlan",
    "normalWayOfWorking" BOOLEAN NOT NULL DEFAULT false,
    "dataNoticeGiven" BOOLEAN NOT NULL DEFAULT false,
    "declaredById" TEXT,
    "declaredByName" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessArrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessArrangementScore" (
    "id" TEXT NOT NULL,
    "arrangementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "test" TEXT NOT NULL,
    "area" "StandardisedArea" NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "AccessArrangementScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModifiedPaperOrder" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "format" "ModifiedPaperFormat" NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "orderedById" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ModifiedPaperOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModifiedPaperComponent" (
    "orderId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,

    CONSTRAINT "ModifiedPaperComponent_pkey" PRIMARY KEY ("orderId","componentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessArrangement_reference_key" ON "AccessArrangement"("reference");

-- CreateIndex
CREATE INDEX "AccessArrangement_centreId_candidateId_idx" ON "AccessArrangement"("centreId", "candidateId");

-- CreateIndex
CREATE INDEX "AccessArrangement_centreId_seriesId_idx" ON "AccessArrangement"("centreId", "seriesId");

-- CreateIndex
CREATE INDEX "AccessArrangement_status_createdAt_idx" ON "AccessArrangement"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessArrangementScore_arrangementId_position_key" ON "AccessArrangementScore"("arrangementId", "position");

-- CreateIndex
CREATE INDEX "ModifiedPaperOrder_centreId_seriesId_idx" ON "ModifiedPaperOrder"("centreId", "seriesId");

-- CreateIndex
CREATE INDEX "ModifiedPaperOrder_candidateId_idx" ON "ModifiedPaperOrder"("candidateId");

-- CreateIndex
CREATE INDEX "ModifiedPaperComponent_componentId_idx" ON "ModifiedPaperComponent"("componentId");

-- AddForeignKey
ALTER TABLE "AccessArrangement" ADD CONSTRAINT "AccessArrangement_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessArrangement" ADD CONSTRAINT "AccessArrangement_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessArrangement" ADD CONSTRAINT "AccessArrangement_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessArrangementScore" ADD CONSTRAINT "AccessArrangementScore_arrangementId_fkey" FOREIGN KEY ("arrangementId") REFERENCES "AccessArrangement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModifiedPaperOrder" ADD CONSTRAINT "ModifiedPaperOrder_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModifiedPaperOrder" ADD CONSTRAINT "ModifiedPaperOrder_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModifiedPaperOrder" ADD CONSTRAINT "ModifiedPaperOrder_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModifiedPaperComponent" ADD CONSTRAINT "ModifiedPaperComponent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ModifiedPaperOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModifiedPaperComponent" ADD CONSTRAINT "ModifiedPaperComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
