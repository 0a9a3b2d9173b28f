import { londonParts, londonTime } from "@/lib/time";

// When a question paper may be downloaded (docs/product-rules.md ("Time rules")): on the exam
// day — the Europe/London calendar day of its `availableAt` — from `availableAt` until the end
// of that day.

/** Midnight Europe/London at the start of the calendar day of `at`, and of the next day. */
export function londonDay(at: Date): { start: Date; end: Date } {
  const p = londonParts(at);
  // Date.UTC (inside londonTime) rolls day 32 over into the next month.
  return { start: londonTime(p.year, p.month, p.day), end: londonTime(p.year, p.month, p.day + 1) };
}

/** The download window of a paper: from `availableAt` to the end of that London day. */
export function releaseWindow(availableAt: Date): { from: Date; until: Date } {
  return { from: availableAt, until: londonDay(availableAt).end };
}

/** Whether a paper released at `availableAt` may be downloaded at `at`. */
export function isPaperAvailable(availableAt: Date, at: Date): boolean {
  const { from, until } = releaseWindow(availableAt);
  return at.getTime() >= from.getTime() && at.getTime() < until.getTime();
}
