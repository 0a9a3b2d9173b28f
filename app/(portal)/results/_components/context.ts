import "server-only";
import { getLocale } from "next-intl/server";
import { must } from "@/lib/http/page";
import { resultsSeries } from "@/lib/data/results/series";
import { seriesParam } from "@/components/page/series-picker";
import type { Locale } from "@/lib/i18n/config";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function param(sp: Record<string, string | string[] | undefined>, name: string): string {
  const v = sp[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/**
 * What every results page starts with (the data layer decides who may see what): the clock,
 * every series, the one shown (?series=code, else the best default) and whether its results
 * are released to the caller now.
 */
export async function resultsContext(sp: Record<string, string | string[] | undefined>) {
  const context = await must(resultsSeries(seriesParam(sp) || null));
  const locale: Locale = (await getLocale()) === "cy" ? "cy" : "en";
  return { ...context, locale } as const;
}

export type ResultsContext = Awaited<ReturnType<typeof resultsContext>>;
