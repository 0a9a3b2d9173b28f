import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listSheets } from "@/lib/data/marks/iamis-sheets";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE_VARIANT = {
  notStarted: "secondary",
  inProgress: "warning",
  submitted: "success",
  moderated: "success",
} as const;

export default async function IamisPage({ searchParams }: Props) {
  const { series, selected, sheets } = await must(listSheets(seriesParam(await searchParams)));
  const t = await getTranslations("iamis");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <p>
        <Link href="/moderator-reports" className="text-link underline">
          {t("reportsLink")}
        </Link>
      </p>
      {!selected ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <SeriesPicker
            action="/iamis"
            series={series}
            selected={selected.code}
            locale={locale}
            label={t("seriesLabel")}
            submit={t("show")}
          />
          {sheets.length === 0 ? (
            <p>{t("noSheets", { series: localized(selected, locale) })}</p>
          ) : (
            <Table labelledBy="sheets-caption">
              <TableCaption id="sheets-caption" className="text-left font-semibold">
                {t("caption", { series: localized(selected, locale), count: sheets.length })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("colComponent")}</TableHead>
                  <TableHead>{t("colSpecification")}</TableHead>
                  <TableHead>{t("colDeadline")}</TableHead>
                  <TableHead>{t("colStatus")}</TableHead>
                  <TableHead>{t("colEntered")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sheets.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>
                      <Link href={`/iamis/${s.id}`} className="font-semibold underline">
                        {`${s.componentCode} ${localized(s, locale, "title")}`}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {s.specCode} {locale === "cy" && s.specTitleCy ? s.specTitleCy : s.specTitleEn}
                    </TableCell>
                    <TableCell>{s.deadline ? formatDate(s.deadline, "stamp", locale) : t("noDeadline")}</TableCell>
                    <TableCell>
                      <span className="flex flex-wrap gap-2">
                        <Badge variant={STATE_VARIANT[s.state]}>{t(`state.${s.state}`)}</Badge>
                        {s.late ? <Badge variant="destructive">{t("late")}</Badge> : null}
                      </span>
                    </TableCell>
                    <TableCell>{t("enteredOf", { entered: s.entered, total: s.total })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
