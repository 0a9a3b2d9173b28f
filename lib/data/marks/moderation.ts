import "server-only";
import { refuse } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { isEntered } from "@/lib/marks/rules";
import type { Review, ShownMark } from "@/lib/marks/moderation-review";
import type { GridMark } from "@/components/marks/grid-types";
import {
  allocationFor,
  authorizeModerator,
  reviewSheet,
  sheetFor,
  sheetsOf,
  toleranceOf,
  workableBy,
  type VISIBLE_STATUSES,
  type ModeratedSheet,
  type ModeratorAllocation,
} from "./moderation-scope";

// Moderator mark input, the reading side (docs/marks.md, "Moderation"): the moderator's
// allocations in a series with their totals, "work as" a moderator they lead, an allocation's
// centres, and one centre's sample. Saving marks and the report is ./moderation-report.ts.

type Bilingual = { en: string; cy: string };
/** The statuses a moderator sees (sheetFor and sheetsOf find no other). */
type Visible = (typeof VISIBLE_STATUSES)[number];

/** "GCSE June 2027 Welsh Language Oracy (9541/01)", in both languages. */
function labelOf(a: ModeratorAllocation): Bilingual {
  const c = a.component;
  const q = c.specification.qualification;
  const of = (lang: "En" | "Cy") =>
    `${q[`name${lang}`] || q.nameEn} ${a.series[`name${lang}`] || a.series.nameEn} ${
      c.specification[`title${lang}`] || c.specification.titleEn
    } ${c[`title${lang}`] || c.titleEn} (${c.code})`;
  return { en: of("En"), cy: of("Cy") };
}

export type ReportState = "none" | "draft" | "submitted" | "released";

function reportState(sheet: ModeratedSheet, at: Date): ReportState {
  const r = sheet.report;
  if (!r) return "none";
  if (!r.submittedAt) return "draft";
  return r.releasedAt && r.releasedAt.getTime() <= at.getTime() ? "released" : "submitted";
}

export type AllocationTotals = {
  centres: number;
  sampleCandidates: number;
  reportsCompleted: number;
  entered: number;
  cfAbs: number;
  newMarks: number;
  /** Sampled candidates still to mark, in sheets whose report is not yet submitted. */
  remaining: number;
};

async function totalsOf(allocation: ModeratorAllocation): Promise<AllocationTotals> {
  const db = getPrisma();
  const totals: AllocationTotals = {
    centres: allocation.centres.length,
    sampleCandidates: 0,
    reportsCompleted: 0,
    entered: 0,
    cfAbs: 0,
    newMarks: 0,
    remaining: 0,
  };
  for (const sheet of await sheetsOf(db, allocation)) {
    const { centre, review } = await reviewSheet(db, allocation, sheet);
    totals.sampleCandidates += sheet.sample.length;
    if (sheet.report?.submittedAt) totals.reportsCompleted++;
    else totals.remaining += review.remaining;
    for (const mark of centre.values()) {
      if (!isEntered(mark.value)) continue;
      totals.entered++;
      if (mark.value.code) totals.cfAbs++;
    }
    totals.newMarks += review.changed;
  }
  return totals;
}

/**
 * The moderator's home: one row per allocated component in a series (`?series=`, default the
 * newest they have work in) with its totals, for themselves or (`?as=`) a moderator they lead.
 */
export async function moderationOverview(query: { series?: string; as?: string } = {}) {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const me = auth.caller.userId;
  const db = getPrisma();
  const workable = await db.allocation.findMany({
    where: workableBy(me),
    select: { series: { select: { id: true, code: true, nameEn: true, nameCy: true, resultsDay: true } } },
  });
  const choices = [...new Map(workable.map((a) => [a.series.id, a.series])).values()].sort(
    (a, b) => b.resultsDay.getTime() - a.resultsDay.getTime(),
  );
  const series = query.series ? choices.find((s) => s.code === query.series) : choices[0];
  if (query.series && !series) return refuse("notFound");
  const self = { id: me, name: auth.caller.name, email: auth.caller.email };
  if (!series) return { ok: true as const, series: null, seriesChoices: [], self, team: [], as: me, rows: [] };

  const led = await db.allocation.findMany({
    where: { kind: "MODERATOR", seriesId: series.id, teamLeaderId: me },
    select: { appointee: { select: { id: true, name: true, email: true } } },
    orderBy: { appointee: { name: "asc" } },
  });
  const team = [...new Map(led.map((a) => [a.appointee.id, a.appointee])).values()];
  const as = query.as && query.as !== me ? query.as : me;
  if (as !== me && !team.some((t) => t.id === as)) return refuse("notFound");

  const allocations = await db.allocation.findMany({
    where: { kind: "MODERATOR", seriesId: series.id, appointeeId: as, ...(as === me ? {} : { teamLeaderId: me }) },
    select: { id: true },
    orderBy: { component: { code: "asc" } },
  });
  const rows = [];
  for (const { id } of allocations) {
    const allocation = (await allocationFor(db, me, id))!;
    rows.push({ allocationId: id, label: labelOf(allocation), totals: await totalsOf(allocation) });
  }
  return {
    ok: true as const,
    series: { code: series.code, nameEn: series.nameEn, nameCy: series.nameCy },
    seriesChoices: choices.map((s) => ({ code: s.code, nameEn: s.nameEn, nameCy: s.nameCy })),
    self,
    team,
    as,
    rows,
  };
}

/** An allocation's centres, each with its sheet's state once the centre has submitted it. */
export async function moderationCentres(allocationId: string) {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const allocation = await allocationFor(db, auth.caller.userId, allocationId);
  if (!allocation) return refuse("notFound");
  const sheets = new Map((await sheetsOf(db, allocation)).map((s) => [s.centreId, s]));
  const centres = await db.centre.findMany({
    where: { id: { in: allocation.centres.map((c) => c.centreId) } },
    select: { id: true, number: true, nameEn: true, nameCy: true },
    orderBy: { number: "asc" },
  });
  const rows = [];
  for (const centre of centres) {
    const sheet = sheets.get(centre.id);
    if (!sheet) {
      rows.push({ centre, sheet: null });
      continue;
    }
    const { review } = await reviewSheet(db, allocation, sheet);
    rows.push({
      centre,
      sheet: {
        id: sheet.id,
        status: sheet.status as Visible,
        sampleSize: sheet.sample.length,
        marked: sheet.sample.length - review.remaining,
        report: reportState(sheet, auth.at),
        adjustment: sheet.report?.submittedAt ? sheet.report.adjustment : null,
      },
    });
  }
  return {
    ok: true as const,
    allocation: { id: allocation.id, label: labelOf(allocation), seriesCode: allocation.series.code },
    workingAs: allocation.appointeeId === auth.caller.userId ? null : allocation.appointee,
    rows,
  };
}

export type SampleRow = {
  entryId: string;
  candidateNumber: string;
  name: string;
  centreMark: ShownMark;
  mark: GridMark;
};

/** One centre's sheet: the sample with the centre's and the moderator's marks, the figures, the report. */
export async function moderationSheet(allocationId: string, sheetId: string) {
  const auth = await authorizeModerator();
  if (!auth.ok) return auth;
  const db = getPrisma();
  const allocation = await allocationFor(db, auth.caller.userId, allocationId);
  if (!allocation) return refuse("notFound");
  const sheet = await sheetFor(db, allocation, sheetId);
  if (!sheet) return refuse("notFound");
  const { cohort, moderator, review } = await reviewSheet(db, allocation, sheet);
  const lines = new Map(review.sample.map((l) => [l.entryId, l]));
  const sample: SampleRow[] = cohort
    .filter((c) => lines.has(c.entryId))
    .map((c) => {
      const stored = moderator.get(c.entryId);
      return {
        ...c,
        centreMark: lines.get(c.entryId)!.centre,
        mark: stored
          ? { value: stored.value, version: stored.version, savedAt: stored.savedAt.toISOString() }
          : { value: { code: null, total: null, items: null }, version: 0, savedAt: null },
      };
    });
  const byEntry = new Map(cohort.map((c) => [c.entryId, c]));
  const report = sheet.report;
  return {
    ok: true as const,
    allocation: { id: allocation.id, label: labelOf(allocation) },
    workingAs: allocation.appointeeId === auth.caller.userId ? null : allocation.appointee,
    centre: sheet.centre,
    sheet: { id: sheet.id, status: sheet.status as Visible, submittedAt: sheet.submittedAt },
    maxMark: allocation.component.maxMark,
    tolerance: await toleranceOf(db, sheet.seriesId, sheet.componentId),
    /** Marks and the report may still change: the sheet is submitted and its report is not. */
    canEdit: sheet.status === "SUBMITTED" && !report?.submittedAt,
    sample,
    review: review as Review,
    /** The cohort's names, for the before/after table. */
    names: Object.fromEntries(
      review.cohort.map((l) => [
        l.entryId,
        { number: byEntry.get(l.entryId)!.candidateNumber, name: byEntry.get(l.entryId)!.name },
      ]),
    ),
    report: report
      ? {
          sections: (report.sections ?? {}) as Record<string, string>,
          comments: report.comments,
          submittedAt: report.submittedAt,
          releasedAt: report.releasedAt,
          meanDifference: report.meanDifference,
          adjustment: report.adjustment,
        }
      : null,
    reportState: reportState(sheet, auth.at),
  };
}
