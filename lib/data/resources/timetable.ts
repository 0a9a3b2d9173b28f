import "server-only";
import { authorizeCentre, type Result } from "@/lib/auth/authorize";
import { getPrisma } from "@/lib/db/client";
import { groupTimetable, type TimetableDay } from "@/lib/resources/timetable";

// The exam timetable (docs/product-rules.md ("Resources and question papers")): the written
// (externally assessed) components of a series by London date and session. A component has one
// `examAt` and no series of its own, so a series' exams are the components whose `examAt` falls
// between the series' entry deadline and its restricted release — the sitting that the series'
// results cover.

export type SeriesChoice = { id: string; code: string; nameEn: string; nameCy: string };

export type Timetable = { series: SeriesChoice | null; choices: SeriesChoice[]; days: TimetableDay[] };

/**
 * The timetable of a series for any signed-in centre account (the series picker lists every
 * series, latest first). `seriesCode` unknown or absent → the first series whose results are
 * still to come, else the latest.
 */
export async function examTimetable(seriesCode?: string): Promise<Result<Timetable>> {
  const a = await authorizeCentre();
  if (!a.ok) return a;
  const db = getPrisma();
  const all = await db.series.findMany({
    orderBy: { releaseAt: "asc" },
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameCy: true,
      entryDeadline: true,
      restrictedReleaseAt: true,
      releaseAt: true,
    },
  });
  const picked =
    all.find((s) => s.code === seriesCode) ??
    all.find((s) => s.releaseAt.getTime() > a.at.getTime()) ??
    all.at(-1) ??
    null;
  const choices = all.map(({ id, code, nameEn, nameCy }) => ({ id, code, nameEn, nameCy })).reverse();
  if (!picked) return { ok: true, series: null, choices, days: [] };
  const components = await db.component.findMany({
    where: { internallyAssessed: false, examAt: { gte: picked.entryDeadline, lt: picked.restrictedReleaseAt } },
    select: {
      code: true,
      titleEn: true,
      titleCy: true,
      examAt: true,
      specification: {
        select: { code: true, titleEn: true, titleCy: true, qualification: { select: { nameEn: true, nameCy: true } } },
      },
    },
  });
  const exams = components.map((c) => ({
    componentCode: c.code,
    titleEn: c.titleEn,
    titleCy: c.titleCy,
    examAt: c.examAt!,
    specification: c.specification,
  }));
  return {
    ok: true,
    series: { id: picked.id, code: picked.code, nameEn: picked.nameEn, nameCy: picked.nameCy },
    choices,
    days: groupTimetable(exams),
  };
}
