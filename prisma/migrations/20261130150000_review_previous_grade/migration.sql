-- AlterTable
ALTER TABLE "ReviewRequest" ADD COLUMN     "previousGrade" TEXT;
