import { csvLine, type CsvCell } from "@/lib/csv";

// The layout of the files results are downloaded as (pure): the results file — one CSV record
// per result (candidate × specification) of a centre in a series, the same rows the A2C API
// serves — and the item level data file of one component.

/** The documented column layout of the results file, in order. */
export const RESULTS_FILE_COLUMNS = [
  { key: "centreNumber", header: "Centre number", description: "5-digit centre number, e.g. 68101" },
  { key: "seriesCode", header: "Series", description: "Series code, e.g. 2027-06" },
  {
    key: "candidateNumber",
    header: "Candidate number",
    description: "4-digit candidate number, unique within the centre",
  },
  { key: "uci", header: "UCI", description: "13-character Unique Candidate Identifier" },
  { key: "surname", header: "Surname", description: "Candidate's surname" },
  { key: "forenames", header: "Forenames", description: "Candidate's forenames" },
  { key: "dateOfBirth", header: "Date of birth", description: "ISO 8601 date, YYYY-MM-DD" },
  { key: "qualification", header: "Qualification", description: "Qualification code, e.g. GCSE or A level" },
  { key: "specificationCode", header: "Specification code", description: "e.g. 9521" },
  { key: "specificationTitle", header: "Specification title", description: "English title of the specification" },
  { key: "grade", header: "Grade", description: "Qualification grade: 9–1 or U (GCSE), A*–E or U (A level)" },
  {
    key: "uniformMark",
    header: "Uniform mark",
    description: "Uniform mark where the qualification has one; empty otherwise",
  },
  {
    key: "componentMarks",
    header: "Component marks",
    description:
      'Raw mark on each component as "component code:mark", separated by ";" in component-code order, e.g. 9521/01:54;9521/02:61',
  },
] as const;

export type ResultsFileKey = (typeof RESULTS_FILE_COLUMNS)[number]["key"];
export type ResultsFileRow = Record<Exclude<ResultsFileKey, "uniformMark">, string> & { uniformMark: number | null };

/** The header record of the results file. */
export function resultsFileHeader(): string {
  return csvLine(RESULTS_FILE_COLUMNS.map((c) => c.header));
}

/** One results-file row as a CSV record, in RESULTS_FILE_COLUMNS order. */
export function resultsFileLine(row: ResultsFileRow): string {
  return csvLine(RESULTS_FILE_COLUMNS.map((c) => row[c.key] as CsvCell));
}

/** The whole results file as text chunks (header first), about 64 KB each so a large file streams quickly. */
export async function* resultsFileLines(rows: AsyncIterable<ResultsFileRow>): AsyncGenerator<string> {
  yield resultsFileHeader();
  let chunk = "";
  for await (const row of rows) {
    chunk += resultsFileLine(row);
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Item level data of one component as CSV records: header, then one record per candidate. */
export function* itemLevelLines(data: {
  component: { code: string };
  questions: number;
  rows: {
    candidateNumber: string;
    uci: string;
    firstName: string;
    lastName: string;
    mark: number;
    itemMarks: number[];
  }[];
}): Generator<string> {
  const questions = Array.from({ length: data.questions }, (_, i) => `Q${i + 1}`);
  yield csvLine(["Component", "Candidate number", "UCI", "Surname", "Forenames", "Mark", ...questions]);
  for (const r of data.rows) {
    yield csvLine([
      data.component.code,
      r.candidateNumber,
      r.uci,
      r.lastName,
      r.firstName,
      r.mark,
      ...questions.map((_, i) => r.itemMarks[i] ?? null),
    ]);
  }
}
