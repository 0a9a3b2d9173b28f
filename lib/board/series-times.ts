import { defaultRelease, defaultRestrictedRelease, londonParts, londonTime } from "@/lib/time";

// A series' dates and times as the board types them (docs/product-rules.md, "Time rules" and
// "Results embargo"): London calendar dates and wall-clock times, stored as UTC instants
// through lib/time.ts and shown back in UK time (lib/i18n/dates.ts). Pure: the form's schema
// (lib/validation/series.ts) and the data layer (lib/data/board/series.ts) both use these, and
// the board's upload forms read their dates and times with them (app/(portal)/board/resources/actions.ts).

/** A series code: the year and month of the series, e.g. "2027-06". */
export const SERIES_CODE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "YYYY-MM-DD" → that calendar date as a @db.Date column holds it (UTC midnight), or null. */
export function parseCalendarDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2099) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** "HH:MM" on the 24-hour clock → [hour, minute], or null. */
export function parseClockTime(value: string): [number, number] | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** A calendar date (UTC midnight) as "YYYY-MM-DD". */
export function calendarDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The London wall clock of an instant, as a form's date and time fields hold it. */
export function londonFields(at: Date): { date: string; time: string } {
  const p = londonParts(at);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Why a typed date and time name no instant (each a message key of the "errors" namespace). */
export type WallClockProblem =
  "seriesDateInvalid" | "seriesTimeInvalid" | "seriesDateRequired" | "seriesTimeRequired" | "seriesTimeSkipped";

export type WallClockReading =
  | { kind: "blank" }
  | { kind: "instant"; at: Date }
  | { kind: "problem"; field: "date" | "time"; problem: WallClockProblem };

/**
 * A London date and time typed into a form, as a UTC instant. Both blank is "blank" (the caller
 * decides whether that means a default or is missing); one without the other is a problem.
 * A time the clocks skip (01:00–01:59 on the last Sunday of March) does not exist in the UK and
 * is refused rather than moved. In the hour that happens twice (01:00–01:59 on the last Sunday
 * of October) the time is read as GMT, the second time the clock shows it (lib/time.ts).
 */
export function readLondonDateTime(date: string, time: string): WallClockReading {
  const d = date.trim();
  const t = time.trim();
  if (!d && !t) return { kind: "blank" };
  if (!d) return { kind: "problem", field: "date", problem: "seriesDateRequired" };
  const day = parseCalendarDate(d);
  if (!day) return { kind: "problem", field: "date", problem: "seriesDateInvalid" };
  if (!t) return { kind: "problem", field: "time", problem: "seriesTimeRequired" };
  const clock = parseClockTime(t);
  if (!clock) return { kind: "problem", field: "time", problem: "seriesTimeInvalid" };
  const at = londonTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), clock[0], clock[1]);
  const back = londonFields(at);
  if (back.date !== d || back.time !== t) return { kind: "problem", field: "time", problem: "seriesTimeSkipped" };
  return { kind: "instant", at };
}

export type SeriesTimes = {
  /** Results day, a calendar date (UTC midnight). */
  resultsDay: Date;
  restrictedReleaseAt: Date;
  releaseAt: Date;
  entryDeadline: Date;
};

/**
 * The release instants of a series: those given, else the defaults for its results day —
 * 00:00 London on the day before results day, and 08:00 London on results day (lib/time.ts).
 */
export function releaseInstants(
  resultsDay: Date,
  given: { restrictedReleaseAt?: Date | null; releaseAt?: Date | null },
): { restrictedReleaseAt: Date; releaseAt: Date } {
  return {
    restrictedReleaseAt: given.restrictedReleaseAt ?? defaultRestrictedRelease(resultsDay),
    releaseAt: given.releaseAt ?? defaultRelease(resultsDay),
  };
}

export type SeriesTimesProblem = {
  /** The form field the problem is shown beside. */
  field: "restrictedDate" | "entryDeadlineDate";
  /** A message key of the "errors" namespace. */
  reason: "seriesRestrictedAfterRelease" | "seriesEntryDeadlineAfterRelease";
};

/**
 * What is wrong with a series' times, or null: EO and Admins never see results later than
 * teachers (the restricted release is at or before the release), and entries close before any
 * results are released.
 */
export function seriesTimesProblem(times: SeriesTimes): SeriesTimesProblem | null {
  if (times.restrictedReleaseAt.getTime() > times.releaseAt.getTime())
    return { field: "restrictedDate", reason: "seriesRestrictedAfterRelease" };
  if (times.entryDeadline.getTime() >= times.restrictedReleaseAt.getTime())
    return { field: "entryDeadlineDate", reason: "seriesEntryDeadlineAfterRelease" };
  return null;
}
