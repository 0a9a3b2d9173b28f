import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/config";
import type { ImportJobView, PublishingSeries } from "@/lib/data/board/publishing";
import { ROW_ERRORS } from "@/lib/board/results-import";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LoadResultsForm } from "./publishing-forms";

// One import as the publishing page shows it: checking → has errors / ready (the preview and
// "Load N results") → loading (a progress bar) → loaded / failed.

export async function ImportStatus({
  job,
  series,
  locale,
}: {
  job: ImportJobView;
  series: PublishingSeries;
  locale: Locale;
}) {
  const t = await getTranslations("publishing");
  const report = job.report;
  const counts = report?.counts;

  if (job.status === "validating")
    return (
      <Alert variant="info" live>
        <AlertTitle>{t("status.validating")}</AlertTitle>
        <AlertDescription>
          <p>{t("validating", { processed: job.processedRows })}</p>
          <p>{t("waiting")}</p>
        </AlertDescription>
      </Alert>
    );

  if (job.status === "loading") {
    const total = Math.max(job.totalRows, 1);
    const processed = Math.min(job.processedRows, total);
    const percent = Math.round((processed / total) * 100);
    return (
      <section aria-labelledby="loading-heading" className="flex flex-col gap-3">
        <h3 id="loading-heading" className="text-xl font-semibold">
          {t("loadingHeading")}
        </h3>
        <p id="progress-label">{t("progressLabel")}</p>
        <div
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={processed}
          aria-valuetext={t("progressText", { processed, total: job.totalRows })}
          className="h-4 w-full max-w-xl overflow-hidden rounded-full border border-border bg-muted"
        >
          <div className="h-full bg-primary" style={{ width: `${percent}%` }} />
        </div>
        <p>{t("progressText", { processed, total: job.totalRows })}</p>
        <p>{t("loadingNote")}</p>
        <p>{t("waiting")}</p>
      </section>
    );
  }

  if (job.status === "ready" && counts)
    return (
      <Alert variant="success">
        <AlertTitle>{t("readyHeading")}</AlertTitle>
        <AlertDescription className="flex flex-col gap-3">
          <p>{t("readyLead", { existing: report.existingResults })}</p>
          <ul className="list-disc pl-6">
            <li>{t("countResults", { count: counts.results })}</li>
            <li>{t("countComponents", { count: counts.components })}</li>
            <li>{t("countBoundaries", { count: counts.boundaries })}</li>
            <li>{t("countCentres", { count: counts.centres })}</li>
          </ul>
          <p>{t("embargoNote")}</p>
          <LoadResultsForm importJobId={job.id} count={counts.results} />
        </AlertDescription>
      </Alert>
    );

  if (job.status === "done" && counts)
    return (
      <Alert variant="success">
        <AlertTitle>{t("doneHeading")}</AlertTitle>
        <AlertDescription>
          <p>
            {t("doneLead", {
              results: counts.results,
              components: counts.components,
              boundaries: counts.boundaries,
              at: formatDate(job.finishedAt ?? job.createdAt, "stamp", locale),
            })}
          </p>
          <p>
            {t("doneEmbargo", {
              restricted: formatDate(series.restrictedReleaseAt, "when", locale),
              release: formatDate(series.releaseAt, "when", locale),
            })}
          </p>
        </AlertDescription>
      </Alert>
    );

  // "invalid" or "failed": what is wrong, and that nothing changed.
  const failed = job.status === "failed";
  return (
    <div className="flex flex-col gap-4">
      <Alert variant="destructive">
        <AlertTitle>{t(failed ? "failedHeading" : "invalidHeading")}</AlertTitle>
        <AlertDescription>
          {report?.failure === "rowsChanged" ? <p>{t("failureRowsChanged")}</p> : null}
          {report?.failure === "loadFailed" ? <p>{t("failureLoadFailed")}</p> : null}
          {report?.fileError ? <p>{t(`fileError.${report.fileError}`, { line: report.line ?? 1 })}</p> : null}
          {report && report.rowsWithErrors > 0 ? <p>{t("invalidLead", { rows: report.rowsWithErrors })}</p> : null}
        </AlertDescription>
      </Alert>
      {report && report.rowsWithErrors > 0 ? (
        <>
          <Table labelledBy="error-counts-caption" className="max-w-2xl">
            <TableCaption id="error-counts-caption" className="text-left font-semibold">
              {t("errorCountsCaption")}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("errorKind")}</TableHead>
                <TableHead className="text-right">{t("errorCount")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ROW_ERRORS.filter((e) => report.errorCounts[e]).map((e) => (
                <TableRow key={e}>
                  <TableCell>{t(`rowErrors.${e}`)}</TableCell>
                  <TableCell className="text-right">{report.errorCounts[e]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Table labelledBy="problems-caption">
            <TableCaption id="problems-caption" className="text-left font-semibold">
              {t("problemsCaption", { count: report.problems.length })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("line")}</TableHead>
                <TableHead>{t("field")}</TableHead>
                <TableHead>{t("problem")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.problems.map((p, i) => (
                <TableRow key={`${p.line}-${p.field}-${p.error}-${i}`}>
                  <TableCell>{p.line}</TableCell>
                  <TableCell>
                    <code>{p.field}</code>
                  </TableCell>
                  <TableCell>{t(`rowErrors.${p.error}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </div>
  );
}
