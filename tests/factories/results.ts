import type {
  Candidate,
  Centre,
  Component,
  ComponentResult,
  Entry,
  GradeBoundary,
  Result,
  Series,
} from "@/lib/generated/prisma/client";
import { isALevelCandidate } from "./candidates";
import type { SpecWithComponents } from "./catalogue";
import { chunks, newId, type Db } from "./db";
import {
  aggregateThresholds,
  defaultBoundaries,
  gradeFromThresholds,
  markFor,
  questionMaxima,
  splitMark,
} from "./grades";
import { createRng } from "./prng";

/**
 * Grade boundaries for each component in a series (defaultBoundaries: GCSE 9–1, A level A*–E,
 * strictly decreasing, no row for U). Components may be passed with or without their
 * specification; the qualification is looked up when missing.
 */
export async function createGradeBoundaries(
  db: Db,
  series: Pick<Series, "id" | "code">,
  components: Pick<Component, "id" | "code" | "maxMark">[],
): Promise<GradeBoundary[]> {
  const qualOf = await qualificationCodes(
    db,
    components.map((c) => c.id),
  );
  const rows = components.flatMap((c) =>
    defaultBoundaries(c, qualOf.get(c.id)!, series.code).map((b) => ({
      seriesId: series.id,
      componentId: c.id,
      grade: b.grade,
      minMark: b.minMark,
    })),
  );
  return db.gradeBoundary.createManyAndReturn({ data: rows });
}

async function qualificationCodes(db: Db, componentIds: string[]): Promise<Map<string, string>> {
  const rows = await db.component.findMany({
    where: { id: { in: componentIds } },
    select: { id: true, specification: { select: { qualification: { select: { code: true } } } } },
  });
  return new Map(rows.map((r) => [r.id, r.specification.qualification.code]));
}

export type EntriesAndResultsOptions = {
  /** Entries per candidate, inclusive range (default [3, 5]; fewer if there are fewer specs). */
  entriesPerCandidate?: [number, number];
  /** PRNG seed (default from the centre number and series code). */
  seed?: string;
  /** Leave out Result/ComponentResult rows (entries only). */
  withoutResults?: boolean;
};

export type EntriesAndResults = {
  entries: Entry[];
  results: Result[];
  componentResults: ComponentResult[];
};

/**
 * Entries for each candidate (GCSE year group → GCSE specifications, A level year group → A
 * levels; any specification when none of the right level is given), and for each entry a Result
 * with a ComponentResult per component. Marks follow the candidate's ability; item marks sum to
 * the component mark; the grade is the best one whose boundaries, summed over the components,
 * the total mark reaches (boundaries from the database, or the defaults when none exist).
 */
export async function createEntriesAndResults(
  db: Db,
  centre: Pick<Centre, "id" | "number">,
  series: Pick<Series, "id" | "code">,
  candidates: Candidate[],
  specs: SpecWithComponents[],
  options: EntriesAndResultsOptions = {},
): Promise<EntriesAndResults> {
  const [minEntries, maxEntries] = options.entriesPerCandidate ?? [3, 5];
  const components = specs.flatMap((s) => s.components);
  const stored = await db.gradeBoundary.findMany({
    where: { seriesId: series.id, componentId: { in: components.map((c) => c.id) } },
  });

  // Per specification: its components, their question structure and the aggregate thresholds.
  const plan = new Map(
    specs.map((spec) => {
      const perComponent = spec.components.map((c) => {
        const own = stored.filter((b) => b.componentId === c.id);
        return own.length > 0 ? own : defaultBoundaries(c, spec.qualification.code, series.code);
      });
      return [
        spec.id,
        {
          spec,
          maxima: spec.components.map((c) => questionMaxima(c)),
          thresholds: aggregateThresholds(perComponent, spec.qualification.code),
        },
      ];
    }),
  );
  const gcse = specs.filter((s) => s.qualification.code !== "A level");
  const alevel = specs.filter((s) => s.qualification.code === "A level");

  const entries: { id: string; centreId: string; candidateId: string; seriesId: string; specificationId: string }[] =
    [];
  const results: {
    id: string;
    entryId: string;
    centreId: string;
    seriesId: string;
    grade: string;
    uniformMark: number | null;
  }[] = [];
  const componentResults: { id: string; resultId: string; componentId: string; mark: number; itemMarks: number[] }[] =
    [];

  for (const candidate of candidates) {
    const rng = createRng(
      options.seed
        ? `${options.seed}:${candidate.candidateNumber}`
        : `results:${centre.number}:${series.code}:${candidate.candidateNumber}`,
    );
    let pool = isALevelCandidate(candidate) ? alevel : gcse;
    if (pool.length === 0) pool = specs;
    const count = Math.min(pool.length, rng.int(minEntries, maxEntries));
    const chosen = rng.sample(pool, count).sort((a, b) => a.code.localeCompare(b.code));
    const ability = Math.max(-2.5, Math.min(2.5, rng.normal()));

    for (const spec of chosen) {
      const entryId = newId();
      entries.push({
        id: entryId,
        centreId: centre.id,
        candidateId: candidate.id,
        seriesId: series.id,
        specificationId: spec.id,
      });
      if (options.withoutResults) continue;
      const { maxima, thresholds } = plan.get(spec.id)!;
      const subjectAbility = ability + rng.normal() * 0.35;
      const resultId = newId();
      let total = 0;
      spec.components.forEach((component, i) => {
        const mark = markFor(subjectAbility, component.maxMark, rng.next);
        total += mark;
        componentResults.push({
          id: newId(),
          resultId,
          componentId: component.id,
          mark,
          itemMarks: splitMark(mark, maxima[i], rng.next),
        });
      });
      results.push({
        id: resultId,
        entryId,
        centreId: centre.id,
        seriesId: series.id,
        grade: gradeFromThresholds(total, thresholds),
        uniformMark: null,
      });
    }
  }

  const out: EntriesAndResults = { entries: [], results: [], componentResults: [] };
  for (const part of chunks(entries, 2000)) out.entries.push(...(await db.entry.createManyAndReturn({ data: part })));
  for (const part of chunks(results, 2000)) out.results.push(...(await db.result.createManyAndReturn({ data: part })));
  for (const part of chunks(componentResults, 2000))
    out.componentResults.push(...(await db.componentResult.createManyAndReturn({ data: part })));
  return out;
}
