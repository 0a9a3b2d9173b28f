// The filters of the results lists (pure): what a page passes in from its query string.

export const RESULTS_PAGE_SIZE = 100;

export type ResultsFilters = {
  /** Candidate name(s) or number; every word must match a forename, surname or the number. */
  q?: string | null;
  /** Specification code, e.g. "9521". */
  spec?: string | null;
  grade?: string | null;
  /** 1-based. */
  page?: number | null;
};

/** A query-string value trimmed and cut to `max` characters ("" when absent). */
export function clean(value: string | null | undefined, max = 100): string {
  // Control characters (a NUL byte among them) never belong in a search or a filter.
  return (value ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, max);
}
