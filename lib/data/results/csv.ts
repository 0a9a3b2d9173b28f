// CSV encoding for results and item level data files (pure, no database): RFC 4180 quoting and a
// guard against spreadsheet formula injection.

export type CsvCell = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula when they start it. */
const FORMULA_START = /^[=+\-@]/;

/** One cell: text starting with = + - @ gets a leading single quote (so a spreadsheet shows it
 *  as text); a cell containing a comma, double quote, CR or LF is quoted, with quotes doubled.
 *  Numbers are written as they are; null/undefined as an empty cell. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
