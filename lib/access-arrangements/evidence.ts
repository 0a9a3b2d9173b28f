import { londonParts } from "@/lib/time";

// The evidence an application carries (docs/access-arrangements.md, "Evidence"). The assessment
// must have been made from the start of the candidate's Year 9. A school year group is the
// children born from 1 September to the next 31 August; in England and Wales they start Year 9 on
// 1 September fourteen years after the first of those days (born 1 September 2010 – 31 August
// 2011: Year 9 from 1 September 2024, Year 11 in 2026/27).

/** The first day of Year 9 of a candidate born on `dateOfBirth` (a calendar date), as "YYYY-MM-DD". */
export function yearNineStart(dateOfBirth: Date): string {
  const month = dateOfBirth.getUTCMonth() + 1;
  const cohort = month >= 9 ? dateOfBirth.getUTCFullYear() : dateOfBirth.getUTCFullYear() - 1;
  return `${cohort + 14}-09-01`;
}

/** The school year group (1–13; 0 before Year 1) a candidate was in on a calendar date "YYYY-MM-DD". */
export function yearGroupOn(dateOfBirth: Date, date: string): number {
  const [y, m] = date.split("-").map(Number);
  const schoolYear = m >= 9 ? y : y - 1;
  const month = dateOfBirth.getUTCMonth() + 1;
  const cohort = month >= 9 ? dateOfBirth.getUTCFullYear() : dateOfBirth.getUTCFullYear() - 1;
  return schoolYear - cohort - 5;
}

/** Today's London calendar date as "YYYY-MM-DD". */
export function londonToday(at: Date): string {
  const p = londonParts(at);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export type AssessmentDateProblem = "assessmentBeforeYearNine" | "assessmentInFuture";

/** What is wrong with an assessment date (a real "YYYY-MM-DD"), or null. */
export function assessmentDateProblem(dateOfBirth: Date, date: string, at: Date): AssessmentDateProblem | null {
  if (date > londonToday(at)) return "assessmentInFuture";
  if (date < yearNineStart(dateOfBirth)) return "assessmentBeforeYearNine";
  return null;
}
