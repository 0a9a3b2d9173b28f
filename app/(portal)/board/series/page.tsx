import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listSeries } from "@/lib/data/board/series";
import { must } from "@/lib/http/page";
import { calendarDateString } from "@/lib/board/series-times";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardSeries"))("title") };
}

export default async function BoardSeriesPage() {
  const { series } = await must(listSeries());
  const t = await getTranslations("boardSeries");
  const locale = (await getLocale()) as Locale;
  const number = new Intl.NumberFormat(locale === "cy" ? "cy-GB" : "en-GB");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title={t("title")} lead={t("intro")} />
        <Button asChild>
          <Link href="/board/series/new">{t("create")}</Link>
        </Button>
      </div>
      <p>{t("ukTime")}</p>
      <Table labelledBy="series-caption">
        <TableCaption id="series-caption" className="text-left font-semibold">
          {t("caption", { count: series.length })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("code")}</TableHead>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("resultsDay")}</TableHead>
            <TableHead>{t("restrictedRelease")}</TableHead>
            <TableHead>{t("release")}</TableHead>
            <TableHead>{t("entryDeadline")}</TableHead>
            <TableHead>{t("entries")}</TableHead>
            <TableHead>{t("results")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {series.map((s) => (
            <TableRow key={s.id}>
              <TableCell>
                <Link href={`/board/series/${s.id}`} className="font-semibold underline">
                  {s.code}
                </Link>
              </TableCell>
              <TableCell>{localized(s, locale)}</TableCell>
              <TableCell>{formatDate(calendarDateString(s.resultsDay), "date", locale)}</TableCell>
              <TableCell>{formatDate(s.restrictedReleaseAt, "stamp", locale)}</TableCell>
              <TableCell>{formatDate(s.releaseAt, "stamp", locale)}</TableCell>
              <TableCell>{formatDate(s.entryDeadline, "stamp", locale)}</TableCell>
              <TableCell>{number.format(s.entries)}</TableCell>
              <TableCell>{number.format(s.results)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
