-- Results day (lib/data/results/list.ts): each index takes over the one it extends, so writes
-- keep the same number of indexes. Entry's gains the specification (the results page by subject,
-- the specification filter's choices); Result's gains the grade (the page's count and the grade
-- filter's choices read the index alone).

-- DropIndex
DROP INDEX "Entry_centreId_seriesId_idx";

-- DropIndex
DROP INDEX "Result_centreId_seriesId_idx";

-- CreateIndex
CREATE INDEX "Entry_centreId_seriesId_specificationId_idx" ON "Entry"("centreId", "seriesId", "specificationId");

-- CreateIndex
CREATE INDEX "Result_centreId_seriesId_grade_idx" ON "Result"("centreId", "seriesId", "grade");
