-- CreateEnum
CREATE TYPE "MarkSource" AS ENUM ('CENTRE', 'MODERATOR', 'EXAMINER');

-- CreateEnum
CREATE TYPE "MarkSheetStatus" AS ENUM ('OPEN', 'SUBMITTED', 'MODERATED');

-- CreateTable
CREATE TABLE "ComponentQuestion" (
    "id" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "maxMark" INTEGER NOT NULL,

    CONSTRAINT "ComponentQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mark" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "source" "MarkSource" NOT NULL,
    "total" INTEGER,
    "code" TEXT,
    "items" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Mark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarkSave" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "markId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarkSave_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MarkSheet" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "componentId" TEXT NOT NULL,
    "status" "MarkSheetStatus" NOT NULL DEFAULT 'OPEN',
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarkSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarkSample" (
    "sheetId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,

    CONSTRAINT "MarkSample_pkey" PRIMARY KEY ("sheetId","entryId")
);

-- CreateTable
CREATE TABLE "ModerationReport" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "moderatorId" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "meanDifference" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "adjustment" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModerationReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComponentQuestion_componentId_number_key" ON "ComponentQuestion"("componentId", "number");

-- CreateIndex
CREATE INDEX "Mark_componentId_source_idx" ON "Mark"("componentId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "Mark_entryId_componentId_source_key" ON "Mark"("entryId", "componentId", "source");

-- CreateIndex
CREATE INDEX "MarkSave_createdAt_idx" ON "MarkSave"("createdAt");

-- CreateIndex
CREATE INDEX "MarkSheet_seriesId_componentId_status_idx" ON "MarkSheet"("seriesId", "componentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MarkSheet_centreId_seriesId_componentId_key" ON "MarkSheet"("centreId", "seriesId", "componentId");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationReport_sheetId_key" ON "ModerationReport"("sheetId");

-- AddForeignKey
ALTER TABLE "ComponentQuestion" ADD CONSTRAINT "ComponentQuestion_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mark" ADD CONSTRAINT "Mark_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarkSheet" ADD CONSTRAINT "MarkSheet_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarkSheet" ADD CONSTRAINT "MarkSheet_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarkSheet" ADD CONSTRAINT "MarkSheet_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarkSample" ADD CONSTRAINT "MarkSample_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "MarkSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationReport" ADD CONSTRAINT "ModerationReport_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "MarkSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
