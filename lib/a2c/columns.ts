// What each column of the A2C files means (the OpenAPI document and tests read these).

export const ENTRY_COLUMNS_DOC = {
  candidate_number: "The 4-digit candidate number at the centre.",
  uci: "The 13-character Unique Candidate Identifier.",
  surname: "Surname.",
  forenames: "Forenames.",
  date_of_birth: "Date of birth, YYYY-MM-DD.",
  specification_code: "The specification code, e.g. 9521.",
  specification_title: "The specification title (English).",
  status: "ENTERED or WITHDRAWN.",
  late: "Y when the entry was made after the series' entry deadline, else N.",
  entered_at: "When the entry was made (ISO 8601, UTC).",
} as const;
