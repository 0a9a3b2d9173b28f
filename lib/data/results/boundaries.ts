import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Result } from "@/lib/auth/authorize";
import { compareGrades } from "@/lib/results/grades";
import { clean } from "@/lib/results/filters";
import { resultsAccess } from "./series";

// Grade boundaries per component for a series. They are published with results, so they follow
// the same release: none before the caller's release time.

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

export async function gradeBoundaries(
  seriesId: string,
  filters: { spec?: string | null } = {},
): Promise<Result<{ specs: BoundarySpec[] }>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, specs: [] };
  const spec = clean(filters?.spec, 20);
  const rows = await getPrisma().gradeBoundary.findMany({
    where: { seriesId: access.series.id, ...(spec ? { component: { specification: { code: spec } } } : {}) },
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
  return { ok: true, specs: out };
}
