// The demo centres' IAMIS mark sheets in June 2027 (prisma/seed.ts): at 68101 and 68102, one
// sheet per internally assessed component they have candidates for, in the states a centre
// meets — not started, part-entered, submitted with its sample. The demo moderator's component
// (prisma/seed/past-series.ts) is submitted at 68101, so the moderator has a sample to review;
// at 68102 it is left to the moderation seed (prisma/seed/moderation.ts), which runs after this
// and moderates it. Idempotent: a sheet already there is left as it is.
import type { Centre, Component, Series } from "@/lib/generated/prisma/client";
import { drawSample } from "@/lib/marks/moderation";
import type { Db } from "@/tests/factories";

const DAY = 86_400_000;

type State = "notStarted" | "partEntered" | "submitted";

/** A centre's mark for a candidate, the same on every run: spread over the range; now and then A or W. */
function demoMark(
  candidateNumber: string,
  index: number,
  max: number,
): { total: number | null; code: "A" | "W" | null } {
  const n = Number(candidateNumber);
  if (index === 5) return { total: null, code: "A" };
  if (index === 11) return { total: null, code: "W" };
  return { total: Math.round(max * 0.25) + ((n * 11 + index * 5) % Math.round(max * 0.7)), code: null };
}

async function seedSheet(tx: Db, centre: Centre, series: Series, component: Component, state: State, now: Date) {
  const where = {
    centreId_seriesId_componentId: { centreId: centre.id, seriesId: series.id, componentId: component.id },
  };
  if (await tx.markSheet.findUnique({ where })) return null;
  const eo = await tx.user.findFirst({ where: { centreId: centre.id, role: "EXAMS_OFFICER" }, select: { id: true } });
  if (!eo) return null;
  const entries = await tx.entry.findMany({
    where: { centreId: centre.id, seriesId: series.id, specificationId: component.specificationId, status: "ENTERED" },
    select: { id: true, candidate: { select: { candidateNumber: true } } },
    orderBy: { candidate: { candidateNumber: "asc" } },
  });
  if (!entries.length) return null;
  // Part-entered: the first half of the candidates; submitted: every one.
  const keyed =
    state === "notStarted" ? [] : state === "partEntered" ? entries.slice(0, Math.ceil(entries.length / 2)) : entries;
  const savedAt = new Date(now.getTime() - (state === "submitted" ? 9 : 2) * DAY);
  const marked: { id: string; mark: number }[] = [];
  for (const [i, e] of keyed.entries()) {
    const mark = demoMark(e.candidate.candidateNumber, i, component.maxMark);
    await tx.mark.create({
      data: {
        entryId: e.id,
        componentId: component.id,
        source: "CENTRE",
        ...mark,
        updatedAt: savedAt,
        updatedById: eo.id,
      },
    });
    if (mark.total !== null) marked.push({ id: e.id, mark: mark.total });
  }
  const sheet = await tx.markSheet.create({
    data: {
      centreId: centre.id,
      seriesId: series.id,
      componentId: component.id,
      ...(state === "submitted"
        ? { status: "SUBMITTED" as const, submittedAt: new Date(savedAt.getTime() + 3_600_000), submittedById: eo.id }
        : {}),
    },
  });
  if (state === "submitted")
    await tx.markSample.createMany({ data: drawSample(marked).map((s) => ({ sheetId: sheet.id, entryId: s.id })) });
  return { entries: entries.length, keyed: keyed.length };
}

export async function seedIamis(
  tx: Db,
  centres: Centre[],
  series: Series,
  log: (line: string) => void,
  now: Date = new Date(),
): Promise<void> {
  const moderator = await tx.user.findUnique({ where: { email: "moderator@appointees.test" }, select: { id: true } });
  const allocation = moderator
    ? await tx.allocation.findFirst({
        where: { kind: "MODERATOR", appointeeId: moderator.id, seriesId: series.id },
        select: { componentId: true },
      })
    : null;
  const components = await tx.component.findMany({ where: { internallyAssessed: true }, orderBy: { code: "asc" } });
  // Each centre's other sheets take these states in turn.
  const cycle: Record<string, State[]> = {
    "68101": ["notStarted", "partEntered", "partEntered"],
    "68102": ["partEntered", "notStarted", "submitted"],
  };
  for (const centre of centres) {
    const states = cycle[centre.number];
    if (!states) continue;
    let next = 0;
    for (const component of components) {
      const allocated = component.id === allocation?.componentId;
      // The moderator's component: submitted at 68101; at 68102 the moderation seed's to moderate.
      if (allocated && centre.number !== "68101") continue;
      const state = allocated ? "submitted" : states[next % states.length];
      const made = await seedSheet(tx, centre, series, component, state, now);
      if (!made) continue;
      if (!allocated) next++;
      log(`IAMIS: ${component.code} at ${centre.number} ${state} (${made.keyed} of ${made.entries} marked)`);
    }
  }
}
