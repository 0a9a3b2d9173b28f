import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Submitted examiner marks in a results load (docs/results-import-format.md, "Examiner marks"):
// for every entry whose result the file loads, a component with a submitted examiner mark (a
// mark, not a code) takes its mark and marks per question from the examiner, in place of the
// file's component row or where the file has none. Runs inside the load's transaction
// (./results-import-run.ts), between staging the file's rows and writing them.

// internal: runs inside the load transaction of a results import that board staff asked for
/** Replaces the staged component rows by submitted examiner marks; the number of marks used. */
export async function stageSubmittedExaminerMarks(tx: Prisma.TransactionClient, seriesId: string): Promise<number> {
  const submitted = `m.source = 'EXAMINER' AND m."submittedAt" IS NOT NULL AND m.total IS NOT NULL`;
  await tx.$executeRawUnsafe(
    `DELETE FROM import_component i USING "Mark" m
      WHERE m."entryId" = i.entry_id AND m."componentId" = i.component_id AND ${submitted}`,
  );
  const used = await tx.$executeRawUnsafe(
    `INSERT INTO import_component (entry_id, component_id, mark, item_marks)
     SELECT m."entryId", m."componentId", m.total,
            CASE WHEN jsonb_typeof(m.items) = 'array'
                 THEN ARRAY(SELECT x::int FROM jsonb_array_elements_text(m.items) AS x)
                 ELSE '{}'::int[] END
       FROM "Mark" m
       JOIN import_result r ON r.entry_id = m."entryId"
       JOIN "Entry" e ON e.id = m."entryId"
       JOIN "Component" c ON c.id = m."componentId" AND c."specificationId" = e."specificationId"
      WHERE ${submitted} AND e."seriesId" = $1`,
    seriesId,
  );
  return Number(used);
}
