import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

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
 * The one place an allocation's progress is counted. The allocated centres and candidates are
 * real. Marks entered and submitted are 0 because there is nothing yet to count: no table holds
 * an examiner's or moderator's marks until the mark-input services (examiner mark input,
 * moderator mark input) exist. Those services fill in `entered` and `submitted` here, from their
 * own tables, and every page that shows progress follows.
 */
export async function allocationProgress(
  db: Db,
  allocation: { seriesId: string; specificationId: string; centreIds: string[]; entryIds: string[] },
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
  const scripts = candidates;
  const entered = 0; // no mark tables yet (see above)
  const submitted = 0; // no mark tables yet (see above)
  return { centres: allocation.centreIds.length, candidates, scripts, entered, submitted, left: scripts - submitted };
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
        seriesId: r.seriesId,
        specificationId: r.component.specificationId,
        centreIds: r.centres.map((c) => c.centreId),
        entryIds: r.candidates.map((c) => c.entryId),
      }),
    })),
  );
}
