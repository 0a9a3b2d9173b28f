import { MARK_CODES, parseCell, totalOf, type MarkCode, type MarkValue } from "./rules";

// Examiner mark input's pure helpers (docs/marks.md, "Examiner mark input"): a mark read from a
// form's cells (the board's change of a submitted mark), whether two marks are the same, and
// what a mark reads as in a table.

/** Two marks are the same mark (code, total and every question). */
export function sameMark(a: MarkValue, b: MarkValue): boolean {
  const canonical = (v: MarkValue) => JSON.stringify([v.code, v.total, v.items]);
  return canonical(a) === canonical(b);
}

export type MarkCells = { code: string; total: string; items: readonly string[] };

/**
 * A whole mark from a form: a code (A or W), or a whole number per question (every one), or a
 * total for a component without questions. Bounds are checked by markValueSchema. Errors are
 * message keys.
 */
export function markFromCells(
  questions: number,
  cells: MarkCells,
): { ok: true; value: MarkValue } | { ok: false; error: string } {
  const code = cells.code.trim().toUpperCase();
  if (code) {
    if (!(MARK_CODES as readonly string[]).includes(code)) return { ok: false, error: "marks.notAMark" };
    const typed = questions ? cells.items.some((i) => i.trim() !== "") : cells.total.trim() !== "";
    if (typed) return { ok: false, error: "marks.codeAndMark" };
    return { ok: true, value: { code: code as MarkCode, total: null, items: null } };
  }
  const number = (text: string): number | null | string => {
    const read = parseCell(text);
    if (!read.ok) return read.error;
    return typeof read.value === "string" ? "marks.notAMark" : read.value;
  };
  if (questions) {
    if (cells.items.length !== questions) return { ok: false, error: "marks.wrongQuestions" };
    const items: (number | null)[] = [];
    for (const text of cells.items) {
      const n = number(text);
      if (typeof n === "string") return { ok: false, error: n };
      items.push(n);
    }
    if (items.some((n) => n === null)) return { ok: false, error: "emi.markRequired" };
    return { ok: true, value: { code: null, total: totalOf(items), items } };
  }
  const total = number(cells.total);
  if (typeof total === "string") return { ok: false, error: total };
  if (total === null) return { ok: false, error: "emi.markRequired" };
  return { ok: true, value: { code: null, total, items: null } };
}

/** A mark as a table shows it: the code, the total, or "" when nothing is entered. */
export function markText(value: MarkValue): string {
  if (value.code) return value.code;
  return value.total === null ? "" : String(value.total);
}
