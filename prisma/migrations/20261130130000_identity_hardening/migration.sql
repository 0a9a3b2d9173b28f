-- Second-factor failures counted per account (User) and per sign-in attempt (Session) instead of
-- per factor, the second-factor lock, and the Microsoft Entra ID object id an appointee is bound
-- to (unique). See docs/decisions/016-sign-in-hardening.md.
-- AlterTable
ALTER TABLE "MfaFactor" DROP COLUMN "failedAttempts";

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "failedCodes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "entraObjectId" TEXT,
ADD COLUMN     "failedCodes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mfaLockedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "User_entraObjectId_key" ON "User"("entraObjectId");
