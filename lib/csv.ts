// CSV for the files centres download and upload (results, item level data, entries, the A2C
// API). Reading uses csv-parse (RFC 4180: quoted fields with commas, doubled quotes and line
// breaks, a byte-order mark, CRLF or LF). Writing is one short function, because every cell also
// needs the formula-injection guard below, which no CSV writer applies for us.
import { parse } from "csv-parse/sync";

/** Parses CSV text into rows of fields, skipping empty lines. Throws on malformed quoting. */
export function parseCsv(text: string): string[][] {
  const rows = parse(text, {
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][];
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP: = + - @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text starting with a formula character gets a leading single quote (a spreadsheet
 *  shows it as text); a cell containing a comma, double quote, CR or LF is quoted, with quotes
 *  doubled. Numbers are written as they are; null/undefined as an empty cell. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
