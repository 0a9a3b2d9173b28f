import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { moderationSheet } from "@/lib/data/marks/moderation";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { signed, type ShownMark } from "@/lib/marks/moderation-review";
import { REPORT_SECTIONS } from "@/lib/marks/moderation-report";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ReportForm } from "../../../_components/report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("reportTitle") };
}

/**
 * A sheet's differences, the adjustment they make, the whole cohort before and after it, and the
 * report: shown before the moderator confirms, read-only once submitted.
 */
export default async function ModerationReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ allocationId: string; sheetId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { allocationId, sheetId } = await params;
  const data = await must(moderationSheet(allocationId, sheetId));
  const done = (await searchParams).done === "submitted";
  const t = await getTranslations("moderation");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const { allocation, centre, review, report, canEdit, names, maxMark } = data;
  const mark = (m: ShownMark, none = t("noMark")) =>
    m === null ? none : m === "A" ? t("code_A") : m === "W" ? t("code_W") : String(m);
  const mean = review.compared
    ? t("meanOver", {
        mean: new Intl.NumberFormat(locale === "cy" ? "cy-GB" : "en-GB", { signDisplay: "exceptZero" }).format(
          review.meanDifference,
        ),
        count: review.compared,
      })
    : t("meanNone");
  const sheetPath = `/moderation/${allocation.id}/${data.sheet.id}`;
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href={sheetPath} className="underline">
          {t("sampleTitle")}
        </Link>
      </p>
      <PageHeader
        title={t("reportTitle")}
        lead={`${t("sheetTitle", { number: centre.number, name: localized(centre, locale) })} — ${allocation.label[locale]}`}
      />
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t("submitted")}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="differences-title" className="flex flex-col gap-4">
        <h2 id="differences-title" className="text-2xl font-bold">
          {t("differencesTitle")}
        </h2>
        <Table labelledBy="differences-caption">
          <TableCaption id="differences-caption" className="text-left font-semibold">
            {t("differencesCaption")}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colCandidateNumber")}</TableHead>
              <TableHead>{t("colCandidate")}</TableHead>
              <TableHead>{t("colCentreMark")}</TableHead>
              <TableHead>{t("colModerated")}</TableHead>
              <TableHead>{t("colDifference")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {review.sample.map((l) => (
              <TableRow key={l.entryId}>
                <TableCell>{names[l.entryId]?.number}</TableCell>
                <TableCell>{names[l.entryId]?.name}</TableCell>
                <TableCell>{mark(l.centre)}</TableCell>
                <TableCell>{mark(l.moderated, t("notMarked"))}</TableCell>
                <TableCell>{l.difference === null ? "—" : signed(l.difference)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2" data-testid="moderation-figures">
          <dt className="font-semibold">{t("meanDifference")}</dt>
          <dd>{mean}</dd>
          <dt className="font-semibold">{t("tolerance")}</dt>
          <dd>{t("toleranceMarks", { tolerance: review.tolerance })}</dd>
          <dt className="font-semibold">{t("adjustment")}</dt>
          <dd>{t("adjustmentMarks", { adjustment: signed(review.adjustment) })}</dd>
        </dl>
        <p className="font-semibold" data-testid="moderation-outcome">
          {review.adjustment === 0
            ? t("withinTolerance")
            : t("beyondTolerance", { adjustment: signed(review.adjustment), max: maxMark })}
        </p>
        {canEdit ? <p>{t("provisional")}</p> : null}
      </section>
      <section aria-labelledby="cohort-title" className="flex flex-col gap-4">
        <h2 id="cohort-title" className="text-2xl font-bold">
          {t("cohortTitle")}
        </h2>
        <Table labelledBy="cohort-caption">
          <TableCaption id="cohort-caption" className="text-left font-semibold">
            {t("cohortCaption")}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colCandidateNumber")}</TableHead>
              <TableHead>{t("colCandidate")}</TableHead>
              <TableHead>{t("colBefore")}</TableHead>
              <TableHead>{t("colAfter")}</TableHead>
              <TableHead>{t("colSampled")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {review.cohort.map((l) => (
              <TableRow key={l.entryId}>
                <TableCell>{names[l.entryId]?.number}</TableCell>
                <TableCell>{names[l.entryId]?.name}</TableCell>
                <TableCell>{mark(l.before)}</TableCell>
                <TableCell className={l.after !== l.before ? "font-semibold" : undefined}>{mark(l.after)}</TableCell>
                <TableCell>{l.sampled ? t("yes") : t("no")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="report-title" className="flex flex-col gap-4">
        <h2 id="report-title" className="text-2xl font-bold">
          {canEdit ? t("reportFormTitle") : t("yourReport")}
        </h2>
        {canEdit ? (
          <>
            <p className="max-w-prose">{t("reportIntro")}</p>
            <ReportForm
              allocationId={allocation.id}
              sheetId={data.sheet.id}
              initial={{
                ...Object.fromEntries(REPORT_SECTIONS.map((k) => [`section_${k}`, report?.sections[k] ?? ""])),
                comments: report?.comments ?? "",
              }}
              adjustment={review.adjustment}
              adjustmentText={signed(review.adjustment)}
              remaining={review.remaining}
            />
          </>
        ) : (
          <>
            {REPORT_SECTIONS.map((k) => (
              <div key={k} className="flex flex-col gap-1">
                <h3 className="text-xl font-semibold">{t(`section_${k}`)}</h3>
                <p className="max-w-prose whitespace-pre-line">{report?.sections[k] || "—"}</p>
              </div>
            ))}
            {report?.comments ? (
              <div className="flex flex-col gap-1">
                <h3 className="text-xl font-semibold">{t("comments")}</h3>
                <p className="max-w-prose whitespace-pre-line">{report.comments}</p>
              </div>
            ) : null}
            {report?.submittedAt ? (
              <p>{t("submittedOn", { at: formatDate(report.submittedAt, "when", locale) })}</p>
            ) : null}
            <p>
              {report?.releasedAt && data.reportState === "released"
                ? t("releasedOn", { at: formatDate(report.releasedAt, "when", locale) })
                : t("notReleased")}
            </p>
          </>
        )}
      </section>
    </div>
  );
}
