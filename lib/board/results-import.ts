// The results import file (docs/results-import-format.md): its columns, its limits, the check of
// its first bytes, and the row-by-row check against what the database knows (pure: the data
// layer hands in the reference data, lib/data/board/results-import-run.ts streams the rows).

/** The header row, exactly, in this order. */
export const RESULTS_IMPORT_HEADER = [
  "record",
  "centre_number",
  "candidate_number",
  "specification_code",
  "grade",
  "uniform_mark",
  "component_code",
  "mark",
  "item_marks",
] as const;

export type ImportField = (typeof RESULTS_IMPORT_HEADER)[number];

/** The largest file accepted (a board's whole series is about 170 MB). */
export const RESULTS_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** How many row errors the preview lists (every error is counted). */
export const RESULTS_IMPORT_ERRORS_SHOWN = 100;
/** The highest uniform mark accepted. */
export const MAX_UNIFORM_MARK = 999;

/** Why the file as a whole cannot be read. */
export type FileError = "empty" | "notCsv" | "badHeader" | "malformed" | "tooLarge";

/** What is wrong with one row (a message key of the "publishing" namespace's rowErrors). */
export type RowError =
  | "badRow"
  | "unknownRecord"
  | "unknownCentre"
  | "unknownCandidate"
  | "unknownSpecification"
  | "unknownComponent"
  | "notEntered"
  | "componentNotInSpecification"
  | "badGrade"
  | "badMark"
  | "markOutOfRange"
  | "badItemMarks"
  | "itemMarksSum"
  | "duplicateRow"
  | "noResult";

export const ROW_ERRORS: readonly RowError[] = [
  "badRow",
  "unknownRecord",
  "unknownCentre",
  "unknownCandidate",
  "unknownSpecification",
  "unknownComponent",
  "notEntered",
  "componentNotInSpecification",
  "badGrade",
  "badMark",
  "markOutOfRange",
  "badItemMarks",
  "itemMarksSum",
  "duplicateRow",
  "noResult",
];

export type RowProblem = { line: number; field: ImportField | ""; error: RowError };

// ───────────────────────── the first bytes ─────────────────────────

/**
 * Whether the file's first bytes are a results import file: UTF-8 text (no NUL or other binary
 * control bytes) whose first line is the header. Checked on upload, by content, whatever the
 * file's name or the type the browser gave it.
 */
export function sniffResultsCsv(head: Uint8Array): FileError | null {
  if (head.length === 0) return "empty";
  for (const byte of head) {
    // Text has no NUL and no C0 controls other than tab, LF, CR (a spreadsheet or a zip has them).
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return "notCsv";
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return "notCsv";
  }
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0];
  if (firstLine === undefined || (text.length === firstLine.length && head.length >= 64 * 1024)) return "badHeader";
  return headerMatches(firstLine.split(",")) ? null : "badHeader";
}

/** Whether the fields are the header (case and surrounding spaces ignored). */
export function headerMatches(fields: readonly string[]): boolean {
  return (
    fields.length === RESULTS_IMPORT_HEADER.length &&
    fields.every((f, i) => f.trim().toLowerCase() === RESULTS_IMPORT_HEADER[i])
  );
}

// ───────────────────────── the rows ─────────────────────────

/** What the database knows, for checking rows. Keys: centre number, "centre|candidate", "centre|candidate|spec", codes. */
export type ImportReference = {
  centres: ReadonlyMap<string, string>;
  candidates: ReadonlySet<string>;
  /** Entries of the series; `n` numbers them 0, 1, 2… (for compact duplicate checks). */
  entries: ReadonlyMap<string, { n: number; entryId: string; centreId: string; withdrawn: boolean }>;
  specifications: ReadonlyMap<string, { grades: readonly string[] }>;
  /** `n` numbers the components 0, 1, 2… (fewer than COMPONENT_SLOTS). */
  components: ReadonlyMap<
    string,
    { n: number; id: string; specificationCode: string; maxMark: number; grades: readonly string[] }
  >;
};

/** How many components the duplicate check has room for per entry. */
const COMPONENT_SLOTS = 1 << 16;

export type CheckedRow =
  | { kind: "result"; entryId: string; centreId: string; grade: string; uniformMark: number | null }
  | { kind: "component"; entryId: string; componentId: string; mark: number; itemMarks: number[] }
  | { kind: "boundary"; componentId: string; grade: string; minMark: number };

export type ImportCounts = { results: number; components: number; boundaries: number; centres: number };

const INTEGER = /^\d{1,6}$/;

/** "3;4;0;2" → [3, 4, 0, 2]; "" → []; null when not non-negative integers separated by ";". */
export function parseItemMarks(value: string): number[] | null {
  const text = value.trim();
  if (text === "") return [];
  const parts = text.split(";").map((p) => p.trim());
  if (!parts.every((p) => INTEGER.test(p))) return null;
  return parts.map(Number);
}

/**
 * Checks the rows of one file, one at a time, against the reference: each row's own errors at
 * once, and at the end (`finish`) the component rows whose entry has no result row. Counts every
 * error; keeps the first RESULTS_IMPORT_ERRORS_SHOWN for the preview.
 */
export class ResultsImportChecker {
  readonly counts: ImportCounts = { results: 0, components: 0, boundaries: 0, centres: 0 };
  readonly errorCounts: Partial<Record<RowError, number>> = {};
  rowsWithErrors = 0;
  readonly problems: RowProblem[] = [];

  private readonly resultEntries = new Set<number>();
  private readonly componentKeys = new Set<number>();
  private readonly boundaryKeys = new Set<string>();
  private readonly centresSeen = new Set<string>();
  /** Entries with component rows seen before any result row for them: entry → first such line. */
  private readonly waitingForResult = new Map<number, number>();

  constructor(private readonly ref: ImportReference) {}

  get errorTotal(): number {
    return Object.values(this.errorCounts).reduce((a, b) => a + (b ?? 0), 0);
  }

  private report(found: RowProblem[]): void {
    if (found.length === 0) return;
    this.rowsWithErrors++;
    for (const p of found) {
      this.errorCounts[p.error] = (this.errorCounts[p.error] ?? 0) + 1;
      if (this.problems.length < RESULTS_IMPORT_ERRORS_SHOWN) this.problems.push(p);
    }
  }

  /** Checks one data row (fields as read, line = its line in the file); the row when it has no error. */
  check(fields: readonly string[], line: number): CheckedRow | null {
    const found: RowProblem[] = [];
    const problem = (field: ImportField | "", error: RowError) => found.push({ line, field, error });
    if (fields.length !== RESULTS_IMPORT_HEADER.length) {
      problem("", "badRow");
      this.report(found);
      return null;
    }
    const f = fields.map((x) => x.trim());
    const [record, centre, rawCandidate, spec, grade, uniform, componentCode, mark, items] = f;
    const kind = record.toLowerCase();
    let row: CheckedRow | null = null;
    if (kind === "result") row = this.checkResult(centre, rawCandidate, spec, grade, uniform, problem);
    else if (kind === "component")
      row = this.checkComponent(centre, rawCandidate, spec, componentCode, mark, items, line, problem);
    else if (kind === "boundary") row = this.checkBoundary(componentCode, grade, mark, problem);
    else problem("record", "unknownRecord");
    this.report(found);
    return found.length ? null : row;
  }

  /** The entry of a result or component row, reporting what is unknown. */
  private entryOf(
    centre: string,
    rawCandidate: string,
    spec: string,
    problem: (field: ImportField, error: RowError) => void,
  ) {
    const candidate = /^\d{1,4}$/.test(rawCandidate) ? rawCandidate.padStart(4, "0") : rawCandidate;
    const specKnown = this.ref.specifications.has(spec);
    if (!specKnown) problem("specification_code", "unknownSpecification");
    if (!this.ref.centres.has(centre)) {
      problem("centre_number", "unknownCentre");
      return null;
    }
    if (!this.ref.candidates.has(`${centre}|${candidate}`)) {
      problem("candidate_number", "unknownCandidate");
      return null;
    }
    if (!specKnown) return null;
    const entry = this.ref.entries.get(`${centre}|${candidate}|${spec}`);
    if (!entry || entry.withdrawn) {
      problem("specification_code", "notEntered");
      return null;
    }
    return entry;
  }

  private checkResult(
    centre: string,
    rawCandidate: string,
    spec: string,
    grade: string,
    uniform: string,
    problem: (field: ImportField, error: RowError) => void,
  ): CheckedRow | null {
    const entry = this.entryOf(centre, rawCandidate, spec, problem);
    const grades = this.ref.specifications.get(spec)?.grades;
    if (grades && !grades.includes(grade)) problem("grade", "badGrade");
    let uniformMark: number | null = null;
    if (uniform !== "") {
      if (!INTEGER.test(uniform)) problem("uniform_mark", "badMark");
      else if (Number(uniform) > MAX_UNIFORM_MARK) problem("uniform_mark", "markOutOfRange");
      else uniformMark = Number(uniform);
    }
    if (entry) {
      if (this.resultEntries.has(entry.n)) problem("specification_code", "duplicateRow");
      this.resultEntries.add(entry.n);
      this.waitingForResult.delete(entry.n);
      this.centresSeen.add(entry.centreId);
    }
    this.counts.results++;
    return entry ? { kind: "result", entryId: entry.entryId, centreId: entry.centreId, grade, uniformMark } : null;
  }

  private checkComponent(
    centre: string,
    rawCandidate: string,
    spec: string,
    code: string,
    mark: string,
    items: string,
    line: number,
    problem: (field: ImportField, error: RowError) => void,
  ): CheckedRow | null {
    const entry = this.entryOf(centre, rawCandidate, spec, problem);
    const component = this.ref.components.get(code);
    if (!component) problem("component_code", "unknownComponent");
    else if (this.ref.specifications.has(spec) && component.specificationCode !== spec)
      problem("component_code", "componentNotInSpecification");
    const value = INTEGER.test(mark) ? Number(mark) : null;
    if (value === null) problem("mark", "badMark");
    else if (component && value > component.maxMark) problem("mark", "markOutOfRange");
    const itemMarks = parseItemMarks(items);
    if (itemMarks === null) problem("item_marks", "badItemMarks");
    else if (value !== null && itemMarks.length > 0 && itemMarks.reduce((a, b) => a + b, 0) !== value)
      problem("item_marks", "itemMarksSum");
    if (entry && component) {
      const key = entry.n * COMPONENT_SLOTS + component.n;
      if (this.componentKeys.has(key)) problem("component_code", "duplicateRow");
      this.componentKeys.add(key);
      if (!this.resultEntries.has(entry.n) && !this.waitingForResult.has(entry.n))
        this.waitingForResult.set(entry.n, line);
    }
    this.counts.components++;
    return entry && component && value !== null && itemMarks
      ? { kind: "component", entryId: entry.entryId, componentId: component.id, mark: value, itemMarks }
      : null;
  }

  private checkBoundary(
    code: string,
    grade: string,
    mark: string,
    problem: (field: ImportField, error: RowError) => void,
  ): CheckedRow | null {
    const component = this.ref.components.get(code);
    if (!component) problem("component_code", "unknownComponent");
    // U is what lies below the lowest boundary: it has none.
    else if (!component.grades.includes(grade) || grade === "U") problem("grade", "badGrade");
    const value = INTEGER.test(mark) ? Number(mark) : null;
    if (value === null) problem("mark", "badMark");
    else if (component && value > component.maxMark) problem("mark", "markOutOfRange");
    if (component) {
      const key = `${component.id}|${grade}`;
      if (this.boundaryKeys.has(key)) problem("grade", "duplicateRow");
      this.boundaryKeys.add(key);
    }
    this.counts.boundaries++;
    return component && value !== null ? { kind: "boundary", componentId: component.id, grade, minMark: value } : null;
  }

  /** After the last row: component rows of entries with no result row; the problems in line order. */
  finish(): void {
    for (const line of this.waitingForResult.values()) this.report([{ line, field: "", error: "noResult" }]);
    this.waitingForResult.clear();
    this.problems.sort((a, b) => a.line - b.line);
    this.counts.centres = this.centresSeen.size;
  }
}

// ───────────────────────── reading the file ─────────────────────────

/** A record that cannot be read (unbalanced quotes), with the line it starts on. */
export class MalformedCsvError extends Error {
  constructor(readonly line: number) {
    super(`malformed CSV from line ${line}`);
  }
}

function quotesOf(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * The CSV records of a byte stream with the line each starts on, skipping blank lines. A results
 * file has millions of plain lines, so a line without a double quote is split on commas as it
 * is; a record with quotes (a quoted comma, doubled quotes, a line break inside quotes) is read
 * by `parseQuoted` (lib/csv.ts's csv-parse reader). Lines end in LF or CRLF; a byte-order mark is
 * dropped; a line break inside quotes is read as LF; bytes that are not UTF-8 become U+FFFD (and fail the row checks).
 */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>,
  parseQuoted: (text: string) => string[][],
): AsyncGenerator<{ fields: string[]; line: number }> {
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  let line = 0;
  let pending: { text: string; line: number } | null = null;

  function* take(raw: string): Generator<{ fields: string[]; line: number }> {
    line++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === 1 && text.startsWith("\uFEFF")) text = text.slice(1);
    if (pending) {
      pending.text += `\n${text}`;
      if (quotesOf(pending.text) % 2 === 1) return;
      const record = pending;
      pending = null;
      yield* quoted(record.text, record.line);
      return;
    }
    if (text.trim() === "") return;
    if (!text.includes('"')) yield { fields: text.split(","), line };
    else if (quotesOf(text) % 2 === 1) pending = { text, line };
    else yield* quoted(text, line);
  }

  function* quoted(text: string, at: number): Generator<{ fields: string[]; line: number }> {
    let records: string[][];
    try {
      records = parseQuoted(text);
    } catch {
      throw new MalformedCsvError(at);
    }
    if (records.length !== 1) throw new MalformedCsvError(at);
    yield { fields: records[0], line: at };
  }

  for await (const chunk of chunks) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop() ?? "";
    for (const raw of lines) yield* take(raw);
  }
  rest += decoder.decode();
  if (rest !== "") yield* take(rest);
  if (pending) throw new MalformedCsvError((pending as { line: number }).line);
}
