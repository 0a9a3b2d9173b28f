import { parseCsv } from "@/lib/csv";
import { markValueSchema, parseCell, type MarkShape, type MarkValue } from "./rules";

// The centre's side of internal assessment marks (docs/marks.md, "IAMIS"): a sheet's state as
// the centre sees it, its deadline, and reading a file of marks. Pure, so the pages, the data
// layer and the tests share them.

export type SheetState = "notStarted" | "inProgress" | "submitted" | "moderated";

/** What the sheets list shows: an open sheet has not been started until a mark is entered. */
export function sheetState(status: "OPEN" | "SUBMITTED" | "MODERATED", entered: number): SheetState {
  if (status === "MODERATED") return "moderated";
  if (status === "SUBMITTED") return "submitted";
  return entered > 0 ? "inProgress" : "notStarted";
}

/** The mark deadline: the series' own for the component when the board set one, else the component's. */
export function markDeadlineOf(seriesDeadline: Date | null | undefined, componentDeadline: Date | null): Date | null {
  return seriesDeadline ?? componentDeadline ?? null;
}

/** Past the deadline at `at` (no deadline: never late). */
export function pastDeadline(deadline: Date | null, at: Date): boolean {
  return deadline !== null && at.getTime() > deadline.getTime();
}

// ───────────── importing marks from a file ─────────────

export const MARKS_IMPORT_MAX_BYTES = 512 * 1024;
export const MARKS_IMPORT_MAX_ROWS = 5000;

/** Problems with a row of a marks file; "marks.*" keys are the mark rules' own (lib/marks/rules.ts). */
export type MarkImportRowError = "badRow" | "unknownCandidate" | "duplicateRow" | "noMark" | `marks.${string}`;

export type MarkImportRow = {
  line: number;
  candidateNumber: string;
  /** What the file says, as typed ("" when the row is unreadable). */
  mark: string;
  errors: MarkImportRowError[];
};

export type MarkImportFileError = "importEmpty" | "importTooLarge" | "importTooManyRows" | "importMalformed";

export type CheckedMarkRow = { row: MarkImportRow; entryId: string | null; value: MarkValue | null };

/**
 * Reads a marks file: one row per candidate, `candidate number, mark` where the mark is a whole
 * number or A / W; a header row is allowed. `entryOf` finds the sheet's entry for a candidate
 * number (four digits); every row is checked against the component's shape.
 */
export function checkMarksFile(
  csv: string,
  shape: MarkShape,
  entryOf: (candidateNumber: string) => string | null,
): { error: MarkImportFileError } | { checked: CheckedMarkRow[]; valid: number; invalid: number } {
  if (typeof csv !== "string" || csv.trim() === "") return { error: "importEmpty" };
  if (new TextEncoder().encode(csv).length > MARKS_IMPORT_MAX_BYTES) return { error: "importTooLarge" };
  let parsed: string[][];
  try {
    parsed = parseCsv(csv);
  } catch {
    return { error: "importMalformed" };
  }
  let rows = parsed.map((fields, i) => ({ fields: fields.map((f) => f.trim()), line: i + 1 }));
  if (rows.length > 0 && !/^\d+$/.test(rows[0].fields[0] ?? "")) rows = rows.slice(1);
  if (rows.length === 0) return { error: "importEmpty" };
  if (rows.length > MARKS_IMPORT_MAX_ROWS) return { error: "importTooManyRows" };

  const schema = markValueSchema(shape);
  const seen = new Set<string>();
  const checked = rows.map(({ fields, line }): CheckedMarkRow => {
    const raw = fields[0] ?? "";
    const mark = (fields[1] ?? "").slice(0, 20);
    const candidateNumber = /^\d{1,4}$/.test(raw) ? raw.padStart(4, "0") : raw.slice(0, 20);
    const errors: MarkImportRowError[] = [];
    if (!/^\d{1,4}$/.test(raw) || fields.slice(2).some((f) => f !== "")) errors.push("badRow");
    const entryId = errors.length ? null : entryOf(candidateNumber);
    if (!errors.length && !entryId) errors.push("unknownCandidate");
    if (seen.has(candidateNumber)) errors.push("duplicateRow");
    seen.add(candidateNumber);
    let value: MarkValue | null = null;
    const cell = parseCell(mark);
    if (!cell.ok) errors.push(cell.error as MarkImportRowError);
    else if (cell.value === null) errors.push("noMark");
    else {
      const candidate: MarkValue =
        typeof cell.value === "number"
          ? { code: null, total: cell.value, items: null }
          : { code: cell.value, total: null, items: null };
      const result = schema.safeParse(candidate);
      if (result.success) value = candidate;
      else errors.push((result.error.issues[0]?.message ?? "marks.invalid") as MarkImportRowError);
    }
    return { row: { line, candidateNumber, mark, errors }, entryId: errors.length ? null : entryId, value };
  });
  const invalid = checked.filter((c) => c.row.errors.length > 0).length;
  return { checked, valid: checked.length - invalid, invalid };
}
