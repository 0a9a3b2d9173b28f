import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getModeratorReport } from "@/lib/data/marks/iamis-reports";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import type { MarkValue } from "@/lib/marks/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis.reports"))("reportTitle") };
}

export default async function ModeratorReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const { report } = await must(getModeratorReport(reportId));
  const t = await getTranslations("iamis.reports");
  const tm = await getTranslations("marks");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const component = `${report.componentCode} ${localized(report, locale, "title")}`;
  const show = (v: MarkValue | null) => (!v ? "–" : v.code ? tm(`codes.${v.code}`) : (v.total ?? "–"));
  const heading = (key: string) => (t.has(`section.${key}` as never) ? t(`section.${key}` as never) : key);

  return (
    <div className="flex flex-col gap-6">
      <Link href="/moderator-reports" className="text-link underline">
        {t("back")}
      </Link>
      <PageHeader
        title={t("reportHeading", { component })}
        lead={t("reportLead", {
          series: localized(report.series, locale),
          at: formatDate(report.releasedAt, "stamp", locale),
        })}
      />
      {report.sections.map((s) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`} className="flex max-w-prose flex-col gap-2">
          <h2 id={`section-${s.key}`} className="text-xl font-bold">
            {heading(s.key)}
          </h2>
          <p className="whitespace-pre-line">{s.text}</p>
        </section>
      ))}
      {report.comments ? (
        <section aria-labelledby="section-comments" className="flex max-w-prose flex-col gap-2">
          <h2 id="section-comments" className="text-xl font-bold">
            {t("comments")}
          </h2>
          <p className="whitespace-pre-line">{report.comments}</p>
        </section>
      ) : null}
      <section aria-labelledby="adjustment-title" className="flex flex-col gap-3">
        <h2 id="adjustment-title" className="text-xl font-bold">
          {t("adjustmentTitle")}
        </h2>
        <p className="max-w-prose">
          {report.adjustment === 0
            ? t("adjustmentNone", { mean: report.meanDifference })
            : t("adjustmentApplied", { mean: report.meanDifference, n: report.adjustment })}
        </p>
        <Table labelledBy="marks-caption">
          <TableCaption id="marks-caption" className="text-left font-semibold">
            {t("marksCaption", { count: report.candidates.length })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("candidateNumber")}</TableHead>
              <TableHead>{t("candidate")}</TableHead>
              <TableHead>{t("before", { max: report.maxMark })}</TableHead>
              <TableHead>{t("moderated")}</TableHead>
              <TableHead>{t("after", { max: report.maxMark })}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.candidates.map((c) => (
              <TableRow key={c.candidateNumber}>
                <TableCell>{c.candidateNumber}</TableCell>
                <TableCell>{c.name}</TableCell>
                <TableCell>{show(c.centre)}</TableCell>
                <TableCell>{c.sampled ? (c.moderated ?? t("notMarked")) : t("notSampled")}</TableCell>
                <TableCell>{c.after ?? show(c.centre)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
