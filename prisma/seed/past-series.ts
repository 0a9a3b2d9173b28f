// The demo board mid-cycle (prisma/seed.ts): besides the June 2027 series under embargo, the
// June 2026 series is already released, so results, grade boundaries, item level data and the
// analysis can be seen today; and the demo examiner and moderator have work in June 2027.
import type { Centre, Series } from "@/lib/generated/prisma/client";
import {
  createEntriesAndResults,
  createGradeBoundaries,
  createScripts,
  createSeries,
  type Catalogue,
  type Db,
} from "@/tests/factories";
import { londonTime } from "@/lib/time";

export const PAST_SERIES_CODE = "2026-06";

/** June 2026: results day Thursday 20 August 2026, long released. */
export async function seedPastSeries(tx: Db, catalogue: Catalogue, log: (line: string) => void): Promise<Series> {
  const series =
    (await tx.series.findUnique({ where: { code: PAST_SERIES_CODE } })) ??
    (await createSeries(tx, {
      code: PAST_SERIES_CODE,
      nameEn: "June 2026",
      nameCy: "Mehefin 2026",
      resultsDay: new Date(Date.UTC(2026, 7, 20)),
      entryDeadline: londonTime(2026, 2, 21, 23, 59, 59),
    }));
  if ((await tx.gradeBoundary.count({ where: { seriesId: series.id } })) === 0) {
    await createGradeBoundaries(tx, series, catalogue.components);
  }
  log(`Series ${series.code}: released ${series.releaseAt.toISOString()}`);
  return series;
}

/**
 * Each demo centre's candidates also sat June 2026: entries and results (unless already there),
 * and the marked scripts of those who consented.
 */
export async function seedPastResults(
  tx: Db,
  centres: Centre[],
  series: Series,
  catalogue: Catalogue,
  options: { writeFiles: boolean; log: (line: string) => void },
): Promise<void> {
  const { writeFiles, log } = options;
  for (const centre of centres) {
    if ((await tx.entry.count({ where: { centreId: centre.id, seriesId: series.id } })) > 0) continue;
    const candidates = await tx.candidate.findMany({
      where: { centreId: centre.id },
      orderBy: { candidateNumber: "asc" },
    });
    const made = await createEntriesAndResults(tx, centre, series, candidates, catalogue.specs, {
      entriesPerCandidate: [2, 3],
    });
    const consenting = candidates.filter((c) => c.scriptConsent);
    const scripts = await createScripts(tx, centre, series, consenting, { writeFiles });
    log(
      `Centre ${centre.number}: ${made.entries.length} entries with results in ${series.code} (${scripts.length} scripts)`,
    );
  }
}

/**
 * The demo examiner marks one written paper of June 2027 at two centres; the demo moderator
 * moderates one internally assessed component at the same centres.
 */
export async function seedDemoAllocations(
  tx: Db,
  centres: Centre[],
  series: Series,
  catalogue: Catalogue,
  log: (line: string) => void,
): Promise<void> {
  const [examiner, moderator] = await Promise.all(
    ["examiner@appointees.test", "moderator@appointees.test"].map((email) =>
      tx.user.findUnique({ where: { email }, select: { id: true } }),
    ),
  );
  const at = centres.slice(0, 2);
  // A component each centre has candidates entered for.
  const enteredEverywhere = async (c: (typeof catalogue.components)[number]) => {
    const counts = await Promise.all(
      at.map((centre) =>
        tx.entry.count({ where: { centreId: centre.id, seriesId: series.id, specificationId: c.specificationId } }),
      ),
    );
    return counts.every((n) => n > 0);
  };
  const pick = async (internallyAssessed: boolean) => {
    for (const c of catalogue.components.filter((c) => c.internallyAssessed === internallyAssessed))
      if (await enteredEverywhere(c)) return c;
    return undefined;
  };
  const written = await pick(false);
  const assessed = await pick(true);
  for (const [who, kind, component] of [
    [examiner, "EXAMINER", written],
    [moderator, "MODERATOR", assessed],
  ] as const) {
    if (!who || !component) continue;
    const exists = await tx.allocation.findFirst({ where: { appointeeId: who.id, seriesId: series.id } });
    if (exists) continue;
    await tx.allocation.create({
      data: {
        kind,
        appointeeId: who.id,
        seriesId: series.id,
        componentId: component.id,
        centres: { create: at.map((c) => ({ centreId: c.id })) },
      },
    });
    log(
      `${kind === "EXAMINER" ? "Examiner" : "Moderator"}: ${component.code} at ${at.map((c) => c.number).join(", ")}`,
    );
  }
}
