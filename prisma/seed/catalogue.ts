// The demo series, the qualification catalogue and the series' grade boundaries (prisma/seed.ts).
import { createGradeBoundaries, createQualificationCatalogue, createSeries, type Db } from "@/tests/factories";

export const DEMO_SERIES_CODE = "2027-06";

/** The June 2027 series (unless there already), the qualification catalogue, and the series' grade boundaries. */
export async function seedSeriesAndCatalogue(tx: Db, log: (line: string) => void) {
  const series = (await tx.series.findUnique({ where: { code: DEMO_SERIES_CODE } })) ?? (await createSeries(tx));
  const catalogue = await createQualificationCatalogue(tx);
  log(`Series ${series.code}; ${catalogue.specs.length} specifications, ${catalogue.components.length} components`);

  if ((await tx.gradeBoundary.count({ where: { seriesId: series.id } })) === 0) {
    await createGradeBoundaries(tx, series, catalogue.components);
  }
  return { series, catalogue };
}
