import "server-only";
import { now } from "@/lib/clock";
import { getPglite, getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { readStoredFile } from "@/lib/files/store";
import { gradesFor } from "@/lib/results/grades";
import { parseCsv } from "@/lib/csv";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  csvRecords,
  headerMatches,
  MalformedCsvError,
  ResultsImportChecker,
  type CheckedRow,
  type FileError,
  type ImportCounts,
  type ImportReference,
  type RowError,
  type RowProblem,
} from "@/lib/board/results-import";
import { stageSubmittedExaminerMarks } from "./results-import-emi";

// The background half of a results import (docs/results-import-format.md, docs/decisions/
// 017-background-jobs.md): the worker validates an uploaded file row by row ("validating" →
// "ready" or "invalid"), and, once board staff ask for it, loads it ("loading" → "done" or
// "failed") in ONE transaction that checks every row again first. Re-importing a series
// replaces its results, component results and grade boundaries; component results that stay
// keep their ids (and so their scripts). Results are never shown before the series' release
// times (lib/auth/release.ts), whenever they were loaded.

type Db = Prisma.TransactionClient;

/** What the page shows of a job's checks (ImportJob.errors). */
export type ImportReport = {
  fileError?: FileError;
  /** The line of a file error, when there is one. */
  line?: number;
  problems: RowProblem[];
  errorCounts: Partial<Record<RowError, number>>;
  rowsWithErrors: number;
  counts: ImportCounts;
  /** Results the series holds now (replaced by a load). */
  existingResults: number;
  /** Why a load failed without a row error: the data changed since the check, or it broke off. */
  failure?: "rowsChanged" | "loadFailed";
};

const EMPTY_COUNTS: ImportCounts = { results: 0, components: 0, boundaries: 0, centres: 0 };
const PROGRESS_EVERY = 20_000;
/** Rows staged per statement (a test may ask for fewer, to cover several batches). */
const BATCH = 10_000;

class FileRejected extends Error {
  constructor(
    readonly fileError: FileError,
    readonly line?: number,
  ) {
    super(fileError);
  }
}

class RowsRejected extends Error {
  constructor(readonly checker: ResultsImportChecker) {
    super("rows rejected");
  }
}

/** What the database knows that the rows are checked against (one series' entries). */
async function readReference(db: Db, seriesId: string): Promise<ImportReference> {
  const centreRows = await db.$queryRawUnsafe<{ id: string; number: string }[]>(`SELECT id, number FROM "Centre"`);
  const candidateRows = await db.$queryRawUnsafe<{ k: string }[]>(
    `SELECT c.number || '|' || ca."candidateNumber" AS k FROM "Candidate" ca JOIN "Centre" c ON c.id = ca."centreId"`,
  );
  const entryRows = await db.$queryRawUnsafe<{ k: string; id: string; centreId: string; status: string }[]>(
    `SELECT c.number || '|' || ca."candidateNumber" || '|' || s.code AS k, e.id, e."centreId", e.status::text AS status
       FROM "Entry" e
       JOIN "Candidate" ca ON ca.id = e."candidateId"
       JOIN "Centre" c ON c.id = e."centreId"
       JOIN "Specification" s ON s.id = e."specificationId"
      WHERE e."seriesId" = $1`,
    seriesId,
  );
  const specRows = await db.$queryRawUnsafe<{ code: string; qualification: string }[]>(
    `SELECT s.code, q.code AS qualification FROM "Specification" s JOIN "Qualification" q ON q.id = s."qualificationId"`,
  );
  const componentRows = await db.$queryRawUnsafe<
    { id: string; code: string; maxMark: number; specificationCode: string; qualification: string }[]
  >(
    `SELECT co.id, co.code, co."maxMark", s.code AS "specificationCode", q.code AS qualification
       FROM "Component" co
       JOIN "Specification" s ON s.id = co."specificationId"
       JOIN "Qualification" q ON q.id = s."qualificationId"`,
  );
  return {
    centres: new Map(centreRows.map((c) => [c.number, c.id])),
    candidates: new Set(candidateRows.map((c) => c.k)),
    entries: new Map(
      entryRows.map((e, n) => [e.k, { n, entryId: e.id, centreId: e.centreId, withdrawn: e.status === "WITHDRAWN" }]),
    ),
    specifications: new Map(specRows.map((s) => [s.code, { grades: gradesFor(s.qualification) }])),
    components: new Map(
      componentRows.map((c, n) => [
        c.code,
        {
          n,
          id: c.id,
          specificationCode: c.specificationCode,
          maxMark: Number(c.maxMark),
          grades: gradesFor(c.qualification),
        },
      ]),
    ),
  };
}

/** The file's data rows with their line numbers; a FileRejected for an empty, headerless or malformed file. */
async function* rowsOf(fileKey: string): AsyncGenerator<{ fields: string[]; line: number }> {
  const file = await readStoredFile(fileKey);
  if (!file) throw new FileRejected("empty");
  let header = true;
  try {
    for await (const { fields, line } of csvRecords(file.stream as unknown as AsyncIterable<Uint8Array>, parseCsv)) {
      if (fields.every((f) => f.trim() === "")) continue;
      if (header) {
        if (!headerMatches(fields)) throw new FileRejected("badHeader", line);
        header = false;
        continue;
      }
      yield { fields, line };
    }
  } catch (error) {
    if (error instanceof MalformedCsvError) throw new FileRejected("malformed", error.line);
    throw error;
  }
  if (header) throw new FileRejected("empty");
}

function reportOf(checker: ResultsImportChecker | null, existingResults: number): ImportReport {
  return {
    problems: checker?.problems ?? [],
    errorCounts: checker?.errorCounts ?? {},
    rowsWithErrors: checker?.rowsWithErrors ?? 0,
    counts: checker ? { ...checker.counts } : EMPTY_COUNTS,
    existingResults,
  };
}

async function existingResultsOf(db: Db, seriesId: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Result" WHERE "seriesId" = $1`,
    seriesId,
  );
  return Number(row?.n ?? 0);
}

function asDb(): Db {
  return getPrisma() as unknown as Db;
}

async function setProgress(id: string, processedRows: number) {
  await getPrisma().importJob.update({ where: { id }, data: { processedRows } });
}

/** Validates an uploaded file: "ready" with counts, or "invalid" with the errors. Saves no result. */
async function validate(job: { id: string; seriesId: string; fileKey: string }, at: () => Date) {
  const db = asDb();
  const reference = await readReference(db, job.seriesId);
  const existingResults = await existingResultsOf(db, job.seriesId);
  const checker = new ResultsImportChecker(reference);
  let rows = 0;
  try {
    for await (const { fields, line } of rowsOf(job.fileKey)) {
      checker.check(fields, line);
      if (++rows % PROGRESS_EVERY === 0) await setProgress(job.id, rows);
    }
    checker.finish();
  } catch (error) {
    if (!(error instanceof FileRejected)) throw error;
    const report: ImportReport = { ...reportOf(null, existingResults), fileError: error.fileError, line: error.line };
    await getPrisma().importJob.update({
      where: { id: job.id },
      data: { status: "invalid", errors: report, processedRows: rows, totalRows: rows, finishedAt: at() },
    });
    return "invalid";
  }
  const valid = checker.errorTotal === 0;
  await getPrisma().importJob.update({
    where: { id: job.id },
    data: {
      status: valid ? "ready" : "invalid",
      errors: reportOf(checker, existingResults),
      processedRows: rows,
      totalRows: rows,
      finishedAt: valid ? null : at(),
    },
  });
  return valid ? "ready" : "invalid";
}

/**
 * Rows waiting to be staged, as tab-separated lines: one text parameter per statement, split by
 * the database (string_to_array/split_part), costs a fraction of binding arrays element by
 * element. The values are ids from the database, grades from the qualification's list and
 * numbers: none holds a tab or a line break.
 */
type Buffers = { results: string[]; components: string[]; boundaries: CheckedRow[] };

const emptyBuffers = (): Buffers => ({ results: [], components: [], boundaries: [] });

function buffer(b: Buffers, row: CheckedRow) {
  if (row.kind === "result") b.results.push(`${row.entryId}\t${row.centreId}\t${row.grade}\t${row.uniformMark ?? ""}`);
  else if (row.kind === "component")
    b.components.push(`${row.entryId}\t${row.componentId}\t${row.mark}\t{${row.itemMarks.join(",")}}`);
  else b.boundaries.push(row);
}

const field = (n: number) => `split_part(l, E'\\t', ${n})`;

/** Stages the buffered rows (one statement per table) and empties the buffers. */
function flush(tx: Db, b: Buffers): Promise<unknown> {
  const results = b.results.join("\n");
  const components = b.components.join("\n");
  b.results = [];
  b.components = [];
  return Promise.all([
    results &&
      tx.$executeRawUnsafe(
        `INSERT INTO import_result (entry_id, centre_id, grade, uniform_mark)
         SELECT ${field(1)}, ${field(2)}, ${field(3)}, NULLIF(${field(4)}, '')::int
           FROM unnest(string_to_array($1::text, E'\\n')) AS l`,
        results,
      ),
    components &&
      tx.$executeRawUnsafe(
        `INSERT INTO import_component (entry_id, component_id, mark, item_marks)
         SELECT ${field(1)}, ${field(2)}, ${field(3)}::int, ${field(4)}::int[]
           FROM unnest(string_to_array($1::text, E'\\n')) AS l`,
        components,
      ),
  ]);
}

/**
 * Loads a checked file in one transaction: every row is checked again against the data as it is
 * now (any error: nothing changes), staged, then the series' results, component results and
 * boundaries are replaced by the file's. Audited as "results.imported" with the counts.
 */
async function load(
  job: { id: string; seriesId: string; fileKey: string; createdById: string; fileName: string },
  at: () => Date,
  batchRows: number,
) {
  const prisma = getPrisma();
  // On the embedded database the transaction holds the one connection: progress is written
  // only on PostgreSQL, from outside the transaction.
  const progressOutside = getPglite() === null;
  const series = await prisma.series.findUniqueOrThrow({ where: { id: job.seriesId }, select: { code: true } });
  const creator = await prisma.user.findUnique({ where: { id: job.createdById }, select: { email: true } });
  try {
    await prisma.$transaction(
      async (tx) => {
        // One load per series at a time.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `results-import:${job.seriesId}`);
        const reference = await readReference(tx, job.seriesId);
        const existingResults = await existingResultsOf(tx, job.seriesId);
        await tx.$executeRawUnsafe(
          `CREATE TEMP TABLE import_result (entry_id text, centre_id text, grade text, uniform_mark int) ON COMMIT DROP`,
        );
        await tx.$executeRawUnsafe(
          `CREATE TEMP TABLE import_component (entry_id text, component_id text, mark int, item_marks int[]) ON COMMIT DROP`,
        );
        const checker = new ResultsImportChecker(reference);
        const buffers = emptyBuffers();
        let rows = 0;
        let pending = 0;
        // One batch is staged while the next is read and checked.
        let staging: Promise<unknown> = Promise.resolve();
        for await (const { fields, line } of rowsOf(job.fileKey)) {
          const row = checker.check(fields, line);
          rows++;
          if (row && checker.errorTotal === 0) {
            buffer(buffers, row);
            if (++pending >= batchRows) {
              await staging;
              staging = flush(tx, buffers);
              staging.catch(() => {}); // awaited before the next batch or after the last row
              pending = 0;
            }
          }
          if (progressOutside && rows % PROGRESS_EVERY === 0) void setProgress(job.id, rows).catch(() => {});
        }
        await staging;
        checker.finish();
        if (checker.errorTotal > 0) throw new RowsRejected(checker);
        await flush(tx, buffers);
        const examinerMarks = await stageSubmittedExaminerMarks(tx, job.seriesId);
        await tx.$executeRawUnsafe(`CREATE INDEX ON import_result (entry_id)`);
        await tx.$executeRawUnsafe(`CREATE INDEX ON import_component (entry_id, component_id)`);
        await tx.$executeRawUnsafe(`ANALYZE import_result`);
        await tx.$executeRawUnsafe(`ANALYZE import_component`);

        const removedResults = await tx.$executeRawUnsafe(
          `DELETE FROM "Result" r WHERE r."seriesId" = $1
             AND NOT EXISTS (SELECT 1 FROM import_result i WHERE i.entry_id = r."entryId")`,
          job.seriesId,
        );
        await tx.$executeRawUnsafe(
          `DELETE FROM "ComponentResult" cr USING "Result" r
            WHERE cr."resultId" = r.id AND r."seriesId" = $1
              AND NOT EXISTS (SELECT 1 FROM import_component i
                               WHERE i.entry_id = r."entryId" AND i.component_id = cr."componentId")`,
          job.seriesId,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Result" (id, "entryId", "centreId", "seriesId", grade, "uniformMark", "createdAt")
           SELECT 'ri' || md5(i.entry_id || $2::text), i.entry_id, i.centre_id, $1, i.grade, i.uniform_mark, $3
             FROM import_result i
           ON CONFLICT ("entryId") DO UPDATE SET grade = EXCLUDED.grade, "uniformMark" = EXCLUDED."uniformMark"
             WHERE ("Result".grade, "Result"."uniformMark") IS DISTINCT FROM (EXCLUDED.grade, EXCLUDED."uniformMark")`,
          job.seriesId,
          job.id,
          at(),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "ComponentResult" (id, "resultId", "componentId", mark, "itemMarks")
           SELECT 'ci' || md5(r.id || i.component_id || $1::text), r.id, i.component_id, i.mark, i.item_marks
             FROM import_component i JOIN "Result" r ON r."entryId" = i.entry_id
           ON CONFLICT ("resultId", "componentId") DO UPDATE SET mark = EXCLUDED.mark, "itemMarks" = EXCLUDED."itemMarks"
             WHERE ("ComponentResult".mark, "ComponentResult"."itemMarks") IS DISTINCT FROM (EXCLUDED.mark, EXCLUDED."itemMarks")`,
          job.id,
        );
        await tx.gradeBoundary.deleteMany({ where: { seriesId: job.seriesId } });
        await tx.gradeBoundary.createMany({
          data: buffers.boundaries.flatMap((b) =>
            b.kind === "boundary"
              ? [{ seriesId: job.seriesId, componentId: b.componentId, grade: b.grade, minMark: b.minMark }]
              : [],
          ),
        });
        const report = reportOf(checker, existingResults);
        await tx.importJob.update({
          where: { id: job.id },
          data: { status: "done", errors: report, processedRows: rows, totalRows: rows, finishedAt: at() },
        });
        await audit(tx, {
          action: "results.imported",
          outcome: "success",
          actorId: job.createdById,
          actorEmail: creator?.email ?? "",
          details: {
            series: series.code,
            importJobId: job.id,
            file: job.fileName,
            results: checker.counts.results,
            componentResults: checker.counts.components,
            boundaries: checker.counts.boundaries,
            centres: checker.counts.centres,
            replacedResults: existingResults,
            removedResults: Number(removedResults),
            examinerMarks,
          },
          at: at(),
        });
      },
      { timeout: 4 * 3600_000, maxWait: 600_000 },
    );
    return "done";
  } catch (error) {
    const existingResults = await existingResultsOf(asDb(), job.seriesId);
    let report: ImportReport;
    if (error instanceof RowsRejected) report = { ...reportOf(error.checker, existingResults), failure: "rowsChanged" };
    else if (error instanceof FileRejected)
      report = { ...reportOf(null, existingResults), fileError: error.fileError, line: error.line };
    else {
      console.error(`[results-import] ${job.id}: ${(error as Error).message}`);
      report = { ...reportOf(null, existingResults), failure: "loadFailed" };
    }
    await prisma.importJob.update({
      where: { id: job.id },
      data: { status: "failed", errors: report, finishedAt: at() },
    });
    return "failed";
  }
}

// internal: run by the background worker (lib/data/jobs.ts), or a test or script, for the board staff member whose request queued it (checked when it was queued)
/**
 * Does what an import job is waiting for: validates a "validating" file, loads a "loading" one.
 * Anything else (already done, failed, or discarded) is left alone, so a job run twice is harmless.
 */
export async function runResultsImportJob(
  importJobId: string,
  options: { batchRows?: number } = {},
): Promise<{ status: string }> {
  const job = await getPrisma().importJob.findUnique({ where: { id: importJobId } });
  if (!job) return { status: "missing" };
  if (job.status === "validating") return { status: await validate(job, now) };
  if (job.status === "loading") return { status: await load(job, now, Math.max(1, options.batchRows ?? BATCH)) };
  return { status: job.status };
}
