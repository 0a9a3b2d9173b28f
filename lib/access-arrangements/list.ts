// The centre's list of access arrangements and its CSV file (docs/access-arrangements.md, "The
// centre's list"; docs/decisions/010-csv.md): the states a list may be filtered by, and the
// file's columns and name.

/** The states the list filters by: an approval is "approved" until it expires, and also "expiringSoon" in its last 3 months. */
export const LIST_STATES = [
  "delegated",
  "approved",
  "expiringSoon",
  "expired",
  "referred",
  "refused",
  "withdrawn",
] as const;
export type ListState = (typeof LIST_STATES)[number];

/** The columns of the access arrangements file. Times are UTC instants (ISO 8601). */
export const ARRANGEMENT_COLUMNS = [
  "candidate_number",
  "uci",
  "surname",
  "forenames",
  "series",
  "arrangement",
  "extra_time_percent",
  "paper_format",
  "status",
  "reference",
  "decided_at",
  "expires_at",
  "referral_reason",
  "board_comment",
  "recorded_at",
] as const;

export type ArrangementFileRow = Record<(typeof ARRANGEMENT_COLUMNS)[number], string>;

/** The download name: the series filtered on, "standing", or every arrangement. */
export function arrangementsFileName(series: string): string {
  return `access-arrangements-${series || "all"}.csv`;
}
