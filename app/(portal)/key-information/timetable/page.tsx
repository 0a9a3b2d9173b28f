import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireRole } from "@/lib/auth/session";
import { examTimetable } from "@/lib/data/resources/timetable";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("title") };
}

/** Any centre account (the tile's roles in lib/services/tiles.ts). */
export default async function TimetablePage({ searchParams }: Props) {
  await requireRole("EXAMS_OFFICER", "ADMIN", "USER");
  const result = await must(examTimetable(seriesParam(await searchParams) || undefined));
  const t = await getTranslations("timetable");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const time = (d: Date) => formatDate(d, "time", locale);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      {result.choices.length === 0 || !result.series ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <SeriesPicker
            action="/key-information/timetable"
            series={result.choices}
            selected={result.series.code}
            locale={locale}
            label={t("seriesLabel")}
            submit={t("show")}
          />
          <h2 className="text-2xl font-bold">{localized(result.series, locale)}</h2>
          {result.days.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            result.days.map((day) => (
              <Table key={day.date} labelledBy={`day-${day.date}`}>
                <TableCaption id={`day-${day.date}`} className="text-lg">
                  {t("dayCaption", { day: formatDate(day.date, "day", locale) })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("colSession")}</TableHead>
                    <TableHead>{t("colStart")}</TableHead>
                    <TableHead>{t("colComponent")}</TableHead>
                    <TableHead>{t("colPaper")}</TableHead>
                    <TableHead>{t("colSpecification")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {day.sessions.flatMap((slot) =>
                    slot.exams.map((exam) => (
                      <TableRow key={exam.componentCode}>
                        <TableCell>{t(slot.session)}</TableCell>
                        <TableCell>{time(exam.examAt)}</TableCell>
                        <TableHead scope="row">{exam.componentCode}</TableHead>
                        <TableCell>{localized(exam, locale, "title")}</TableCell>
                        <TableCell>
                          {localized(exam.specification.qualification, locale)}{" "}
                          {localized(exam.specification, locale, "title")} ({exam.specification.code})
                        </TableCell>
                      </TableRow>
                    )),
                  )}
                </TableBody>
              </Table>
            ))
          )}
        </>
      )}
    </div>
  );
}
