-- CreateEnum
CREATE TYPE "AllocationKind" AS ENUM ('EXAMINER', 'MODERATOR');

-- AlterEnum
ALTER TYPE "MfaMethod" ADD VALUE 'PASSKEY';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ResourceKind" ADD VALUE 'PRE_RELEASE';
ALTER TYPE "ResourceKind" ADD VALUE 'AGENDA';

-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "availableFrom" TIMESTAMP(3),
ADD COLUMN     "componentId" TEXT,
ADD COLUMN     "seriesId" TEXT,
ADD COLUMN     "uploadedById" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "webauthnChallenge" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Passkey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "name" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesComponent" (
    "seriesId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "markDeadline" TIMESTAMP(3),
    "tolerance" INTEGER,

    CONSTRAINT "SeriesComponent_pkey" PRIMARY KEY ("seriesId","componentId")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "kind" "AllocationKind" NOT NULL,
    "appointeeId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "teamLeaderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationCentre" (
    "allocationId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,

    CONSTRAINT "AllocationCentre_pkey" PRIMARY KEY ("allocationId","centreId")
);

-- CreateTable
CREATE TABLE "AllocationCandidate" (
    "allocationId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,

    CONSTRAINT "AllocationCandidate_pkey" PRIMARY KEY ("allocationId","entryId")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'validating',
    "fileKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey"("credentialId");

-- CreateIndex
CREATE INDEX "Passkey_userId_idx" ON "Passkey"("userId");

-- CreateIndex
CREATE INDEX "Allocation_appointeeId_idx" ON "Allocation"("appointeeId");

-- CreateIndex
CREATE INDEX "Allocation_seriesId_componentId_idx" ON "Allocation"("seriesId", "componentId");

-- CreateIndex
CREATE INDEX "Allocation_teamLeaderId_idx" ON "Allocation"("teamLeaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Allocation_kind_appointeeId_seriesId_componentId_key" ON "Allocation"("kind", "appointeeId", "seriesId", "componentId");

-- CreateIndex
CREATE INDEX "AllocationCentre_centreId_idx" ON "AllocationCentre"("centreId");

-- CreateIndex
CREATE INDEX "AllocationCandidate_entryId_idx" ON "AllocationCandidate"("entryId");

-- CreateIndex
CREATE INDEX "ImportJob_seriesId_createdAt_idx" ON "ImportJob"("seriesId", "createdAt");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Passkey" ADD CONSTRAINT "Passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesComponent" ADD CONSTRAINT "SeriesComponent_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesComponent" ADD CONSTRAINT "SeriesComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_appointeeId_fkey" FOREIGN KEY ("appointeeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_teamLeaderId_fkey" FOREIGN KEY ("teamLeaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationCentre" ADD CONSTRAINT "AllocationCentre_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationCentre" ADD CONSTRAINT "AllocationCentre_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationCandidate" ADD CONSTRAINT "AllocationCandidate_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationCandidate" ADD CONSTRAINT "AllocationCandidate_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
