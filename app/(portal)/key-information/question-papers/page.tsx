import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/session";
import { todaysQuestionPapers } from "@/lib/data/resources/question-papers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questionPapers"))("title") };
}

/** EO/Admins only (PRODUCT.md §Permissions); before a paper's release time it is listed, not linked. */
export default async function QuestionPapersPage() {
  const session = await requirePermission("question_papers");
  const result = await todaysQuestionPapers(session, now());
  if (!result.ok) redirect("/no-access");
  const t = await getTranslations("questionPapers");
  const format = await getFormatter();
  const cy = (await getLocale()) === "cy";
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = format.dateTime(result.day, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <Alert variant="warning">
        <p>{t("confidential")}</p>
      </Alert>
      {result.papers.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="papers-caption">
          <TableCaption id="papers-caption">{t("caption", { day })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colComponent")}</TableHead>
              <TableHead>{t("colSpecification")}</TableHead>
              <TableHead>{t("colExam")}</TableHead>
              <TableHead>{t("colRelease")}</TableHead>
              <TableHead>{t("colDownload")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.papers.map((p) => (
              <TableRow key={p.id}>
                <TableHead scope="row">
                  {p.component.code} {cy ? p.component.titleCy : p.component.titleEn}
                </TableHead>
                <TableCell>
                  {cy ? p.specification.qualification.nameCy : p.specification.qualification.nameEn}{" "}
                  {cy ? p.specification.titleCy : p.specification.titleEn} ({p.specification.code})
                </TableCell>
                <TableCell>{p.component.examAt ? time(p.component.examAt) : "–"}</TableCell>
                <TableCell>{time(p.availableAt)}</TableCell>
                <TableCell>
                  {p.available ? (
                    <a
                      href={`/api/files/question-papers/${encodeURIComponent(p.id)}`}
                      download
                      className="text-link underline underline-offset-4 hover:decoration-[3px]"
                    >
                      {t("download")}
                      <span className="sr-only"> {p.component.code}</span>
                    </a>
                  ) : (
                    t("notYet", { time: time(p.availableAt) })
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
