import "server-only";
import { getPrisma } from "@/lib/db/client";
import { londonParts } from "@/lib/time";
import { centreCaller, FORBIDDEN, type Caller, type Denied } from "./access";

// The exam timetable (issue 6 §Key Information): the written (externally assessed) components
// of a series by London date and session. A component has one `examAt` and no series of its
// own, so a series' exams are the components whose `examAt` falls between the series' entry
// deadline and its restricted release — the sitting that the series' results cover.

export type Session = "morning" | "afternoon";

export type TimetableExam = {
  componentCode: string;
  titleEn: string;
  titleCy: string;
  examAt: Date;
  specification: { code: string; titleEn: string; titleCy: string; qualification: { nameEn: string; nameCy: string } };
};

export type TimetableDay = {
  /** London calendar date, "YYYY-MM-DD". */
  date: string;
  sessions: { session: Session; exams: TimetableExam[] }[];
};

export type SeriesChoice = { id: string; code: string; nameEn: string; nameCy: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** Morning before 12:00 Europe/London, afternoon from 12:00 (JCQ's AM/PM sessions). */
export function sessionOf(examAt: Date): Session {
  return londonParts(examAt).hour < 12 ? "morning" : "afternoon";
}

export function londonDate(at: Date): string {
  const p = londonParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Groups exams by London date, then session (morning first), each in start-time order. */
export function groupTimetable(exams: TimetableExam[]): TimetableDay[] {
  const sorted = [...exams].sort(
    (a, b) => a.examAt.getTime() - b.examAt.getTime() || a.componentCode.localeCompare(b.componentCode),
  );
  const days: TimetableDay[] = [];
  for (const exam of sorted) {
    const date = londonDate(exam.examAt);
    let day = days.at(-1);
    if (!day || day.date !== date) days.push((day = { date, sessions: [] }));
    const session = sessionOf(exam.examAt);
    let slot = day.sessions.find((s) => s.session === session);
    if (!slot) day.sessions.push((slot = { session, exams: [] }));
    slot.exams.push(exam);
  }
  for (const day of days) day.sessions.sort((a, b) => (a.session === b.session ? 0 : a.session === "morning" ? -1 : 1));
  return days;
}

/**
 * The timetable of a series for any signed-in centre account (the series picker lists every
 * series). `seriesCode` unknown or absent → the first series whose results are still to come,
 * else the latest.
 */
export async function examTimetable(
  caller: Caller | null | undefined,
  seriesCode: string | undefined,
  now: Date,
): Promise<{ ok: true; series: SeriesChoice | null; choices: SeriesChoice[]; days: TimetableDay[] } | Denied> {
  if (!centreCaller(caller)) return FORBIDDEN;
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
    all.find((s) => s.releaseAt.getTime() > now.getTime()) ??
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
