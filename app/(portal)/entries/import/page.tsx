import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { accessOf } from "@/lib/data/entries/access";
import { listSeries } from "@/lib/data/entries/entries";
import { ImportFlow } from "./import-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.import"))("title") };
}

export default async function ImportEntriesPage({ searchParams }: { searchParams: Promise<{ series?: string }> }) {
  const session = await requirePermission("entries");
  // Importing changes entries: EO/Admins only (Users with the permission only view).
  if (accessOf(session).access !== "make") redirect("/no-access");
  const all = await listSeries(session);
  if (!all.ok) redirect("/no-access");
  const { series: code } = await searchParams;
  const series = code ? all.series.find((s) => s.code === code) : all.series[0];
  if (!series) notFound();
  const t = await getTranslations("entries.import");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/entries?series=${encodeURIComponent(series.code)}`} className="text-link underline">
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold">
        {t("heading", { series: locale === "cy" ? series.nameCy : series.nameEn })}
      </h1>
      <p>{t("intro")}</p>
      <pre className="w-fit rounded-md border border-border bg-muted p-3 font-mono">
        {"candidate_number,specification_code\n0001,9521\n0002,9521"}
      </pre>
      <ImportFlow series={series.code} />
    </div>
  );
}
