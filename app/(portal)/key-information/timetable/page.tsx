import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { now } from "@/lib/clock";
import { requireRole } from "@/lib/auth/session";
import { examTimetable } from "@/lib/data/resources/timetable";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timetable"))("title") };
}

/** Any centre account (the tile's roles in lib/services/catalogue.ts). */
export default async function TimetablePage({ searchParams }: Props) {
  const session = await requireRole("EXAMS_OFFICER", "ADMIN", "USER");
  const raw = (await searchParams).series;
  const seriesCode = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 20);
  const result = await examTimetable(session, seriesCode, now());
  if (!result.ok) redirect("/no-access");
  const t = await getTranslations("timetable");
  const format = await getFormatter();
  const cy = (await getLocale()) === "cy";
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  // A London calendar date "YYYY-MM-DD" → noon UTC that day, which is the same date in London.
  const dayName = (date: string) =>
    format.dateTime(new Date(`${date}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      {result.choices.length === 0 || !result.series ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <form method="get" action="/key-information/timetable" className="flex flex-wrap items-end gap-3">
            <div className="flex min-w-60 flex-col gap-1">
              <Label htmlFor="series">{t("seriesLabel")}</Label>
              <Select id="series" name="series" defaultValue={result.series.code}>
                {result.choices.map((s) => (
                  <option key={s.code} value={s.code}>
                    {cy ? s.nameCy : s.nameEn}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit">{t("show")}</Button>
          </form>
          <h2 className="text-2xl font-bold">{cy ? result.series.nameCy : result.series.nameEn}</h2>
          {result.days.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            result.days.map((day) => (
              <Table key={day.date} labelledBy={`day-${day.date}`}>
                <TableCaption id={`day-${day.date}`} className="text-lg">
                  {t("dayCaption", { day: dayName(day.date) })}
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
                        <TableCell>{cy ? exam.titleCy : exam.titleEn}</TableCell>
                        <TableCell>
                          {cy ? exam.specification.qualification.nameCy : exam.specification.qualification.nameEn}{" "}
                          {cy ? exam.specification.titleCy : exam.specification.titleEn} ({exam.specification.code})
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
