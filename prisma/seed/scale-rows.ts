// How prisma/seed-scale.ts writes its rows: the tables and their columns, and each row as an
// inlined multi-row INSERT value (any PostgreSQL) or a line of COPY text (PGlite).

export type Tables = {
  centres: string[];
  candidates: string[];
  entries: string[];
  results: string[];
  componentResults: string[];
};

export const COLUMNS: Record<keyof Tables, [string, string]> = {
  centres: ["Centre", `"id","number","nameEn","nameCy","address","updatedAt"`],
  candidates: [
    "Candidate",
    `"id","centreId","candidateNumber","uci","firstName","lastName","dateOfBirth","scriptConsent","updatedAt"`,
  ],
  entries: ["Entry", `"id","centreId","candidateId","seriesId","specificationId","updatedAt"`],
  results: ["Result", `"id","entryId","centreId","seriesId","grade"`],
  componentResults: ["ComponentResult", `"id","resultId","componentId","mark","itemMarks"`],
};

export type Value = string | number | boolean | null;

function sqlLiteral(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return `'${value.replace(/'/g, "''")}'`;
}

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
function copyText(value: Value): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** How rows are written: inlined multi-row INSERT (any PostgreSQL) or COPY (PGlite). */
export type RowFormat = { row(values: Value[]): string };
export const INSERT_FORMAT: RowFormat = { row: (values) => `(${values.map(sqlLiteral).join(",")})` };
export const COPY_FORMAT: RowFormat = { row: (values) => values.map(copyText).join("\t") };
