import "server-only";
import { z } from "zod";
import { authorizeBoard, refuse, requestInfo, type Result } from "@/lib/auth/authorize";
import { audit } from "@/lib/data/audit";
import { getPrisma } from "@/lib/db/client";
import { DEFAULT_TOLERANCE } from "@/lib/marks/moderation";
import { isSingleLine } from "@/lib/validation/text";

// The board's side of moderation (docs/marks.md, "Moderation"): per series and internally
// assessed component, every centre's sheet with its state, sample and report; releasing a
// component's submitted reports to the centres; and unlocking a submitted sheet back to the
// centre before its report is submitted. Board staff only; each change and its audit row in one
// transaction. Tolerances are set with the series (lib/data/board/series-components.ts).

export type BoardReportState = "none" | "draft" | "submitted" | "released";

/** The moderation of a series (`?series=`, default the newest series with sheets): components, sheets, reports. */
export async function boardModeration(seriesCode?: string) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const all = await db.series.findMany({
    select: { id: true, code: true, nameEn: true, nameCy: true, _count: { select: { markSheets: true } } },
    orderBy: { resultsDay: "desc" },
  });
  const series = seriesCode
    ? all.find((s) => s.code === seriesCode)
    : (all.find((s) => s._count.markSheets > 0) ?? all[0]);
  if (seriesCode && !series) return refuse("notFound");
  const seriesChoices = all.map((s) => ({ code: s.code, nameEn: s.nameEn, nameCy: s.nameCy }));
  if (!series) return { ok: true as const, series: null, seriesChoices, components: [] };

  const components = await db.component.findMany({
    where: {
      internallyAssessed: true,
      OR: [
        { markSheets: { some: { seriesId: series.id } } },
        { allocations: { some: { seriesId: series.id, kind: "MODERATOR" } } },
      ],
    },
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleCy: true,
      maxMark: true,
      inSeries: { where: { seriesId: series.id }, select: { tolerance: true } },
      markSheets: {
        where: { seriesId: series.id },
        select: {
          id: true,
          status: true,
          submittedAt: true,
          late: true,
          centre: { select: { number: true, nameEn: true, nameCy: true } },
          _count: { select: { sample: true } },
          report: { select: { submittedAt: true, releasedAt: true, adjustment: true, meanDifference: true } },
        },
        orderBy: { centre: { number: "asc" } },
      },
    },
    orderBy: { code: "asc" },
  });
  const stateOf = (r: { submittedAt: Date | null; releasedAt: Date | null } | null): BoardReportState =>
    !r ? "none" : !r.submittedAt ? "draft" : r.releasedAt ? "released" : "submitted";
  return {
    ok: true as const,
    series: { id: series.id, code: series.code, nameEn: series.nameEn, nameCy: series.nameCy },
    seriesChoices,
    components: components.map((c) => {
      const sheets = c.markSheets.map((s) => ({
        id: s.id,
        centre: s.centre,
        status: s.status,
        submittedAt: s.submittedAt,
        late: s.late,
        sampleSize: s._count.sample,
        report: stateOf(s.report),
        adjustment: s.report?.submittedAt ? s.report.adjustment : null,
        meanDifference: s.report?.submittedAt ? s.report.meanDifference : null,
        /** Back to the centre: submitted, with no report submitted yet. */
        canUnlock: s.status === "SUBMITTED" && !s.report?.submittedAt,
      }));
      return {
        id: c.id,
        code: c.code,
        titleEn: c.titleEn,
        titleCy: c.titleCy,
        maxMark: c.maxMark,
        tolerance: c.inSeries[0]?.tolerance ?? null,
        defaultTolerance: DEFAULT_TOLERANCE,
        sheets,
        /** Submitted reports not yet released. */
        releasable: sheets.filter((s) => s.report === "submitted").length,
      };
    }),
  };
}

const ids = z.object({ seriesId: z.string().max(100), componentId: z.string().max(100) }).strict();

/** Releases a component's submitted reports in a series to their centres (the centres read them from now on). */
export async function releaseReports(input: {
  seriesId: string;
  componentId: string;
}): Promise<Result<{ released: number; seriesCode: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const parsed = ids.safeParse(input);
  if (!parsed.success) return refuse("notFound");
  const { seriesId, componentId } = parsed.data;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ released: number; seriesCode: string }>> => {
    const [series, component] = await Promise.all([
      tx.series.findUnique({ where: { id: seriesId }, select: { code: true } }),
      tx.component.findUnique({ where: { id: componentId }, select: { code: true, internallyAssessed: true } }),
    ]);
    if (!series || !component?.internallyAssessed) return refuse("notFound");
    const reports = await tx.moderationReport.findMany({
      where: { submittedAt: { not: null }, releasedAt: null, sheet: { seriesId, componentId } },
      select: { id: true, sheetId: true, sheet: { select: { centreId: true, centre: { select: { number: true } } } } },
    });
    if (!reports.length) return refuse("conflict", "moderationNothingToRelease");
    await tx.moderationReport.updateMany({
      where: { id: { in: reports.map((r) => r.id) }, releasedAt: null },
      data: { releasedAt: at },
    });
    await audit(tx, {
      action: "moderation.reports-released",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      ip,
      at,
      details: {
        seriesCode: series.code,
        componentCode: component.code,
        released: reports.length,
        centres: reports.map((r) => r.sheet.centre.number).sort(),
        sheetIds: reports.map((r) => r.sheetId),
      },
    });
    return { ok: true, released: reports.length, seriesCode: series.code };
  });
}

export const UNLOCK_REASON_MAX = 500;

const unlock = z
  .object({
    sheetId: z.string().max(100),
    reason: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, "moderationUnlockReasonMissing").max(UNLOCK_REASON_MAX, "moderationUnlockReasonTooLong"))
      .refine(isSingleLine, "moderationUnlockReasonInvalid"),
  })
  .strict();

/**
 * Sends a submitted sheet back to the centre (OPEN): its sample, the moderator's marks for it
 * and any report draft are discarded. Refused once the report is submitted. Audited with the reason.
 */
export async function unlockSheet(input: { sheetId: string; reason: string }): Promise<Result<{ seriesCode: string }>> {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const parsed = unlock.safeParse(input);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((i) => i.path[0] === "reason")?.message;
    return reason ? refuse("invalid", reason) : refuse("notFound");
  }
  const { sheetId, reason } = parsed.data;
  const { ip } = await requestInfo();
  return getPrisma().$transaction(async (tx): Promise<Result<{ seriesCode: string }>> => {
    await tx.$queryRaw`SELECT id FROM "MarkSheet" WHERE id = ${sheetId} FOR UPDATE`;
    const sheet = await tx.markSheet.findUnique({
      where: { id: sheetId },
      include: {
        sample: { select: { entryId: true } },
        report: { select: { submittedAt: true } },
        centre: { select: { number: true } },
        component: { select: { code: true } },
        series: { select: { code: true } },
      },
    });
    if (!sheet) return refuse("notFound");
    if (sheet.report?.submittedAt) return refuse("conflict", "moderationUnlockReported");
    if (sheet.status !== "SUBMITTED") return refuse("conflict", "moderationUnlockNotSubmitted");
    const sampled = sheet.sample.map((s) => s.entryId);
    const discarded = await tx.mark.findMany({
      where: { componentId: sheet.componentId, source: "MODERATOR", entryId: { in: sampled } },
      select: { entryId: true, total: true, code: true },
    });
    await tx.mark.deleteMany({
      where: { componentId: sheet.componentId, source: "MODERATOR", entryId: { in: sampled } },
    });
    await tx.moderationReport.deleteMany({ where: { sheetId } });
    await tx.markSample.deleteMany({ where: { sheetId } });
    await tx.markSheet.update({
      where: { id: sheetId },
      data: { status: "OPEN", submittedAt: null, submittedById: null, late: false },
    });
    await audit(tx, {
      action: "moderation.sheet-unlocked",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: sheet.centreId,
      ip,
      at,
      details: {
        sheetId,
        centreNumber: sheet.centre.number,
        componentCode: sheet.component.code,
        seriesCode: sheet.series.code,
        reason,
        sampleCleared: sampled.length,
        moderatedMarksDiscarded: discarded.map((m) => ({ entryId: m.entryId, total: m.total, code: m.code })),
      },
    });
    return { ok: true, seriesCode: sheet.series.code };
  });
}

/** One sheet, for the page that unlocks it: its centre, component, series and whether it may be unlocked. */
export async function boardSheet(sheetId: string) {
  const auth = await authorizeBoard();
  if (!auth.ok) return auth;
  if (typeof sheetId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(sheetId)) return refuse("notFound");
  const sheet = await getPrisma().markSheet.findUnique({
    where: { id: sheetId },
    select: {
      id: true,
      status: true,
      centre: { select: { number: true, nameEn: true, nameCy: true } },
      component: { select: { code: true, titleEn: true, titleCy: true } },
      series: { select: { code: true, nameEn: true, nameCy: true } },
      report: { select: { submittedAt: true } },
    },
  });
  if (!sheet) return refuse("notFound");
  return {
    ok: true as const,
    sheet: { ...sheet, canUnlock: sheet.status === "SUBMITTED" && !sheet.report?.submittedAt },
  };
}
