import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Result } from "@/lib/auth/authorize";
import { compareGrades, gradesFor } from "@/lib/results/grades";
import { resultsAccess } from "./series";

// Results analysis: per specification the centre has results in, the centre's grade distribution
// (count and %) beside the board-wide cumulative percentages of every centre. None before release.

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

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

export async function resultsAnalysis(seriesId: string): Promise<Result<{ specs: AnalysisSpec[] }>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, specs: [] };
  const { centreId } = access.caller;
  const db = getPrisma();
  const counts = await db.$queryRaw<
    { specificationId: string; grade: string; board: number; centre: number }[]
  >(Prisma.sql`
    SELECT e."specificationId" AS "specificationId", r."grade" AS "grade",
           COUNT(*)::int AS "board",
           (COUNT(*) FILTER (WHERE r."centreId" = ${centreId}))::int AS "centre"
    FROM "Result" r JOIN "Entry" e ON e."id" = r."entryId"
    WHERE r."seriesId" = ${access.series.id}
    GROUP BY e."specificationId", r."grade"`);
  const specIds = [...new Set(counts.filter((c) => c.centre > 0).map((c) => c.specificationId))];
  if (specIds.length === 0) return { ok: true, specs: [] };
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
  return {
    ok: true,
    specs: specs.map((s) => {
      const mine = counts.filter((c) => c.specificationId === s.id);
      const scale = [...gradesFor(s.qualification.code)];
      for (const c of mine) if (!scale.includes(c.grade)) scale.push(c.grade);
      scale.sort(compareGrades);
      const centreTotal = mine.reduce((n, c) => n + Number(c.centre), 0);
      const boardTotal = mine.reduce((n, c) => n + Number(c.board), 0);
      let centreRunning = 0;
      let boardRunning = 0;
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
    }),
  };
}
