import "server-only";
import { authorizeCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { readMarks } from "@/lib/data/marks/engine";
import { adjusted } from "@/lib/marks/moderation";
import { REPORT_SECTIONS } from "@/lib/marks/moderation-report";
import type { MarkValue } from "@/lib/marks/rules";
import { recordIdSchema } from "@/lib/validation/ids";
import { nameOf, sheetEntries, sheetOfCentre } from "./iamis-scope";

// The centre's moderator reports (docs/marks.md, "Moderation"): a report on one of its sheets,
// once the board has released it (releasedAt at or before now) — never before. The report's
// sections and comments, the adjustment, and each candidate's mark before and after it.

export type ReportSummary = {
  id: string;
  componentCode: string;
  titleEn: string;
  titleCy: string;
  series: { code: string; nameEn: string; nameCy: string };
  releasedAt: Date;
  adjustment: number;
};

/** The released reports on the caller's centre's sheets, newest first. */
export async function listModeratorReports(): Promise<Result<{ reports: ReportSummary[] }>> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const rows = await getPrisma().moderationReport.findMany({
    where: { releasedAt: { lte: at }, sheet: { centreId: caller.centreId } },
    include: {
      sheet: {
        select: {
          component: { select: { code: true, titleEn: true, titleCy: true } },
          series: { select: { code: true, nameEn: true, nameCy: true } },
        },
      },
    },
    orderBy: [{ releasedAt: "desc" }, { id: "asc" }],
  });
  return {
    ok: true,
    reports: rows.map((r) => ({
      id: r.id,
      componentCode: r.sheet.component.code,
      titleEn: r.sheet.component.titleEn,
      titleCy: r.sheet.component.titleCy,
      series: r.sheet.series,
      releasedAt: r.releasedAt!,
      adjustment: r.adjustment,
    })),
  };
}

export type ReportCandidate = {
  candidateNumber: string;
  name: string;
  /** The centre's mark or code. */
  centre: MarkValue | null;
  /** The moderator's mark, for a sampled candidate they marked. */
  moderated: number | null;
  sampled: boolean;
  /** The centre's mark after the adjustment (null for a code or no mark). */
  after: number | null;
};

export type ReportDetail = ReportSummary & {
  sections: { key: string; text: string }[];
  comments: string;
  meanDifference: number;
  maxMark: number;
  candidates: ReportCandidate[];
};

/** Reads a report's sections ({ key: text }) in the report's order; empty and unknown ones are left out. */
function sectionsOf(json: unknown): { key: string; text: string }[] {
  if (!json || typeof json !== "object" || Array.isArray(json)) return [];
  const stored = json as Record<string, unknown>;
  return REPORT_SECTIONS.flatMap((key) => {
    const text = stored[key];
    return typeof text === "string" && text.trim() ? [{ key, text }] : [];
  });
}

/** One released report on a sheet of the caller's centre; any other is not found. */
export async function getModeratorReport(reportId: string): Promise<Result<{ report: ReportDetail }>> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const id = recordIdSchema.safeParse(reportId);
  if (!id.success) return refuse("notFound");
  const db = getPrisma();
  const report = await db.moderationReport.findFirst({
    where: { id: id.data, releasedAt: { lte: at }, sheet: { centreId: caller.centreId } },
  });
  if (!report) return refuse("notFound");
  const sheet = await sheetOfCentre(db, caller.centreId, report.sheetId);
  if (!sheet) return refuse("notFound");
  const entries = await sheetEntries(db, sheet);
  const ids = entries.map((e) => e.id);
  const [centre, moderator, sample] = await Promise.all([
    readMarks(db, sheet.componentId, "CENTRE", ids),
    readMarks(db, sheet.componentId, "MODERATOR", ids),
    db.markSample.findMany({ where: { sheetId: sheet.id }, select: { entryId: true } }),
  ]);
  const sampled = new Set(sample.map((s) => s.entryId));
  const max = sheet.component.maxMark;
  return {
    ok: true,
    report: {
      id: report.id,
      componentCode: sheet.component.code,
      titleEn: sheet.component.titleEn,
      titleCy: sheet.component.titleCy,
      series: sheet.series,
      releasedAt: report.releasedAt!,
      adjustment: report.adjustment,
      meanDifference: report.meanDifference,
      sections: sectionsOf(report.sections),
      comments: report.comments,
      maxMark: max,
      candidates: entries.map((e) => {
        const mine = centre.get(e.id)?.value ?? null;
        const total = mine?.total ?? null;
        return {
          candidateNumber: e.candidateNumber,
          name: nameOf(e),
          centre: mine,
          moderated: moderator.get(e.id)?.value.total ?? null,
          sampled: sampled.has(e.id),
          after: total === null ? null : adjusted(total, report.adjustment, max),
        };
      }),
    },
  };
}
