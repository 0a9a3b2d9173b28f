import "server-only";
import { inCentre, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { PAPER_FORMATS } from "@/lib/access-arrangements/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModifiedPaperFormat } from "@/lib/generated/prisma/enums";
import { codeOrEmpty } from "@/lib/validation/codes";
import { recordIdSchema } from "@/lib/validation/ids";
import type { OrderInput } from "@/lib/validation/access-arrangements";
import type { CandidateName, SeriesName } from "./shared";
import { auditRead, authorizeArrangements } from "./shared";

// Modified papers ordered per series (docs/access-arrangements.md, "Modified papers"): enlarged
// (18 pt, 24 pt), braille or modified language, for the written components a candidate is
// entered for in the series. An order after the series' modified-paper deadline (set by the
// board) is marked late; at the deadline itself it is on time. Ordering the same paper in the
// same format twice for a candidate is refused. Every view and order is audited.

export type PaperComponent = { id: string; code: string; titleEn: string; titleCy: string };

export type PaperOrderRow = {
  id: string;
  candidate: CandidateName;
  format: ModifiedPaperFormat;
  components: PaperComponent[];
  orderedAt: Date;
  late: boolean;
};

type SeriesWithDeadline = SeriesName & { id: string; modifiedPaperDeadline: Date | null };

const SERIES_SELECT = { id: true, code: true, nameEn: true, nameCy: true, modifiedPaperDeadline: true } as const;

/** The written components of a candidate's live entries in a series (those a paper is printed for). */
async function componentsFor(
  db: Prisma.TransactionClient | ReturnType<typeof getPrisma>,
  centreId: string,
  candidateId: string,
  seriesId: string,
): Promise<PaperComponent[]> {
  return db.component.findMany({
    where: {
      internallyAssessed: false,
      specification: { entries: { some: { centreId, candidateId, seriesId, status: "ENTERED" } } },
    },
    select: { id: true, code: true, titleEn: true, titleCy: true },
    orderBy: { code: "asc" },
  });
}

export type ModifiedPapersPage = {
  seriesChoices: SeriesName[];
  /** The series shown: the one asked for, else the latest; null when there are none. */
  series: SeriesWithDeadline | null;
  deadlinePassed: boolean;
  orders: PaperOrderRow[];
  /** The candidate asked for (`candidateId`), with the components that can be ordered for them. */
  candidate: (CandidateName & { components: PaperComponent[] }) | null;
};

/**
 * The caller's centre's modified paper orders in a series (the latest when `seriesCode` is
 * empty), and, for `candidateId`, what can be ordered for that candidate. Audited. An unknown
 * series or another centre's candidate is "not found".
 */
export async function modifiedPapers(seriesCode = "", candidateId = ""): Promise<Result<ModifiedPapersPage>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const seriesChoices = await db.series.findMany({ select: SERIES_SELECT, orderBy: { resultsDay: "desc" } });
  const code = codeOrEmpty(seriesCode);
  if (seriesCode && !code) return refuse("notFound");
  const series = code ? seriesChoices.find((s) => s.code === code) : seriesChoices[0];
  if (code && !series) return refuse("notFound");
  const choices = seriesChoices.map(({ code: c, nameEn, nameCy }) => ({ code: c, nameEn, nameCy }));
  if (!series)
    return { ok: true, seriesChoices: choices, series: null, deadlinePassed: false, orders: [], candidate: null };
  let candidate: ModifiedPapersPage["candidate"] = null;
  if (candidateId) {
    const id = recordIdSchema.safeParse(candidateId);
    const row = id.success
      ? await db.candidate.findFirst({
          where: inCentre(caller, { id: id.data }),
          select: { id: true, candidateNumber: true, firstName: true, lastName: true },
        })
      : null;
    if (!row) return refuse("notFound");
    candidate = { ...row, components: await componentsFor(db, caller.centreId, row.id, series.id) };
  }
  const orders = await db.modifiedPaperOrder.findMany({
    where: inCentre(caller, { seriesId: series.id }),
    include: {
      candidate: { select: { id: true, candidateNumber: true, firstName: true, lastName: true } },
      components: { include: { component: { select: { id: true, code: true, titleEn: true, titleCy: true } } } },
    },
    orderBy: [{ candidate: { candidateNumber: "asc" } }, { orderedAt: "asc" }],
  });
  await auditRead(auth, "modified_papers.listed", {
    series: series.code,
    orders: orders.length,
    ...(candidate ? { candidateId: candidate.id } : {}),
  });
  return {
    ok: true,
    seriesChoices: choices,
    series,
    deadlinePassed: series.modifiedPaperDeadline ? at.getTime() > series.modifiedPaperDeadline.getTime() : false,
    orders: orders.map((o) => ({
      id: o.id,
      candidate: o.candidate,
      format: o.format,
      components: o.components.map((c) => c.component).sort((a, b) => a.code.localeCompare(b.code)),
      orderedAt: o.orderedAt,
      late: o.late,
    })),
    candidate,
  };
}

/**
 * Orders modified papers for a candidate: a format and components of the candidate's live
 * entries in the series. Late after the series' deadline. Audited.
 */
export async function orderModifiedPapers(input: OrderInput): Promise<Result<{ orderId: string; late: boolean }>> {
  const auth = await authorizeArrangements();
  if (!auth.ok) return auth;
  if (!input || typeof input !== "object") return refuse("invalid");
  const candidateId = recordIdSchema.safeParse(input.candidateId);
  if (!candidateId.success) return refuse("invalid", "aaCandidateRequired");
  if (!(PAPER_FORMATS as readonly unknown[]).includes(input.format)) return refuse("invalid", "aaFormatRequired");
  const wanted = Array.isArray(input.components) ? [...new Set(input.components)] : [];
  if (wanted.length === 0 || wanted.length > 50 || wanted.some((c) => !recordIdSchema.safeParse(c).success))
    return refuse("invalid", "aaComponentsRequired");
  const code = codeOrEmpty(input.series);
  if (!code) return refuse("invalid", "aaSeriesUnknown");
  const { caller, at } = auth;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ orderId: string; late: boolean }>> => {
    const [candidate] = await tx.$queryRaw<{ id: string; candidateNumber: string }[]>`
      SELECT "id", "candidateNumber" FROM "Candidate"
       WHERE "id" = ${candidateId.data} AND "centreId" = ${caller.centreId} FOR UPDATE`;
    if (!candidate) return refuse("notFound");
    const series = await tx.series.findUnique({ where: { code }, select: SERIES_SELECT });
    if (!series) return refuse("invalid", "aaSeriesUnknown");
    const allowed = new Map((await componentsFor(tx, caller.centreId, candidate.id, series.id)).map((c) => [c.id, c]));
    if (wanted.some((c) => !allowed.has(c))) return refuse("invalid", "aaComponentUnknown");
    const already = await tx.modifiedPaperComponent.findFirst({
      where: {
        componentId: { in: wanted },
        order: { candidateId: candidate.id, seriesId: series.id, format: input.format },
      },
      select: { componentId: true },
    });
    if (already) return refuse("conflict", "aaPaperAlreadyOrdered");
    const late = series.modifiedPaperDeadline ? at.getTime() > series.modifiedPaperDeadline.getTime() : false;
    const order = await tx.modifiedPaperOrder.create({
      data: {
        centreId: caller.centreId,
        candidateId: candidate.id,
        seriesId: series.id,
        format: input.format,
        orderedAt: at,
        orderedById: caller.userId,
        late,
        components: { create: wanted.map((componentId) => ({ componentId })) },
      },
    });
    await audit(tx, {
      action: "modified_papers.ordered",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip,
      details: {
        orderId: order.id,
        candidateId: candidate.id,
        candidateNumber: candidate.candidateNumber,
        series: series.code,
        format: input.format,
        components: wanted.map((c) => allowed.get(c)!.code),
        late,
      },
      at,
    });
    return { ok: true, orderId: order.id, late };
  });
}
