import { z } from "zod";
import { EMPTY_MARK, markValueSchema, parseCell, totalOf, type MarkShape, type MarkValue } from "@/lib/marks/rules";

// The mark grid's pure parts (components/marks/mark-grid.tsx): what a row's cells hold and the
// mark they make, the row's check — lib/marks/rules.ts's markValueSchema, the server's own —
// and a block pasted from a spreadsheet. Unit-tested in grid-logic.test.ts.

/**
 * The cells a row types into: one per question and then a code cell (A / W), or a single
 * cell taking a mark or a code.
 */
export function cellCount(questions: number): number {
  return questions > 0 ? questions + 1 : 1;
}

/** A saved mark as the text of its row's cells. */
export function valueToCells(value: MarkValue, questions: number): string[] {
  if (questions === 0) return [value.code ?? (value.total === null ? "" : String(value.total))];
  const items = value.items ?? Array<number | null>(questions).fill(null);
  return [...items.map((x) => (x === null ? "" : String(x))), value.code ?? ""];
}

export type CellError = { cell: number; key: string };

/** The mark a row's cells make, or each cell's problem (a message key of the "marks" namespace, with its prefix). */
export function cellsToValue(
  cells: readonly string[],
  shape: MarkShape,
): { ok: true; value: MarkValue } | { ok: false; errors: CellError[] } {
  const n = shape.questions.length;
  const errors: CellError[] = [];
  let value: MarkValue;
  if (n === 0) {
    const cell = parseCell(cells[0] ?? "");
    if (!cell.ok) return { ok: false, errors: [{ cell: 0, key: cell.error }] };
    value =
      cell.value === null
        ? EMPTY_MARK
        : typeof cell.value === "number"
          ? { code: null, total: cell.value, items: null }
          : { code: cell.value, total: null, items: null };
  } else {
    const items: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const cell = parseCell(cells[i] ?? "");
      if (!cell.ok || typeof cell.value === "string") errors.push({ cell: i, key: "marks.notAMark" });
      items.push(cell.ok && typeof cell.value === "number" ? cell.value : null);
    }
    const code = parseCell(cells[n] ?? "");
    if (!code.ok || typeof code.value === "number") errors.push({ cell: n, key: "marks.notACode" });
    if (errors.length) return { ok: false, errors };
    const anyItem = items.some((x) => x !== null);
    value = {
      code: code.ok && typeof code.value === "string" ? code.value : null,
      total: anyItem ? totalOf(items) : null,
      items: anyItem ? items : null,
    };
  }
  const checked = markValueSchema(shape).safeParse(value);
  if (checked.success) return { ok: true, value };
  for (const issue of checked.error.issues) {
    const [field, index] = issue.path;
    const cell = field === "items" && typeof index === "number" ? index : field === "code" && n > 0 ? n : 0;
    if (!errors.some((e) => e.cell === cell)) errors.push({ cell, key: issue.message });
  }
  return { ok: false, errors };
}

/** The grid's form: each row's cells, checked by the row's mark rules (react-hook-form's zod resolver). */
export function gridSchema(shape: MarkShape) {
  const row = z.object({ cells: z.array(z.string()) }).superRefine((r, ctx) => {
    const result = cellsToValue(r.cells, shape);
    if (!result.ok)
      for (const e of result.errors) ctx.addIssue({ code: "custom", path: ["cells", e.cell], message: e.key });
  });
  return z.object({ rows: z.array(row) });
}

export type GridForm = { rows: { cells: string[] }[] };

/**
 * A block copied from a spreadsheet: rows by line break, cells by tab, each trimmed; the line
 * break a spreadsheet puts after the last row is dropped.
 */
export function parsePaste(text: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  return lines.map((line) => line.split("\t").map((cell) => cell.trim()));
}

/**
 * Where a pasted block goes: down from the focused cell, one pasted row per editable grid row
 * (locked rows are stepped over), across from the focused column as far as the grid has
 * columns. Whatever falls past the last row or column is left out.
 */
export function pastePlan(
  block: readonly (readonly string[])[],
  start: { row: number; col: number },
  editable: readonly boolean[],
  columns: number,
): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  let row = start.row;
  for (const line of block) {
    while (row < editable.length && !editable[row]) row++;
    if (row >= editable.length) break;
    line.forEach((text, j) => {
      if (start.col + j < columns) out.push({ row, col: start.col + j, text });
    });
    row++;
  }
  return out;
}

/** The next editable row from `from` in a direction, or null at the grid's edge. */
export function nextEditable(editable: readonly boolean[], from: number, step: 1 | -1): number | null {
  for (let i = from + step; i >= 0 && i < editable.length; i += step) if (editable[i]) return i;
  return null;
}

/** A fresh key for one save: 32 hex digits (a UUID without its dashes). */
export function newSaveKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID().replace(/-/g, "");
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
