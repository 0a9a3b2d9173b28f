import { londonParts } from "@/lib/time";

// How the exam timetable is laid out (docs/product-rules.md ("Resources and question papers")):
// by London calendar date, then session, each in start-time order.

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

const pad = (n: number) => String(n).padStart(2, "0");

/** Morning before 12:00 Europe/London, afternoon from 12:00 (JCQ's AM/PM sessions). */
export function sessionOf(examAt: Date): Session {
  return londonParts(examAt).hour < 12 ? "morning" : "afternoon";
}

/** The London calendar date of an instant, "YYYY-MM-DD". */
export function londonDate(at: Date): string {
  const p = londonParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Groups exams by London date, then session (morning first), each in start-time order. */
export function groupTimetable(exams: readonly TimetableExam[]): TimetableDay[] {
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
