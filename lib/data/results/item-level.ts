import "server-only";
import { getPrisma } from "@/lib/db/client";
import { refuse, type Result } from "@/lib/auth/authorize";
import { clean } from "@/lib/results/filters";
import { resultsAccess } from "./series";
import { openDownload } from "./download";

// Item level data: the marks per question of one component for the centre's candidates, on the
// page and as a download. None before the caller's release time.

export type ItemLevelComponent = {
  id: string;
  code: string;
  titleEn: string;
  titleCy: string;
  maxMark: number;
  specificationCode: string;
};

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

/** The components the centre has marks for in the series; none before release. */
export async function itemLevelComponents(seriesId: string): Promise<Result<{ components: ItemLevelComponent[] }>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  if (!access.released) return { ok: true, components: [] };
  const rows = await getPrisma().component.findMany({
    where: { results: { some: { result: { centreId: access.caller.centreId, seriesId: access.series.id } } } },
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
  return {
    ok: true,
    components: rows.map((r) => ({
      id: r.id,
      code: r.code,
      titleEn: r.titleEn,
      titleCy: r.titleCy,
      maxMark: r.maxMark,
      specificationCode: r.specification.code,
    })),
  };
}

async function findComponent(componentCode: string) {
  const code = clean(typeof componentCode === "string" ? componentCode : "", 20);
  if (!code) return null;
  const c = await getPrisma().component.findUnique({
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
  if (!c) return null;
  const info = {
    code: c.code,
    titleEn: c.titleEn,
    titleCy: c.titleCy,
    maxMark: c.maxMark,
    specificationCode: c.specification.code,
  };
  return { id: c.id, info };
}

/** The marks of a component for a centre's candidates in a series, in candidate-number order. */
async function marksOf(
  component: { id: string; info: ItemLevelData["component"] },
  centreId: string,
  seriesId: string,
): Promise<ItemLevelData> {
  const marks = await getPrisma().componentResult.findMany({
    where: { componentId: component.id, result: { centreId, seriesId } },
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
  return {
    component: component.info,
    questions: rows.reduce((n, r) => Math.max(n, r.itemMarks.length), 0),
    rows,
  };
}

/**
 * Marks per question of one component for the centre's candidates. An unknown component code is
 * not found; before release, the component with no rows.
 */
export async function itemLevelData(seriesId: string, componentCode: string): Promise<Result<ItemLevelData>> {
  const access = await resultsAccess(seriesId);
  if (!access.ok) return access;
  const component = await findComponent(componentCode);
  if (!component) return refuse("notFound");
  if (!access.released) return { ok: true, component: component.info, questions: 0, rows: [] };
  return { ok: true, ...(await marksOf(component, access.caller.centreId, access.series.id)) };
}

/**
 * The item level data download of one component (GET /api/results/item-level-data): not found
 * before release, for an unknown component, and when the centre has no marks for it. Audited.
 */
export async function itemLevelFile(
  seriesCode: string,
  componentCode: string,
): Promise<Result<{ filename: string; data: ItemLevelData }>> {
  const download = await openDownload(seriesCode, "results.item-level-data-downloaded");
  if (!download.ok) return download;
  const component = await findComponent(componentCode);
  if (!component) return refuse("notFound");
  const data = await marksOf(component, download.caller.centreId, download.series.id);
  if (data.rows.length === 0) return refuse("notFound");
  await download.record({ component: data.component.code });
  const safeCode = data.component.code.replace(/[^A-Za-z0-9-]/g, "-");
  return {
    ok: true,
    filename: `item-level-data-${download.centreNumber}-${download.series.code}-${safeCode}.csv`,
    data,
  };
}
