// Entries rules that need no database (docs/product-rules.md ("Entries")).

/** An entry made after the series' entry deadline is late; one made at the deadline itself is not. */
export function isLate(series: { entryDeadline: Date }, at: Date): boolean {
  return at.getTime() > series.entryDeadline.getTime();
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
