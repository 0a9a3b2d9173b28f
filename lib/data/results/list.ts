import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
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

function resultWhere(centreId: string, seriesId: string, filters: ResultsFilters): Prisma.ResultWhereInput {
  const words = clean(filters.q).split(/\s+/).filter(Boolean).slice(0, 5);
  const spec = clean(filters.spec, 20);
  const grade = clean(filters.grade, 4);
  return {
    centreId,
    seriesId,
    ...(grade ? { grade } : {}),
    entry: {
      centreId,
      ...(spec ? { specification: { code: spec } } : {}),
      ...(words.length
        ? {
            candidate: {
              AND: words.map((w) => ({
                OR: [
                  { firstName: { contains: w, mode: "insensitive" as const } },
                  { lastName: { contains: w, mode: "insensitive" as const } },
                  { candidateNumber: { startsWith: w } },
                  { uci: { equals: w.toUpperCase() } },
                ],
              })),
            },
          }
        : {}),
    },
  };
}

const ROW_SELECT = {
  id: true,
  grade: true,
  uniformMark: true,
  entry: {
    select: {
      candidate: { select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true } },
      specification: {
        select: {
          code: true,
          titleEn: true,
          titleCy: true,
          qualification: { select: { code: true, nameEn: true, nameCy: true } },
        },
      },
    },
  },
} as const satisfies Prisma.ResultSelect;

type RawRow = Prisma.ResultGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(r: RawRow): ResultRow {
  const c = r.entry.candidate;
  const s = r.entry.specification;
  return {
    resultId: r.id,
    candidateId: c.id,
    candidateNumber: c.candidateNumber,
    uci: c.uci,
    firstName: c.firstName,
    lastName: c.lastName,
    specificationCode: s.code,
    specificationTitleEn: s.titleEn,
    specificationTitleCy: s.titleCy,
    qualificationCode: s.qualification.code,
    qualificationNameEn: s.qualification.nameEn,
    qualificationNameCy: s.qualification.nameCy,
    grade: r.grade,
    uniformMark: r.uniformMark,
  };
}

const ORDER: Record<"candidate" | "subject", Prisma.ResultOrderByWithRelationInput[]> = {
  candidate: [{ entry: { candidate: { candidateNumber: "asc" } } }, { entry: { specification: { code: "asc" } } }],
  subject: [{ entry: { specification: { code: "asc" } } }, { entry: { candidate: { candidateNumber: "asc" } } }],
};

async function listResults(
  seriesId: string,
  filters: ResultsFilters,
  view: "candidate" | "subject",
): Promise<Result<ResultsPage>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, ...EMPTY_PAGE };
  const db = getPrisma();
  const where = resultWhere(access.caller.centreId, access.series.id, filters);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(filters.page) || 1)));
  const [total, rows] = await Promise.all([
    db.result.count({ where }),
    db.result.findMany({
      where,
      select: ROW_SELECT,
      orderBy: ORDER[view],
      skip: (page - 1) * RESULTS_PAGE_SIZE,
      take: RESULTS_PAGE_SIZE,
    }),
  ]);
  return { ok: true, rows: rows.map(toRow), total, page, pageSize: RESULTS_PAGE_SIZE };
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
  const { centreId } = access.caller;
  const db = getPrisma();
  const [specifications, grades] = await Promise.all([
    db.specification.findMany({
      where: { entries: { some: { centreId, seriesId: access.series.id, result: { isNot: null } } } },
      select: { code: true, titleEn: true, titleCy: true },
      orderBy: { code: "asc" },
    }),
    db.result.findMany({
      where: { centreId, seriesId: access.series.id },
      select: { grade: true },
      distinct: ["grade"],
    }),
  ]);
  return { ok: true, specifications, grades: grades.map((g) => g.grade).sort(compareGrades) };
}
