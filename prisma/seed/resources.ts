// The demo resources and today's question papers (prisma/seed.ts), with their PDFs in FILES_DIR.
import type { Series } from "@/lib/generated/prisma/client";
import { createQuestionPapers, createResources, type Catalogue, type Db } from "@/tests/factories";

/** The resources (unless there are some) and the series' question papers (unless it has some). */
export async function seedResources(
  tx: Db,
  series: Series,
  catalogue: Catalogue,
  options: { writeFiles: boolean; log: (line: string) => void },
): Promise<void> {
  const { writeFiles, log } = options;
  if ((await tx.resource.count()) === 0) {
    const resources = await createResources(tx, catalogue.specs, { writeFiles });
    log(`${resources.length} resources`);
  }
  if ((await tx.questionPaper.count({ where: { seriesId: series.id } })) === 0) {
    const papers = await createQuestionPapers(tx, series, catalogue.components, { writeFiles });
    log(`${papers.length} question papers`);
  }
}
