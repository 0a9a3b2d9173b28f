import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getImportSeries } from "@/lib/data/entries/import";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { seriesParam } from "@/components/page/series-picker";
import { ImportFlow } from "./import-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.import"))("title") };
}

export default async function ImportEntriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("entries");
  // Importing changes entries: the data layer refuses view-only Users.
  const { series } = await must(getImportSeries(seriesParam(await searchParams)));
  const t = await getTranslations("entries.import");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/entries?series=${encodeURIComponent(series.code)}`} className="text-link underline">
        {t("back")}
      </Link>
      <PageHeader title={t("heading", { series: localized(series, locale) })} lead={t("intro")} />
      <pre className="w-fit rounded-md border border-border bg-muted p-3 font-mono">
        {"candidate_number,specification_code\n0001,9521\n0002,9521"}
      </pre>
      <ImportFlow series={series.code} />
    </div>
  );
}
