import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/page/download-link";
import { PageHeader } from "@/components/page/page-header";
import { Alert } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { todaysQuestionPapers } from "@/lib/data/resources/question-papers";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { questionPaperHref } from "@/lib/resources/areas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questionPapers"))("title") };
}

/** EO/Admins only (docs/product-rules.md ("Permissions")); before a paper's release time it is listed, not linked. */
export default async function QuestionPapersPage() {
  await requirePermission("question_papers");
  const result = await must(todaysQuestionPapers());
  const t = await getTranslations("questionPapers");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const time = (d: Date) => formatDate(d, "time", locale);
  const day = formatDate(result.day, "day", locale);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
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
                  {p.component.code} {localized(p.component, locale, "title")}
                </TableHead>
                <TableCell>
                  {`${localized(p.specification.qualification, locale)} ${localized(p.specification, locale, "title")} (${p.specification.code})`}
                </TableCell>
                <TableCell>{p.component.examAt ? time(p.component.examAt) : "–"}</TableCell>
                <TableCell>{time(p.availableAt)}</TableCell>
                <TableCell>
                  {p.available ? (
                    <DownloadLink href={questionPaperHref(p.id)}>
                      {t("download")}
                      <span className="sr-only"> {p.component.code}</span>
                    </DownloadLink>
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
