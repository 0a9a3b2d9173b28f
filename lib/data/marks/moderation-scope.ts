import "server-only";
import { authorize, refuse, type Authorized, type Refusal } from "@/lib/auth/authorize";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_TOLERANCE } from "@/lib/marks/moderation";
import { reviewOf, type Review } from "@/lib/marks/moderation-review";
import { readMarks } from "./engine";

// What a moderator may reach (docs/marks.md, "Moderation"): their own allocations and those of
// the moderators they lead (Allocation.teamLeaderId), and within one, the sheets of its
// allocated centres for its component in its series once the centre has submitted them. Anything
// else is "not found". Building blocks of ./moderation.ts and ./moderation-report.ts, which
// authorize first; the same reads run inside their transactions to re-check.

type Db = Prisma.TransactionClient | PrismaClient;

// internal: the kernel's check every moderator function starts with (an appointee who moderates)
export async function authorizeModerator(): Promise<Authorized | Refusal> {
  const auth = await authorize({ roles: ["APPOINTEE"] });
  if (!auth.ok) return auth;
  if (auth.caller.appointeeType !== "MODERATOR") return refuse("forbidden");
  return auth;
}

const allocationInclude = {
  series: { select: { id: true, code: true, nameEn: true, nameCy: true } },
  component: {
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleCy: true,
      maxMark: true,
      specificationId: true,
      specification: {
        select: { titleEn: true, titleCy: true, qualification: { select: { nameEn: true, nameCy: true } } },
      },
    },
  },
  centres: { select: { centreId: true } },
  appointee: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AllocationInclude;

export type ModeratorAllocation = Prisma.AllocationGetPayload<{ include: typeof allocationInclude }>;

// internal: a where-clause for a caller authorized by authorizeModerator
/** Whose work the caller may do in an allocation: their own, or that of a moderator they lead. */
export const workableBy = (userId: string) => ({
  kind: "MODERATOR" as const,
  OR: [{ appointeeId: userId }, { teamLeaderId: userId }],
});

// internal: takes the id of a caller authorized by authorizeModerator
/** The allocation, when the caller holds it or leads the moderator who does; else null. */
export async function allocationFor(
  db: Db,
  userId: string,
  allocationId: unknown,
): Promise<ModeratorAllocation | null> {
  if (typeof allocationId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(allocationId)) return null;
  return db.allocation.findFirst({ where: { id: allocationId, ...workableBy(userId) }, include: allocationInclude });
}

const sheetInclude = {
  centre: { select: { id: true, number: true, nameEn: true, nameCy: true } },
  sample: { select: { entryId: true } },
  report: true,
} satisfies Prisma.MarkSheetInclude;

export type ModeratedSheet = Prisma.MarkSheetGetPayload<{ include: typeof sheetInclude }>;

/** The sheets a moderator sees: submitted or moderated, never open. */
export const VISIBLE_STATUSES = ["SUBMITTED", "MODERATED"] as const;

// internal: takes an allocation allocationFor has found for the caller
/** One sheet of the allocation: an allocated centre's, for its component and series, submitted or moderated. */
export async function sheetFor(
  db: Db,
  allocation: ModeratorAllocation,
  sheetId: unknown,
): Promise<ModeratedSheet | null> {
  if (typeof sheetId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(sheetId)) return null;
  return db.markSheet.findFirst({
    where: {
      id: sheetId,
      seriesId: allocation.seriesId,
      componentId: allocation.componentId,
      centreId: { in: allocation.centres.map((c) => c.centreId) },
      status: { in: [...VISIBLE_STATUSES] },
    },
    include: sheetInclude,
  });
}

// internal: takes an allocation allocationFor has found for the caller
/** The allocation's visible sheets. */
export async function sheetsOf(db: Db, allocation: ModeratorAllocation): Promise<ModeratedSheet[]> {
  return db.markSheet.findMany({
    where: {
      seriesId: allocation.seriesId,
      componentId: allocation.componentId,
      centreId: { in: allocation.centres.map((c) => c.centreId) },
      status: { in: [...VISIBLE_STATUSES] },
    },
    include: sheetInclude,
  });
}

// internal: reads the tolerance of a component the caller's function has already reached
/** The component's tolerance in the series: the board's, or the default. */
export async function toleranceOf(db: Db, seriesId: string, componentId: string): Promise<number> {
  const row = await db.seriesComponent.findUnique({
    where: { seriesId_componentId: { seriesId, componentId } },
    select: { tolerance: true },
  });
  return row?.tolerance ?? DEFAULT_TOLERANCE;
}

export type CohortEntry = { entryId: string; candidateNumber: string; name: string };

// internal: takes a sheet the caller's function has already reached
/** The sheet's candidates (live entries of the centre for the component's specification), by candidate number. */
export async function cohortOf(db: Db, sheet: { centreId: string; seriesId: string }, specificationId: string) {
  const entries = await db.entry.findMany({
    where: { centreId: sheet.centreId, seriesId: sheet.seriesId, specificationId, status: "ENTERED" },
    select: { id: true, candidate: { select: { candidateNumber: true, firstName: true, lastName: true } } },
    orderBy: { candidate: { candidateNumber: "asc" } },
  });
  return entries.map((e): CohortEntry => ({
    entryId: e.id,
    candidateNumber: e.candidate.candidateNumber,
    name: `${e.candidate.lastName}, ${e.candidate.firstName}`,
  }));
}

// internal: takes a sheet the caller's function has already reached
/** The sheet's review: its cohort with the centre's marks, the sample with the moderator's, and the figures. */
export async function reviewSheet(db: Db, allocation: ModeratorAllocation, sheet: ModeratedSheet) {
  const cohort = await cohortOf(db, sheet, allocation.component.specificationId);
  const ids = cohort.map((c) => c.entryId);
  const sampleIds = sheet.sample.map((s) => s.entryId);
  const [centre, moderator, tolerance] = await Promise.all([
    readMarks(db, sheet.componentId, "CENTRE", ids),
    readMarks(db, sheet.componentId, "MODERATOR", sampleIds),
    toleranceOf(db, sheet.seriesId, sheet.componentId),
  ]);
  const submitted = sheet.report?.submittedAt ? sheet.report : null;
  const review: Review = reviewOf({
    cohort: cohort.map((c) => ({ entryId: c.entryId, centre: centre.get(c.entryId)?.value ?? null })),
    sample: new Set(sampleIds),
    moderated: new Map([...moderator].map(([id, m]) => [id, m.value])),
    tolerance,
    maxMark: allocation.component.maxMark,
    reported: submitted ? { meanDifference: submitted.meanDifference, adjustment: submitted.adjustment } : null,
  });
  return { cohort, centre, moderator, review };
}
