import "server-only";
import { getPrisma } from "@/lib/db/client";
import { inCentre, refuse, type Result } from "@/lib/auth/authorize";
import { resultsAccess, type Release } from "./series";

// A candidate's statement of results for a series.

export type Statement = {
  centre: { number: string; nameEn: string; nameCy: string };
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
 * A candidate's statement of results: not found when the candidate is not one of the caller's
 * centre (another centre's id answers the same); before release, the candidate with no results
 * — exactly what a candidate without results looks like — and the caller's release time.
 */
export async function statementOfResults(
  seriesId: string,
  candidateId: string,
): Promise<Result<Statement & { release: Release }>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  const { caller, series, released, releaseAt } = access;
  const db = getPrisma();
  const candidate = candidateId
    ? await db.candidate.findFirst({
        where: inCentre(caller, { id: candidateId }),
        select: { id: true, candidateNumber: true, uci: true, firstName: true, lastName: true, dateOfBirth: true },
      })
    : null;
  if (!candidate) return refuse("notFound");
  const centre = await db.centre.findUniqueOrThrow({
    where: { id: caller.centreId },
    select: { number: true, nameEn: true, nameCy: true },
  });
  const release = { released, releaseAt };
  if (!released) return { ok: true, centre, candidate, results: [], release };
  const results = await db.result.findMany({
    where: inCentre(caller, { seriesId: series.id, entry: { candidateId, centreId: caller.centreId } }),
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
    ok: true,
    centre,
    candidate,
    release,
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
