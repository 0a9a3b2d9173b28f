import "server-only";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isReleased, refuse, type Result } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import type { ResultsFileRow } from "@/lib/results/files";
import { checkedKey, type A2CKey } from "@/lib/data/a2c/keys";
import { openDownload } from "./download";

// The results file (layout: lib/results/files.ts): one row per result (candidate ×
// specification) of a centre in a series, in candidate-number order, then specification code.
// Served to a signed-in person (GET /api/results/file) and to the centre's A2C key (the A2C API),
// each after its own release check; the rows themselves are read here only.

type Options = { batchSize?: number };

/**
 * The caller's centre's results file for a series: not found before the caller's release time
 * (and recorded), audited when served. `rows` is read lazily, `batchSize` candidates at a time.
 */
export async function resultsFile(
  seriesCode: string,
  options: Options = {},
): Promise<Result<{ filename: string; seriesCode: string; rows: AsyncGenerator<ResultsFileRow> }>> {
  const download = await openDownload(seriesCode, "results.file-downloaded");
  if (!download.ok) return download;
  await download.record({});
  const { series, centreNumber, caller } = download;
  return {
    ok: true,
    filename: `results-${centreNumber}-${series.code}.csv`,
    seriesCode: series.code,
    rows: fileRows({ centreId: caller.centreId, seriesId: series.id }, options?.batchSize),
  };
}

// public: authenticates an A2C key, not a session
/**
 * The results file rows of an A2C key's centre for a series (by id; unknown → not found). Before
 * the key's release (lib/auth/release.ts, service "a2c") `released` is false and there are no
 * rows, exactly as for a series without results.
 */
export async function resultsFileForKey(
  key: A2CKey,
  seriesId: string,
  options: Options = {},
): Promise<Result<{ released: boolean; rows: AsyncGenerator<ResultsFileRow> }>> {
  const checked = await checkedKey(key);
  if (!checked.ok) return checked;
  const series = seriesId
    ? await getPrisma().series.findUnique({
        where: { id: seriesId },
        select: { id: true, restrictedReleaseAt: true, releaseAt: true },
      })
    : null;
  if (!series) return refuse("notFound");
  const released = isReleased(checked.key, series, "a2c", now());
  const rows = released
    ? fileRows({ centreId: checked.key.centreId, seriesId: series.id }, options?.batchSize)
    : none();
  return { ok: true, released, rows };
}

async function* none(): AsyncGenerator<ResultsFileRow> {}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "componentId:mark;…" as "code:mark;…", in component code order. */
function componentMarks(stored: string, codeOf: Map<string, string>): string {
  const marks: [string, string][] = [];
  for (const m of stored.split(";")) {
    const at = m.lastIndexOf(":");
    if (at > 0) marks.push([codeOf.get(m.slice(0, at)) ?? "", m.slice(at + 1)]);
  }
  if (marks.length > 1) marks.sort((a, b) => byCode(a[0], b[0]));
  return marks.map(([code, mark]) => `${code}:${mark}`).join(";");
}

type FileRow = {
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  /** Null for a candidate of the batch with no result in the series. */
  grade: string | null;
  uniformMark: number | null;
  specificationCode: string | null;
  specificationTitle: string | null;
  qualification: string | null;
  /** "componentId:mark" of each component, ";" between them, in no particular order. */
  marks: string | null;
};

// internal: builds SQL only; fileRows runs it after the caller's release check
/**
 * One batch of the results file: the centre's next `size` candidates after candidate number
 * `after` (Candidate's unique (centreId, candidateNumber) index), each with its results in the
 * series (Entry's unique (candidateId, seriesId, specificationId), Result's unique entryId) and
 * each result's component marks by component id (ComponentResult's unique (resultId,
 * componentId); fileRows names the components) — one
 * statement, every table read by index: the batch is its own step (a materialized CTE, so the
 * planner reads it by index instead of scanning every candidate in parallel), and "OFFSET 0"
 * keeps the per-candidate subquery from being flattened into a join that reads every entry of
 * the series. A candidate without results is one row with no grade, so
 * the next batch starts after the last candidate read. tests/integration/query-plans.test.ts
 * reads its plan.
 */
export function fileBatchSql(centreId: string, seriesId: string, after: string, size: number): Prisma.Sql {
  return Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT id, "candidateNumber", uci, "firstName", "lastName", "dateOfBirth"
      FROM "Candidate"
      WHERE "centreId" = ${centreId} AND "candidateNumber" > ${after}
      ORDER BY "candidateNumber"
      LIMIT ${size}
    )
    SELECT c."candidateNumber", c.uci, c."firstName", c."lastName",
      to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth",
      x.grade, x."uniformMark", s.code AS "specificationCode", s."titleEn" AS "specificationTitle",
      q.code AS qualification,
      (SELECT string_agg(cr."componentId" || ':' || cr.mark, ';')
        FROM "ComponentResult" cr WHERE cr."resultId" = x.id) AS marks
    FROM c
    LEFT JOIN LATERAL (
      SELECT r.id, r.grade, r."uniformMark", e."specificationId"
      FROM "Entry" e
      JOIN "Result" r ON r."entryId" = e.id AND r."centreId" = ${centreId} AND r."seriesId" = ${seriesId}
      WHERE e."candidateId" = c.id AND e."seriesId" = ${seriesId}
      OFFSET 0
    ) x ON true
    LEFT JOIN "Specification" s ON s.id = x."specificationId"
    LEFT JOIN "Qualification" q ON q.id = s."qualificationId"
    ORDER BY c."candidateNumber"`;
}

/**
 * The rows of a centre's results file for a series. Reads `batchSize` candidates at a time with
 * keyset pagination on the candidate number (fileBatchSql), so memory stays flat however large the
 * centre, and reads each batch while the one before is written out. Only ever called after the
 * caller's release check above.
 */
async function* fileRows(
  scope: { centreId: string; seriesId: string },
  batchSize = 1000,
): AsyncGenerator<ResultsFileRow> {
  const db = getPrisma();
  const [centre, series, components] = await Promise.all([
    db.centre.findUnique({ where: { id: scope.centreId }, select: { number: true } }),
    db.series.findUnique({ where: { id: scope.seriesId }, select: { code: true } }),
    db.component.findMany({ select: { id: true, code: true } }),
  ]);
  if (!centre || !series) return;
  const codeOf = new Map(components.map((c) => [c.id, c.code]));
  const size = Math.max(1, Math.floor(batchSize));
  const batch = (after: string) => {
    const read = db.$queryRaw<FileRow[]>(fileBatchSql(scope.centreId, scope.seriesId, after, size));
    // Awaited below; a reader that stops early leaves it unread, not unhandled.
    read.catch(() => {});
    return read;
  };
  let next: Promise<FileRow[]> | null = batch("");
  while (next) {
    const rows = await next;
    if (rows.length === 0) return;
    // Rows come in candidate-number order; each candidate's results by specification code.
    const candidates: FileRow[][] = [];
    for (const row of rows) {
      const last = candidates[candidates.length - 1];
      if (last && last[0].candidateNumber === row.candidateNumber) last.push(row);
      else candidates.push([row]);
    }
    // The next batch is read while this one is written out.
    next = candidates.length < size ? null : batch(candidates[candidates.length - 1][0].candidateNumber);
    for (const results of candidates) {
      // Codes are ASCII letters, digits and "_./-" (lib/validation/codes.ts): plain code-unit order.
      results.sort((a, b) => byCode(a.specificationCode ?? "", b.specificationCode ?? ""));
      for (const r of results) {
        if (r.grade === null) continue;
        const marks = r.marks ? componentMarks(r.marks, codeOf) : "";
        yield {
          centreNumber: centre.number,
          seriesCode: series.code,
          candidateNumber: r.candidateNumber,
          uci: r.uci,
          surname: r.lastName,
          forenames: r.firstName,
          dateOfBirth: r.dateOfBirth,
          qualification: r.qualification ?? "",
          specificationCode: r.specificationCode ?? "",
          specificationTitle: r.specificationTitle ?? "",
          grade: r.grade,
          uniformMark: r.uniformMark,
          componentMarks: marks,
        };
      }
    }
  }
}
