import "server-only";
import { authorizeCentre, inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { readMarks } from "@/lib/data/marks/engine";
import { isEntered, type MarkValue } from "@/lib/marks/rules";
import { markDeadlineOf, pastDeadline, sheetState, type SheetState } from "@/lib/marks/iamis";
import { codeOrEmpty } from "@/lib/validation/codes";
import { nameOf, sheetEntries, sheetOfCentre } from "./iamis-scope";

// IAMIS, the centre's mark sheets (docs/marks.md, "IAMIS"): one per internally assessed
// component the centre has live entries for in a series, and one sheet's candidates with the
// centre's marks. Holders of the iamis permission only; another centre's sheet is not found.

export type IamisSeries = { id: string; code: string; nameEn: string; nameCy: string };

export type SheetSummary = {
  id: string;
  componentCode: string;
  titleEn: string;
  titleCy: string;
  specCode: string;
  specTitleEn: string;
  specTitleCy: string;
  state: SheetState;
  entered: number;
  total: number;
  deadline: Date | null;
  /** Submitted after the deadline, or still open past it. */
  late: boolean;
  submittedAt: Date | null;
};

/**
 * The series the caller's centre has entries in (newest results day first), the one asked for
 * (by code) or else the current one — the next to be released, else the newest — and its sheets
 * in component order. A sheet is made for each internally assessed component the first time it
 * is listed, so every sheet has an id to open.
 */
export async function listSheets(
  seriesCode = "",
): Promise<Result<{ series: IamisSeries[]; selected: IamisSeries | null; sheets: SheetSummary[] }>> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const db = getPrisma();
  const all = await db.series.findMany({
    where: { entries: { some: inCentre(caller) } },
    orderBy: { resultsDay: "desc" },
    select: { id: true, code: true, nameEn: true, nameCy: true, releaseAt: true },
  });
  const code = codeOrEmpty(seriesCode);
  const upcoming = all.filter((s) => s.releaseAt > at).sort((x, y) => x.releaseAt.getTime() - y.releaseAt.getTime());
  const chosen = all.find((s) => s.code === code) ?? upcoming[0] ?? all[0];
  const series = all.map(({ id, code, nameEn, nameCy }) => ({ id, code, nameEn, nameCy }));
  if (!chosen) return { ok: true, series, selected: null, sheets: [] };
  const selected = series.find((s) => s.id === chosen.id)!;

  const specs = await db.entry.groupBy({
    by: ["specificationId"],
    where: inCentre(caller, { seriesId: chosen.id, status: "ENTERED" as const }),
    _count: { _all: true },
  });
  const components = await db.component.findMany({
    where: { internallyAssessed: true, specificationId: { in: specs.map((s) => s.specificationId) } },
    select: { id: true },
  });
  if (components.length)
    await db.markSheet.createMany({
      data: components.map((c) => ({ centreId: caller.centreId, seriesId: chosen.id, componentId: c.id })),
      skipDuplicates: true,
    });

  const sheets = await db.markSheet.findMany({
    where: inCentre(caller, { seriesId: chosen.id }),
    include: { component: { include: { specification: true } } },
    orderBy: { component: { code: "asc" } },
  });
  const perSeries = await db.seriesComponent.findMany({
    where: { seriesId: chosen.id, componentId: { in: sheets.map((s) => s.componentId) } },
    select: { componentId: true, markDeadline: true },
  });
  const deadlines = new Map(perSeries.map((p) => [p.componentId, p.markDeadline]));
  const totals = new Map(specs.map((s) => [s.specificationId, s._count._all]));
  const entered = await db.mark.groupBy({
    by: ["componentId"],
    where: {
      source: "CENTRE",
      componentId: { in: sheets.map((s) => s.componentId) },
      OR: [{ code: { not: null } }, { total: { not: null } }],
      entry: inCentre(caller, { seriesId: chosen.id, status: "ENTERED" as const }),
    },
    _count: { _all: true },
  });
  const enteredBy = new Map(entered.map((e) => [e.componentId, e._count._all]));

  const rows = sheets
    .map((s): SheetSummary => {
      const deadline = markDeadlineOf(deadlines.get(s.componentId), s.component.markDeadline);
      const count = enteredBy.get(s.componentId) ?? 0;
      return {
        id: s.id,
        componentCode: s.component.code,
        titleEn: s.component.titleEn,
        titleCy: s.component.titleCy,
        specCode: s.component.specification.code,
        specTitleEn: s.component.specification.titleEn,
        specTitleCy: s.component.specification.titleCy,
        state: sheetState(s.status, count),
        entered: count,
        total: totals.get(s.component.specificationId) ?? 0,
        deadline,
        late: s.status === "OPEN" ? pastDeadline(deadline, at) : s.late,
        submittedAt: s.submittedAt,
      };
    })
    // A sheet whose candidates have all been withdrawn is listed only once it was submitted.
    .filter((s) => s.total > 0 || s.state === "submitted" || s.state === "moderated");
  return { ok: true, series, selected, sheets: rows };
}

export type SheetRow = {
  entryId: string;
  candidateNumber: string;
  name: string;
  mark: { value: MarkValue; version: number; savedAt: Date | null };
};

export type SheetDetail = {
  id: string;
  status: "OPEN" | "SUBMITTED" | "MODERATED";
  state: SheetState;
  component: { code: string; titleEn: string; titleCy: string; maxMark: number };
  questions: { label: string; maxMark: number }[];
  specification: { code: string; titleEn: string; titleCy: string };
  series: IamisSeries;
  centre: { number: string; nameEn: string; nameCy: string };
  deadline: Date | null;
  /** Submitted after the deadline, or still open past it. */
  late: boolean;
  submittedAt: Date | null;
  submittedBy: string | null;
  entered: number;
  sampleSize: number;
};

/** One sheet: its component, deadline and state, and its candidates with the centre's marks. */
export async function getSheet(
  sheetId: string,
): Promise<Result<{ sheet: SheetDetail; rows: SheetRow[]; canEdit: boolean; canSubmit: boolean; at: Date }>> {
  const a = await authorizeCentre("iamis");
  if (!a.ok) return a;
  const { caller, at } = a;
  const db = getPrisma();
  const sheet = await sheetOfCentre(db, caller.centreId, sheetId);
  if (!sheet) return refuse("notFound");
  const entries = await sheetEntries(db, sheet);
  const marks = await readMarks(
    db,
    sheet.componentId,
    "CENTRE",
    entries.map((e) => e.id),
  );
  const rows: SheetRow[] = entries.map((e) => {
    const m = marks.get(e.id);
    return {
      entryId: e.id,
      candidateNumber: e.candidateNumber,
      name: nameOf(e),
      mark: m
        ? { value: m.value, version: m.version, savedAt: m.savedAt }
        : { value: { code: null, total: null, items: null }, version: 0, savedAt: null },
    };
  });
  const entered = rows.filter((r) => isEntered(r.mark.value)).length;
  const [submitter, sampleSize] = await Promise.all([
    sheet.submittedById
      ? db.user.findUnique({ where: { id: sheet.submittedById }, select: { name: true } })
      : Promise.resolve(null),
    db.markSample.count({ where: { sheetId: sheet.id } }),
  ]);
  const open = sheet.status === "OPEN";
  return {
    ok: true,
    at,
    canEdit: open,
    canSubmit: open && rows.length > 0,
    rows,
    sheet: {
      id: sheet.id,
      status: sheet.status,
      state: sheetState(sheet.status, entered),
      component: {
        code: sheet.component.code,
        titleEn: sheet.component.titleEn,
        titleCy: sheet.component.titleCy,
        maxMark: sheet.component.maxMark,
      },
      questions: sheet.component.questions,
      specification: sheet.component.specification,
      series: sheet.series,
      centre: sheet.centre,
      deadline: sheet.deadline,
      late: open ? pastDeadline(sheet.deadline, at) : sheet.late,
      submittedAt: sheet.submittedAt,
      submittedBy: submitter?.name ?? null,
      entered,
      sampleSize,
    },
  };
}
