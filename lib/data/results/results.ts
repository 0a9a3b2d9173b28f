import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { compareGrades, gradesFor } from "./grades";
import { resultsScope, type ResultsCaller } from "./visibility";

// Results of the caller's centre for a series: by candidate, by subject, a candidate's statement
// of results, grade boundaries, item level data and results analysis. Every function asks
// resultsScope first; before the caller's release time it answers as if there were no results.

export const RESULTS_PAGE_SIZE = 100;

export type ResultsFilters = {
  /** Candidate name(s) or number; every word must match a forename, surname or the number. */
  q?: string | null;
  /** Specification code, e.g. "9521". */
  spec?: string | null;
  grade?: string | null;
  /** 1-based. */
  page?: number | null;
};

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

function clean(value: string | null | undefined, max = 100): string {
  return (value ?? "").trim().slice(0, max);
}

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

async function listResults(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
  filters: ResultsFilters,
  view: "candidate" | "subject",
): Promise<ResultsPage> {
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return EMPTY_PAGE;
  const db = getPrisma();
  const where = resultWhere(scope.centreId, seriesId, filters);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(filters.page) || 1)));
  const byCandidate: Prisma.ResultOrderByWithRelationInput[] = [
    { entry: { candidate: { candidateNumber: "asc" } } },
    { entry: { specification: { code: "asc" } } },
  ];
  const bySubject: Prisma.ResultOrderByWithRelationInput[] = [
    { entry: { specification: { code: "asc" } } },
    { entry: { candidate: { candidateNumber: "asc" } } },
  ];
  const [total, rows] = await Promise.all([
    db.result.count({ where }),
    db.result.findMany({
      where,
      select: ROW_SELECT,
      orderBy: view === "candidate" ? byCandidate : bySubject,
      skip: (page - 1) * RESULTS_PAGE_SIZE,
      take: RESULTS_PAGE_SIZE,
    }),
  ]);
  return { rows: rows.map(toRow), total, page, pageSize: RESULTS_PAGE_SIZE };
}

/** The centre's results in a series, one row per candidate × specification, in candidate-number order. */
export function resultsByCandidate(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
  filters: ResultsFilters = {},
): Promise<ResultsPage> {
  return listResults(caller, seriesId, now, filters, "candidate");
}

/** The same rows in specification order (then candidate number). */
export function resultsBySubject(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
  filters: ResultsFilters = {},
): Promise<ResultsPage> {
  return listResults(caller, seriesId, now, filters, "subject");
}

/** The specifications and grades the centre has results in (for the filters); empty before release. */
export async function resultFilterOptions(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
): Promise<{ specifications: { code: string; titleEn: string; titleCy: string }[]; grades: string[] }> {
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return { specifications: [], grades: [] };
  const db = getPrisma();
  const [specifications, grades] = await Promise.all([
    db.specification.findMany({
      where: { entries: { some: { centreId: scope.centreId, seriesId, result: { isNot: null } } } },
      select: { code: true, titleEn: true, titleCy: true },
      orderBy: { code: "asc" },
    }),
    db.result.findMany({ where: { centreId: scope.centreId, seriesId }, select: { grade: true }, distinct: ["grade"] }),
  ]);
  return { specifications, grades: grades.map((g) => g.grade).sort(compareGrades) };
}

export type Statement = {
  candidate: {
    id: string;
    candidateNumber: string;
    uci: string;
    firstName: string;
    lastName: string;
    dateOfBirth: Date;
  };
  results: {
    specificationCode: string;
    specificationTitleEn: string;
    specificationTitleCy: string;
    qualificationCode: string;
    qualificationNameEn: string;
    qualificationNameCy: string;
    grade: string;
    uniformMark: number | null;
    components: { code: string; titleEn: string; titleCy: string; mark: number; maxMark: number }[];
  }[];
};

/**
 * A candidate's statement of results for a series: null when the candidate is not one of the
 * caller's centre (another centre's id is simply not found); before release, the candidate with
 * no results — exactly what a candidate without results looks like.
 */
export async function statementOfResults(
  caller: ResultsCaller,
  seriesId: string,
  candidateId: string,
  now: Date,
): Promise<Statement | null> {
  const centreId = caller.user.centreId;
  if (!centreId || !candidateId) return null;
  const db = getPrisma();
  const candidate = await db.candidate.findFirst({
    where: { id: candidateId, centreId },
    select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true, dateOfBirth: true },
  });
  if (!candidate) return null;
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return { candidate, results: [] };
  const results = await db.result.findMany({
    where: { centreId, seriesId, entry: { candidateId, centreId } },
    select: {
      grade: true,
      uniformMark: true,
      entry: {
        select: {
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
      components: {
        select: { mark: true, component: { select: { code: true, titleEn: true, titleCy: true, maxMark: true } } },
      },
    },
    orderBy: { entry: { specification: { code: "asc" } } },
  });
  return {
    candidate,
    results: results.map((r) => {
      const s = r.entry.specification;
      return {
        specificationCode: s.code,
        specificationTitleEn: s.titleEn,
        specificationTitleCy: s.titleCy,
        qualificationCode: s.qualification.code,
        qualificationNameEn: s.qualification.nameEn,
        qualificationNameCy: s.qualification.nameCy,
        grade: r.grade,
        uniformMark: r.uniformMark,
        components: r.components
          .map((c) => ({
            code: c.component.code,
            titleEn: c.component.titleEn,
            titleCy: c.component.titleCy,
            mark: c.mark,
            maxMark: c.component.maxMark,
          }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      };
    }),
  };
}

export type BoundarySpec = {
  code: string;
  titleEn: string;
  titleCy: string;
  qualificationCode: string;
  qualificationNameEn: string;
  qualificationNameCy: string;
  components: {
    code: string;
    titleEn: string;
    titleCy: string;
    maxMark: number;
    boundaries: { grade: string; minMark: number }[];
  }[];
};

/**
 * Grade boundaries per component for a series. They are published with results, so they follow
 * the same embargo: empty before the caller's release time.
 */
export async function gradeBoundaries(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
  filters: { spec?: string | null } = {},
): Promise<BoundarySpec[]> {
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return [];
  const spec = clean(filters.spec, 20);
  const rows = await getPrisma().gradeBoundary.findMany({
    where: { seriesId, ...(spec ? { component: { specification: { code: spec } } } : {}) },
    select: {
      grade: true,
      minMark: true,
      component: {
        select: {
          code: true,
          titleEn: true,
          titleCy: true,
          maxMark: true,
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
    },
  });
  const specs = new Map<string, BoundarySpec>();
  for (const row of rows) {
    const c = row.component;
    const s = c.specification;
    let entry = specs.get(s.code);
    if (!entry) {
      entry = {
        code: s.code,
        titleEn: s.titleEn,
        titleCy: s.titleCy,
        qualificationCode: s.qualification.code,
        qualificationNameEn: s.qualification.nameEn,
        qualificationNameCy: s.qualification.nameCy,
        components: [],
      };
      specs.set(s.code, entry);
    }
    let comp = entry.components.find((x) => x.code === c.code);
    if (!comp) {
      comp = { code: c.code, titleEn: c.titleEn, titleCy: c.titleCy, maxMark: c.maxMark, boundaries: [] };
      entry.components.push(comp);
    }
    comp.boundaries.push({ grade: row.grade, minMark: row.minMark });
  }
  const out = [...specs.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const s of out) {
    s.components.sort((a, b) => a.code.localeCompare(b.code));
    for (const c of s.components) c.boundaries.sort((a, b) => compareGrades(a.grade, b.grade));
  }
  return out;
}

export type ItemLevelComponent = {
  id: string;
  code: string;
  titleEn: string;
  titleCy: string;
  maxMark: number;
  specificationCode: string;
};

/** The components the centre has marks for in the series (item level data); empty before release. */
export async function itemLevelComponents(
  caller: ResultsCaller,
  seriesId: string,
  now: Date,
): Promise<ItemLevelComponent[]> {
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return [];
  const rows = await getPrisma().component.findMany({
    where: { results: { some: { result: { centreId: scope.centreId, seriesId } } } },
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleCy: true,
      maxMark: true,
      specification: { select: { code: true } },
    },
    orderBy: { code: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    titleEn: r.titleEn,
    titleCy: r.titleCy,
    maxMark: r.maxMark,
    specificationCode: r.specification.code,
  }));
}

export type ItemLevelData = {
  component: Omit<ItemLevelComponent, "id">;
  /** Number of questions (the longest item-mark list). */
  questions: number;
  rows: {
    candidateId: string;
    candidateNumber: string;
    uci: string;
    firstName: string;
    lastName: string;
    mark: number;
    itemMarks: number[];
  }[];
};

/**
 * Marks per question of one component for the centre's candidates, in candidate-number order.
 * Null for an unknown component code; before release the component with no rows.
 */
export async function itemLevelData(
  caller: ResultsCaller,
  seriesId: string,
  componentCode: string,
  now: Date,
): Promise<ItemLevelData | null> {
  const code = clean(componentCode, 20);
  if (!code) return null;
  const db = getPrisma();
  const component = await db.component.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleCy: true,
      maxMark: true,
      specification: { select: { code: true } },
    },
  });
  if (!component) return null;
  const info = {
    code: component.code,
    titleEn: component.titleEn,
    titleCy: component.titleCy,
    maxMark: component.maxMark,
    specificationCode: component.specification.code,
  };
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return { component: info, questions: 0, rows: [] };
  const marks = await db.componentResult.findMany({
    where: { componentId: component.id, result: { centreId: scope.centreId, seriesId } },
    select: {
      mark: true,
      itemMarks: true,
      result: {
        select: {
          entry: {
            select: {
              candidate: { select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true } },
            },
          },
        },
      },
    },
    orderBy: { result: { entry: { candidate: { candidateNumber: "asc" } } } },
  });
  const rows = marks.map((m) => {
    const c = m.result.entry.candidate;
    return {
      candidateId: c.id,
      candidateNumber: c.candidateNumber,
      uci: c.uci,
      firstName: c.firstName,
      lastName: c.lastName,
      mark: m.mark,
      itemMarks: m.itemMarks,
    };
  });
  return { component: info, questions: rows.reduce((n, r) => Math.max(n, r.itemMarks.length), 0), rows };
}

export type AnalysisSpec = {
  code: string;
  titleEn: string;
  titleCy: string;
  qualificationCode: string;
  qualificationNameEn: string;
  qualificationNameCy: string;
  centreTotal: number;
  boardTotal: number;
  grades: {
    grade: string;
    /** The centre's candidates with this grade. */
    count: number;
    /** Share of the centre's results, 0–100. */
    percent: number;
    /** The centre's share at this grade or better, 0–100. */
    cumulativePercent: number;
    /** Board-wide (all centres) share at this grade or better, 0–100. */
    boardCumulativePercent: number;
  }[];
};

/**
 * Results analysis: per specification the centre has results in, the centre's grade distribution
 * (count and %) beside the board-wide cumulative percentages of every centre. Empty before release.
 */
export async function resultsAnalysis(caller: ResultsCaller, seriesId: string, now: Date): Promise<AnalysisSpec[]> {
  const scope = await resultsScope(caller, seriesId, now);
  if (!scope) return [];
  const db = getPrisma();
  const counts = await db.$queryRaw<
    { specificationId: string; grade: string; board: number; centre: number }[]
  >(Prisma.sql`
    SELECT e."specificationId" AS "specificationId", r."grade" AS "grade",
           COUNT(*)::int AS "board",
           (COUNT(*) FILTER (WHERE r."centreId" = ${scope.centreId}))::int AS "centre"
    FROM "Result" r JOIN "Entry" e ON e."id" = r."entryId"
    WHERE r."seriesId" = ${seriesId}
    GROUP BY e."specificationId", r."grade"`);
  const specIds = [...new Set(counts.filter((c) => c.centre > 0).map((c) => c.specificationId))];
  if (specIds.length === 0) return [];
  const specs = await db.specification.findMany({
    where: { id: { in: specIds } },
    select: {
      id: true,
      code: true,
      titleEn: true,
      titleCy: true,
      qualification: { select: { code: true, nameEn: true, nameCy: true } },
    },
    orderBy: { code: "asc" },
  });
  return specs.map((s) => {
    const mine = counts.filter((c) => c.specificationId === s.id);
    const scale = [...gradesFor(s.qualification.code)];
    for (const c of mine) if (!scale.includes(c.grade)) scale.push(c.grade);
    scale.sort(compareGrades);
    const centreTotal = mine.reduce((n, c) => n + Number(c.centre), 0);
    const boardTotal = mine.reduce((n, c) => n + Number(c.board), 0);
    let centreRunning = 0;
    let boardRunning = 0;
    const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
    return {
      code: s.code,
      titleEn: s.titleEn,
      titleCy: s.titleCy,
      qualificationCode: s.qualification.code,
      qualificationNameEn: s.qualification.nameEn,
      qualificationNameCy: s.qualification.nameCy,
      centreTotal,
      boardTotal,
      grades: scale.map((grade) => {
        const row = mine.find((c) => c.grade === grade);
        const count = Number(row?.centre ?? 0);
        centreRunning += count;
        boardRunning += Number(row?.board ?? 0);
        return {
          grade,
          count,
          percent: pct(count, centreTotal),
          cumulativePercent: pct(centreRunning, centreTotal),
          boardCumulativePercent: pct(boardRunning, boardTotal),
        };
      }),
    };
  });
}
