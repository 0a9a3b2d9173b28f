import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ENTERED_MARK, examinerCounts } from "@/lib/data/marks/emi-scope";

// An appointee's allocations as the board sees them, each with its progress. Building blocks of
// getAppointee (./appointees.ts), which has authorized board staff; nothing here checks who is
// asking.

type Db = Prisma.TransactionClient;

export type AllocationProgress = {
  /** Centres allocated. */
  centres: number;
  /** Candidates allocated: live entries at the allocated centres, and single candidates' entries. */
  candidates: number;
  /** Scripts to mark or moderate: one per allocated candidate for the component. */
  scripts: number;
  /** Scripts with marks entered. */
  entered: number;
  /** Scripts with marks submitted. */
  submitted: number;
  /** Scripts still to submit. */
  left: number;
};

// internal: takes the client of a function that has authorized board staff
/**
 * The one place an allocation's progress is counted, from the marks themselves. An examiner's
 * scripts are the allocated candidates (live entries at the allocated centres, and single
 * entries); entered counts their examiner marks with a mark or a code, submitted those the
 * examiner has submitted (lib/data/marks/emi-scope.ts). A moderator's scripts are the sampled
 * candidates of the allocated centres' submitted (or moderated) sheets for the component;
 * entered counts their moderator marks, submitted those of sheets whose moderation report is
 * submitted.
 */
export async function allocationProgress(
  db: Db,
  allocation: {
    id: string;
    kind: "EXAMINER" | "MODERATOR";
    seriesId: string;
    componentId: string;
    specificationId: string;
    centreIds: string[];
    entryIds: string[];
  },
): Promise<AllocationProgress> {
  const candidates =
    allocation.centreIds.length + allocation.entryIds.length === 0
      ? 0
      : await db.entry.count({
          where: {
            seriesId: allocation.seriesId,
            specificationId: allocation.specificationId,
            status: "ENTERED",
            OR: [{ centreId: { in: allocation.centreIds } }, { id: { in: allocation.entryIds } }],
          },
        });
  const centres = allocation.centreIds.length;
  if (allocation.kind === "EXAMINER") {
    const { entered, submitted } = await examinerCounts(db, allocation);
    return { centres, candidates, scripts: candidates, entered, submitted, left: candidates - submitted };
  }
  const sheets = {
    seriesId: allocation.seriesId,
    componentId: allocation.componentId,
    centreId: { in: allocation.centreIds },
    status: { in: ["SUBMITTED", "MODERATED"] as ("SUBMITTED" | "MODERATED")[] },
  };
  const sample = await db.markSample.findMany({
    where: { sheet: sheets },
    select: { entryId: true, sheet: { select: { report: { select: { submittedAt: true } } } } },
  });
  const reported = new Set(sample.filter((s) => s.sheet.report?.submittedAt).map((s) => s.entryId));
  const marked = sample.length
    ? await db.mark.findMany({
        where: {
          componentId: allocation.componentId,
          source: "MODERATOR",
          entryId: { in: sample.map((s) => s.entryId) },
          ...ENTERED_MARK,
        },
        select: { entryId: true },
      })
    : [];
  const scripts = sample.length;
  const entered = marked.length;
  const submitted = marked.filter((m) => reported.has(m.entryId)).length;
  return { centres, candidates, scripts, entered, submitted, left: scripts - submitted };
}

// internal: takes the client of a function that has authorized board staff
/** An appointee's allocations, newest series first, with their centres, candidates, team leader and progress. */
export async function allocationsOf(db: Db, appointeeId: string) {
  const rows = await db.allocation.findMany({
    where: { appointeeId },
    include: {
      series: { select: { id: true, code: true, nameEn: true, nameCy: true, resultsDay: true } },
      component: { select: { id: true, code: true, titleEn: true, titleCy: true, specificationId: true } },
      centres: { include: { centre: { select: { id: true, number: true, nameEn: true, nameCy: true } } } },
      candidates: {
        include: {
          entry: {
            select: {
              id: true,
              status: true,
              centre: { select: { number: true } },
              candidate: { select: { candidateNumber: true, firstName: true, lastName: true } },
            },
          },
        },
      },
      teamLeader: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ series: { resultsDay: "desc" } }, { component: { code: "asc" } }],
  });
  // Team leaders are moderators allocated to the same component in the same series.
  const moderated = rows.filter((r) => r.kind === "MODERATOR");
  const colleagues = moderated.length
    ? await db.allocation.findMany({
        where: {
          kind: "MODERATOR",
          appointeeId: { not: appointeeId },
          appointee: { deactivatedAt: null },
          OR: moderated.map((r) => ({ seriesId: r.seriesId, componentId: r.componentId })),
        },
        select: { seriesId: true, componentId: true, appointee: { select: { id: true, name: true, email: true } } },
        orderBy: { appointee: { name: "asc" } },
      })
    : [];
  const led = moderated.length
    ? await db.allocation.findMany({
        where: { kind: "MODERATOR", teamLeaderId: appointeeId },
        select: { seriesId: true, componentId: true, appointee: { select: { id: true, name: true, email: true } } },
        orderBy: { appointee: { name: "asc" } },
      })
    : [];
  const same = (a: { seriesId: string; componentId: string }, b: { seriesId: string; componentId: string }) =>
    a.seriesId === b.seriesId && a.componentId === b.componentId;

  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      kind: r.kind,
      series: { code: r.series.code, nameEn: r.series.nameEn, nameCy: r.series.nameCy },
      component: { code: r.component.code, titleEn: r.component.titleEn, titleCy: r.component.titleCy },
      centres: r.centres.map((c) => c.centre).sort((a, b) => a.number.localeCompare(b.number)),
      candidates: r.candidates
        .map((c) => ({
          entryId: c.entry.id,
          centreNumber: c.entry.centre.number,
          candidateNumber: c.entry.candidate.candidateNumber,
          name: `${c.entry.candidate.firstName} ${c.entry.candidate.lastName}`,
          withdrawn: c.entry.status === "WITHDRAWN",
        }))
        .sort((a, b) => `${a.centreNumber}${a.candidateNumber}`.localeCompare(`${b.centreNumber}${b.candidateNumber}`)),
      teamLeader: r.teamLeader,
      /** Moderators of the same component in the same series who could lead this one (moderators only). */
      teamLeaderChoices: r.kind === "MODERATOR" ? colleagues.filter((c) => same(c, r)).map((c) => c.appointee) : [],
      /** The moderators this appointee leads on the component. */
      leads: r.kind === "MODERATOR" ? led.filter((l) => same(l, r)).map((l) => l.appointee) : [],
      progress: await allocationProgress(db, {
        id: r.id,
        kind: r.kind,
        seriesId: r.seriesId,
        componentId: r.componentId,
        specificationId: r.component.specificationId,
        centreIds: r.centres.map((c) => c.centreId),
        entryIds: r.candidates.map((c) => c.entryId),
      }),
    })),
  );
}
