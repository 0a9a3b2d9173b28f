import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { authorizeCentre, isReleased, refuse, releaseFor, type CentreCaller, type Result } from "@/lib/auth/authorize";

// The series a results page shows, and whether its results are released to the caller
// (docs/product-rules.md ("Results embargo")). The release rule is lib/auth/release.ts's: Exams
// Officers and Admins from the series' restricted release, Users with the results permission
// from 08:00 London on results day. Before then every results function answers exactly as if
// there were no results — empty lists, never an error that would reveal they exist.

export type SeriesInfo = {
  id: string;
  code: string;
  nameEn: string;
  nameCy: string;
  resultsDay: Date;
  restrictedReleaseAt: Date;
  releaseAt: Date;
};

/** Whether the series' results are released to the caller now, and when they are (null: never). */
export type Release = { released: boolean; releaseAt: Date | null };

export const SERIES_SELECT = {
  id: true,
  code: true,
  nameEn: true,
  nameCy: true,
  resultsDay: true,
  restrictedReleaseAt: true,
  releaseAt: true,
} as const;

function releaseOf(caller: CentreCaller, series: SeriesInfo, at: Date): Release {
  return { released: isReleased(caller, series, "results", at), releaseAt: releaseFor(caller, series, "results") };
}

/**
 * What a results page starts with: every series (series and their dates are not secret), the
 * one shown — the one asked for, else the latest whose results the caller can already see,
 * else the next one to be released to them, else the newest — and its release to the caller.
 * An unknown series code is not found.
 */
export async function resultsSeries(
  code?: string | null,
): Promise<Result<{ at: Date; allSeries: SeriesInfo[]; series: SeriesInfo | null; release: Release | null }>> {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const allSeries = await getPrisma().series.findMany({
    select: SERIES_SELECT,
    orderBy: [{ resultsDay: "desc" }, { code: "desc" }],
  });
  let series: SeriesInfo | null;
  if (code) {
    series = allSeries.find((s) => s.code === code) ?? null;
    if (!series) return refuse("notFound");
  } else {
    const upcoming = allSeries
      .filter((s) => (releaseFor(caller, s, "results")?.getTime() ?? 0) > at.getTime())
      .sort((a, b) => a.releaseAt.getTime() - b.releaseAt.getTime());
    series = allSeries.find((s) => isReleased(caller, s, "results", at)) ?? upcoming[0] ?? allSeries[0] ?? null;
  }
  return { ok: true, at, allSeries, series, release: series ? releaseOf(caller, series, at) : null };
}

export type ResultsAccess = { caller: CentreCaller; at: Date; series: SeriesInfo } & Release;

/**
 * Where every results function starts: a centre account holding the results permission, the
 * clock, the series (by id; unknown → not found) and whether its results are released to the
 * caller now. Once per request and series (React `cache`, like the caller itself): a results
 * page asks it for its rows and again for its filters.
 */
export const resultsAccess = cache(async (seriesId: string): Promise<Result<ResultsAccess>> => {
  const auth = await authorizeCentre("results");
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const series = seriesId
    ? await getPrisma().series.findUnique({ where: { id: seriesId }, select: SERIES_SELECT })
    : null;
  if (!series) return refuse("notFound");
  return { ok: true, caller, at, series, ...releaseOf(caller, series, at) };
});
