// Entries rules that need no database (docs/product-rules.md ("Entries")).

/** An entry made after the series' entry deadline is late; one made at the deadline itself is not. */
export function isLate(series: { entryDeadline: Date }, at: Date): boolean {
  return at.getTime() > series.entryDeadline.getTime();
}

/** Rows a page of the entries list shows (app/(portal)/entries/page.tsx). */
export const ENTRIES_PAGE_SIZE = 50;
/** Rows a page of the candidates list shows (app/(portal)/entries/candidates/page.tsx). */
export const CANDIDATES_PAGE_SIZE = 50;
/** Matches the candidate picker of "Enter a candidate" offers at most: a search narrows them. */
export const CANDIDATE_PICKER_SIZE = 20;

/** A 1-based page number from a query-string value (1 when absent or not a number). */
export function pageNumber(value: unknown): number {
  return Math.max(1, Math.min(10_000, Math.floor(Number(value) || 1)));
}

/** The columns of an entries file: the CSV download and the A2C API (docs/product-rules.md ("A2C")). */
export const ENTRY_COLUMNS = [
  "candidate_number",
  "uci",
  "surname",
  "forenames",
  "date_of_birth",
  "specification_code",
  "specification_title",
  "status",
  "late",
  "entered_at",
] as const;

export type EntryFileRow = Record<(typeof ENTRY_COLUMNS)[number], string>;

/** The download name of a series' entries file. */
export function entriesFileName(seriesCode: string): string {
  return `entries-${seriesCode}.csv`;
}
