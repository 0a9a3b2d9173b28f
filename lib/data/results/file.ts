import "server-only";
import { getPrisma } from "@/lib/db/client";
import { csvLine, type CsvCell } from "@/lib/csv";

export { csvCell, csvLine, type CsvCell } from "@/lib/csv";

// The results file: one CSV record per result (candidate × specification) of a centre in a
// series, in candidate-number order, then specification code. NO embargo check in here — every
// caller (the /api/results/file route, the A2C API) must check the caller's release time first.

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

/**
 * The rows of a centre's results file for a series, in candidate-number order (then
 * specification code). Reads `batchSize` candidates at a time with keyset pagination on the
 * candidate number (then their results in one query), so memory stays flat however large the
 * centre. No authorisation in here: callers check the embargo before calling.
 */
export async function* resultsFileRows(
  scope: { centreId: string; seriesId: string },
  batchSize = 1000,
): AsyncGenerator<ResultsFileRow> {
  const db = getPrisma();
  const [centre, series] = await Promise.all([
    db.centre.findUnique({ where: { id: scope.centreId }, select: { number: true } }),
    db.series.findUnique({ where: { id: scope.seriesId }, select: { code: true } }),
  ]);
  if (!centre || !series) return;
  const size = Math.max(1, Math.floor(batchSize));
  let after = "";
  for (;;) {
    const candidates = await db.candidate.findMany({
      where: {
        centreId: scope.centreId,
        candidateNumber: { gt: after },
        entries: { some: { seriesId: scope.seriesId, result: { isNot: null } } },
      },
      select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true, dateOfBirth: true },
      orderBy: { candidateNumber: "asc" },
      take: size,
    });
    if (candidates.length === 0) return;
    after = candidates[candidates.length - 1].candidateNumber;
    const results = await db.result.findMany({
      where: {
        centreId: scope.centreId,
        seriesId: scope.seriesId,
        entry: { candidateId: { in: candidates.map((c) => c.id) } },
      },
      select: {
        grade: true,
        uniformMark: true,
        entry: {
          select: {
            candidateId: true,
            specification: { select: { code: true, titleEn: true, qualification: { select: { code: true } } } },
          },
        },
        components: { select: { mark: true, component: { select: { code: true } } } },
      },
    });
    const byCandidate = new Map<string, typeof results>();
    for (const r of results) {
      const list = byCandidate.get(r.entry.candidateId);
      if (list) list.push(r);
      else byCandidate.set(r.entry.candidateId, [r]);
    }
    for (const c of candidates) {
      const list = (byCandidate.get(c.id) ?? []).sort((a, b) =>
        a.entry.specification.code.localeCompare(b.entry.specification.code),
      );
      for (const r of list) {
        const marks = r.components
          .map((x) => [x.component.code, x.mark] as const)
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([code, mark]) => `${code}:${mark}`)
          .join(";");
        yield {
          centreNumber: centre.number,
          seriesCode: series.code,
          candidateNumber: c.candidateNumber,
          uci: c.uci,
          surname: c.lastName,
          forenames: c.firstName,
          dateOfBirth: c.dateOfBirth.toISOString().slice(0, 10),
          qualification: r.entry.specification.qualification.code,
          specificationCode: r.entry.specification.code,
          specificationTitle: r.entry.specification.titleEn,
          grade: r.grade,
          uniformMark: r.uniformMark,
          componentMarks: marks,
        };
      }
    }
    if (candidates.length < size) return;
  }
}

/** The whole results file as a stream of UTF-8 CSV bytes (header first). */
export function resultsFileStream(
  scope: { centreId: string; seriesId: string },
  batchSize = 1000,
): ReadableStream<Uint8Array> {
  return linesStream(async function* () {
    yield resultsFileHeader();
    let chunk = "";
    for await (const row of resultsFileRows(scope, batchSize)) {
      chunk += resultsFileLine(row);
      if (chunk.length >= 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  });
}

/** A byte stream pulled from an async generator of text (backpressure: one chunk per pull). */
export function linesStream(source: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncGenerator<string> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= source();
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator?.return(undefined);
    },
  });
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
