import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { candidateWordsSql, searchWords } from "@/lib/db/search";
import type { Result } from "@/lib/auth/authorize";
import { compareGrades } from "@/lib/results/grades";
import { clean, RESULTS_PAGE_SIZE, type ResultsFilters } from "@/lib/results/filters";
import { resultsAccess } from "./series";

// The centre's results in a series, by candidate and by subject, and the choices of the filters.
// Before the caller's release time: no rows, exactly as for a series without results.

export type ResultRow = {
  resultId: string;
  candidateId: string;
  candidateNumber: string;
  uci: string;
  firstName: string;
  lastName: string;
  specificationCode: string;
  specificationTitleEn: string;
  specificationTitleCy: string;
  qualificationCode: string;
  qualificationNameEn: string;
  qualificationNameCy: string;
  grade: string;
  uniformMark: number | null;
};

export type ResultsPage = { rows: ResultRow[]; total: number; page: number; pageSize: number };

const EMPTY_PAGE: ResultsPage = { rows: [], total: 0, page: 1, pageSize: RESULTS_PAGE_SIZE };

type Order = "candidate" | "subject";

// internal: builds SQL only; listResults runs it after resultsAccess has authorized the caller
/**
 * The page's rows and the count of all rows, one statement each. The rows are reached in the
 * order shown, so the planner stops after the page instead of sorting every result of the
 * centre: by candidate, the centre's candidates in number order (Candidate's unique (centreId,
 * candidateNumber) index), each one's results through Entry's unique (candidateId, seriesId,
 * specificationId); by subject, the specifications in code order, each one's entries at the
 * centre through Entry's (centreId, seriesId, specificationId) index. The count without a
 * specification or a search reads Result's (centreId, seriesId, grade) index alone.
 * tests/integration/query-plans.test.ts reads their plans.
 */
export function resultsPageSql(
  centreId: string,
  seriesId: string,
  filters: ResultsFilters,
  order: Order,
  page: number,
): { count: Prisma.Sql; rows: Prisma.Sql } {
  const words = searchWords(filters.q);
  const spec = clean(filters.spec, 20);
  const grade = clean(filters.grade, 4);
  const byGrade = grade ? Prisma.sql`AND r.grade = ${grade}` : Prisma.empty;
  const bySpec = spec ? Prisma.sql`AND s.code = ${spec}` : Prisma.empty;
  const result = Prisma.sql`r."entryId" = e.id AND r."centreId" = ${centreId} AND r."seriesId" = ${seriesId} ${byGrade}`;
  const entry = Prisma.sql`e."centreId" = ${centreId} AND e."seriesId" = ${seriesId}`;
  // Every candidate has a few results, so without a grade or specification filter the page is
  // the first candidates' results: "OFFSET 0" keeps the subquery per candidate (a fence the planner
  // does not flatten), so the plan walks candidates in number order and stops after the page.
  // With such a filter most candidates have no row, and the planner's own join is the better one.
  const dense = !grade && !spec;
  const limit = Prisma.sql`LIMIT ${RESULTS_PAGE_SIZE} OFFSET ${(page - 1) * RESULTS_PAGE_SIZE}`;
  const columns = Prisma.sql`r.id AS "resultId", r.grade, r."uniformMark",
    c.id AS "candidateId", c."candidateNumber", c.uci, c."firstName", c."lastName",
    s.code AS "specificationCode", s."titleEn" AS "specificationTitleEn", s."titleCy" AS "specificationTitleCy",
    q.code AS "qualificationCode", q."nameEn" AS "qualificationNameEn", q."nameCy" AS "qualificationNameCy"`;
  const rows =
    order === "candidate"
      ? Prisma.sql`
        SELECT ${columns}
        FROM "Candidate" c
        CROSS JOIN LATERAL (
          SELECT r.id, r.grade, r."uniformMark", e."specificationId"
          FROM "Entry" e JOIN "Result" r ON ${result}
          WHERE e."candidateId" = c.id AND ${entry}
          ${dense ? Prisma.sql`OFFSET 0` : Prisma.empty}
        ) r
        JOIN "Specification" s ON s.id = r."specificationId"
        JOIN "Qualification" q ON q.id = s."qualificationId"
        WHERE c."centreId" = ${centreId} ${candidateWordsSql("c", words)} ${bySpec}
        ORDER BY c."candidateNumber", s.code
        ${limit}`
      : Prisma.sql`
        SELECT ${columns}
        FROM "Specification" s
        JOIN "Qualification" q ON q.id = s."qualificationId"
        CROSS JOIN LATERAL (
          SELECT r.id, r.grade, r."uniformMark", e."candidateId"
          FROM "Entry" e JOIN "Result" r ON ${result}
          WHERE e."specificationId" = s.id AND ${entry}
        ) r
        JOIN "Candidate" c ON c.id = r."candidateId"
        WHERE c."centreId" = ${centreId} ${candidateWordsSql("c", words)} ${bySpec}
        ORDER BY s.code, c."candidateNumber"
        ${limit}`;
  const count =
    words.length === 0 && !spec
      ? Prisma.sql`SELECT count(*)::int AS n FROM "Result" r WHERE r."centreId" = ${centreId} AND r."seriesId" = ${seriesId} ${byGrade}`
      : Prisma.sql`
        SELECT count(*)::int AS n
        FROM "Entry" e
        JOIN "Result" r ON ${result}
        JOIN "Candidate" c ON c.id = e."candidateId"
        JOIN "Specification" s ON s.id = e."specificationId"
        WHERE ${entry} AND c."centreId" = ${centreId} ${candidateWordsSql("c", words)} ${bySpec}`;
  return { count, rows };
}

async function listResults(seriesId: string, filters: ResultsFilters, order: Order): Promise<Result<ResultsPage>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, ...EMPTY_PAGE };
  const db = getPrisma();
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(filters.page) || 1)));
  const sql = resultsPageSql(access.caller.centreId, access.series.id, filters, order, page);
  const [[{ n: total }], rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>(sql.count),
    db.$queryRaw<ResultRow[]>(sql.rows),
  ]);
  return { ok: true, rows, total, page, pageSize: RESULTS_PAGE_SIZE };
}

/** The centre's results in a series, one row per candidate × specification, in candidate-number order. */
export function resultsByCandidate(seriesId: string, filters: ResultsFilters = {}): Promise<Result<ResultsPage>> {
  return listResults(seriesId, filters ?? {}, "candidate");
}

/** The same rows in specification order (then candidate number). */
export function resultsBySubject(seriesId: string, filters: ResultsFilters = {}): Promise<Result<ResultsPage>> {
  return listResults(seriesId, filters ?? {}, "subject");
}

export type FilterOptions = { specifications: { code: string; titleEn: string; titleCy: string }[]; grades: string[] };

/** The specifications and grades the centre has results in (for the filters); none before release. */
export async function resultFilterOptions(seriesId: string): Promise<Result<FilterOptions>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, specifications: [], grades: [] };
  const sql = filterOptionsSql(access.caller.centreId, access.series.id);
  const db = getPrisma();
  const [specifications, grades] = await Promise.all([
    db.$queryRaw<FilterOptions["specifications"]>(sql.specifications),
    db.$queryRaw<{ grade: string }[]>(sql.grades),
  ]);
  return { ok: true, specifications, grades: grades.map((g) => g.grade).sort(compareGrades) };
}

// internal: builds SQL only; resultFilterOptions runs it after resultsAccess has authorized the caller
/**
 * The filters' choices: each specification is one probe of Entry's (centreId, seriesId,
 * specificationId) index (and the result's), the grades one read of Result's (centreId, seriesId,
 * grade) index. tests/integration/query-plans.test.ts reads their plans.
 */
export function filterOptionsSql(
  centreId: string,
  seriesId: string,
): { specifications: Prisma.Sql; grades: Prisma.Sql } {
  return {
    specifications: Prisma.sql`
      SELECT s.code, s."titleEn", s."titleCy" FROM "Specification" s
      WHERE EXISTS (
        SELECT 1 FROM "Entry" e JOIN "Result" r ON r."entryId" = e.id
        WHERE e."centreId" = ${centreId} AND e."seriesId" = ${seriesId} AND e."specificationId" = s.id
      )
      ORDER BY s.code`,
    grades: Prisma.sql`SELECT DISTINCT r.grade FROM "Result" r WHERE r."centreId" = ${centreId} AND r."seriesId" = ${seriesId}`,
  };
}
