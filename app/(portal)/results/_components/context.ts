import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/session";
import {
  defaultSeries,
  listSeries,
  resultsVisibility,
  type SeriesInfo,
  type Visibility,
} from "@/lib/data/results/visibility";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function param(sp: Record<string, string | string[] | undefined>, name: string): string {
  const v = sp[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/**
 * What every results page starts with: a signed-in caller with the results permission (else
 * /no-access), the server's clock, the series shown (?series=code, else the best default), and
 * whether its results are visible to this caller now.
 */
export async function resultsContext(sp: Record<string, string | string[] | undefined>) {
  const session = await requirePermission("results");
  const at = now();
  const code = param(sp, "series");
  const series = await defaultSeries(session, at, code || null);
  if (code && !series) notFound();
  const visibility: Visibility | null = series ? resultsVisibility(session, series, at) : null;
  const allSeries = await listSeries();
  const locale = (await getLocale()) === "cy" ? "cy" : "en";
  return { session, at, series, visibility, allSeries, locale } as const;
}

export type ResultsContext = Awaited<ReturnType<typeof resultsContext>>;

export function seriesName(series: Pick<SeriesInfo, "nameEn" | "nameCy">, locale: "en" | "cy"): string {
  return locale === "cy" ? series.nameCy : series.nameEn;
}
