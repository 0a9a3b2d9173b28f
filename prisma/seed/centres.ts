// The demo centres and what happens at them (prisma/seed.ts): candidates, their entries and
// results, the marked scripts of those who consented, and a few post-results requests.
import type { Centre, Series } from "@/lib/generated/prisma/client";
import {
  createCandidates,
  createCentre,
  createEntriesAndResults,
  createReviewRequests,
  createScripts,
  setScriptConsent,
  type Catalogue,
  type Db,
} from "@/tests/factories";

export const DEMO_CENTRE_NUMBERS = ["68101", "68102", "68103"] as const;
export const DEMO_CANDIDATES_PER_CENTRE = 60;

export const DEMO_CENTRES = [
  {
    number: "68101",
    nameEn: "Porth Comprehensive School",
    nameCy: "Ysgol Gyfun Porth",
    address: "Heol y Ddraenen\nPorth\nRhondda Cynon Taf\nCF39 0AB",
  },
  {
    number: "68102",
    nameEn: "Llanfair Community College",
    nameCy: "Coleg Cymunedol Llanfair",
    address: "Ffordd yr Ysgol\nLlanfair Caereinion\nPowys\nSY21 0HW",
  },
  {
    number: "68103",
    nameEn: "Glan Taf High School",
    nameCy: "Ysgol Uwchradd Glan Taf",
    address: "Glan Taf Road\nCardiff\nCF14 1AB",
  },
] as const;

/**
 * The demo centres (unless there already) and, at each centre without candidates, its
 * candidates with their entries, results and scripts.
 */
export async function seedCentres(
  tx: Db,
  series: Series,
  catalogue: Catalogue,
  options: { candidatesPerCentre: number; writeFiles: boolean; log: (line: string) => void },
): Promise<Centre[]> {
  const { candidatesPerCentre, writeFiles, log } = options;
  const centres = [];
  for (const c of DEMO_CENTRES) {
    const centre = (await tx.centre.findUnique({ where: { number: c.number } })) ?? (await createCentre(tx, { ...c }));
    centres.push(centre);
    if ((await tx.candidate.count({ where: { centreId: centre.id } })) === 0) {
      const candidates = await createCandidates(tx, centre, candidatesPerCentre);
      const made = await createEntriesAndResults(tx, centre, series, candidates, catalogue.specs);
      // About a third of the candidates have consented to their scripts being seen; each of
      // their component results has a marked-script PDF.
      const consenting = await setScriptConsent(tx, candidates);
      const scripts = await createScripts(tx, centre, series, consenting, { writeFiles });
      log(
        `Centre ${centre.number}: ${candidates.length} candidates, ${made.entries.length} entries, ${made.componentResults.length} component results, ` +
          `${consenting.length} with script consent (${scripts.length} scripts)`,
      );
    }
  }
  return centres;
}

/** A few post-results requests in each status, made by the centre's exams officer. */
export async function seedReviewRequests(
  tx: Db,
  centres: Centre[],
  series: Series,
  log: (line: string) => void,
): Promise<void> {
  for (const centre of centres) {
    if ((await tx.reviewRequest.count({ where: { centreId: centre.id } })) > 0) continue;
    const eo = await tx.user.findFirst({
      where: { centreId: centre.id, role: "EXAMS_OFFICER" },
      select: { id: true },
    });
    if (!eo) continue;
    const requests = await createReviewRequests(
      tx,
      centre,
      series,
      eo.id,
      new Date(series.releaseAt.getTime() + 5 * 86_400_000),
    );
    log(`Centre ${centre.number}: ${requests.length} post-results requests`);
  }
}
