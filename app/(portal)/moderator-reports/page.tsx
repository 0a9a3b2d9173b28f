import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listModeratorReports } from "@/lib/data/marks/iamis-reports";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis.reports"))("title") };
}

export default async function ModeratorReportsPage() {
  const { reports } = await must(listModeratorReports());
  const t = await getTranslations("iamis.reports");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      {reports.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="reports-caption">
          <TableCaption id="reports-caption" className="text-left font-semibold">
            {t("caption", { count: reports.length })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colComponent")}</TableHead>
              <TableHead>{t("colSeries")}</TableHead>
              <TableHead>{t("colReleased")}</TableHead>
              <TableHead>{t("colAdjustment")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link href={`/moderator-reports/${r.id}`} className="font-semibold underline">
                    {`${r.componentCode} ${localized(r, locale, "title")}`}
                  </Link>
                </TableCell>
                <TableCell>{localized(r.series, locale)}</TableCell>
                <TableCell>{formatDate(r.releasedAt, "stamp", locale)}</TableCell>
                <TableCell>
                  {r.adjustment === 0 ? t("noAdjustment") : t("adjustmentValue", { n: r.adjustment })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
