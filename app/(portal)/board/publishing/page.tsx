import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { publishingOverview } from "@/lib/data/board/publishing";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { RESULTS_IMPORT_HEADER, RESULTS_IMPORT_MAX_BYTES } from "@/lib/board/results-import";
import { FormErrorSummary } from "@/components/forms/field";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ImportStatus } from "./_components/import-status";
import { AutoRefresh } from "./_components/publishing-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publishing"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 100) : "");

export default async function PublishingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("BOARD_STAFF");
  const sp = await searchParams;
  const { allSeries, series, results, boundaries, jobs } = await must(publishingOverview(seriesParam(sp)));
  const t = await getTranslations("publishing");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;

  const asked = one(sp.job);
  const latest = jobs.find((j) => j.id === asked) ?? jobs[0] ?? null;
  const errorKey = one(sp.error);
  const uploadError = errorKey ? (te.has(errorKey as never) ? te(errorKey as never) : te("generic")) : null;
  const running = jobs.some((j) => j.running);
  const self = series ? `/board/publishing?series=${encodeURIComponent(series.code)}` : "/board/publishing";

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} lead={t("intro")} />
      <SeriesPicker
        action="/board/publishing"
        series={allSeries}
        selected={series?.code}
        locale={locale}
        label={t("seriesLabel")}
        submit={t("show")}
      />
      {!series ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
            <h2 id="summary-heading" className="text-2xl font-semibold">
              {t("summaryCaption", { series: localized(series, locale) })}
            </h2>
            <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
              <dt className="font-semibold">{t("resultsDay")}</dt>
              <dd>{formatDate(series.resultsDay, "birth", locale)}</dd>
              <dt className="font-semibold">{t("restrictedRelease")}</dt>
              <dd>{formatDate(series.restrictedReleaseAt, "when", locale)}</dd>
              <dt className="font-semibold">{t("release")}</dt>
              <dd>{formatDate(series.releaseAt, "when", locale)}</dd>
              <dt className="font-semibold">{t("loaded")}</dt>
              <dd>{results.toLocaleString(locale === "cy" ? "cy-GB" : "en-GB")}</dd>
              <dt className="font-semibold">{t("boundariesLoaded")}</dt>
              <dd>{boundaries.toLocaleString(locale === "cy" ? "cy-GB" : "en-GB")}</dd>
            </dl>
            <p className="max-w-prose">{t("embargoNote")}</p>
          </section>

          {latest ? (
            <section aria-labelledby="latest-heading" className="flex flex-col gap-3">
              <h2 id="latest-heading" className="text-2xl font-semibold">
                {t("latest")}: {latest.fileName || latest.id}{" "}
                <Badge variant="outline">{t(`status.${latest.status}`)}</Badge>
              </h2>
              <ImportStatus job={latest} series={series} locale={locale} />
              {latest.running ? (
                <p>
                  <Link href={`${self}&job=${latest.id}`} className="underline">
                    {t("refresh")}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
          <AutoRefresh active={running} />

          <section aria-labelledby="upload-heading" className="flex max-w-2xl flex-col gap-4">
            <h2 id="upload-heading" className="text-2xl font-semibold">
              {t("uploadHeading")}
            </h2>
            {uploadError ? (
              <FormErrorSummary
                title={(await getTranslations("common"))("errorSummaryTitle")}
                errors={[{ message: uploadError, fieldId: "file" }]}
              />
            ) : null}
            <form
              method="post"
              action={`/api/board/results-imports?series=${encodeURIComponent(series.code)}`}
              encType="multipart/form-data"
              className="flex flex-col gap-3"
            >
              <input type="hidden" name="series" value={series.code} />
              <Label htmlFor="file">{t("fileLabel")}</Label>
              <p id="file-hint" className="text-muted-foreground">
                {t("fileHint", { size: RESULTS_IMPORT_MAX_BYTES / 1024 / 1024 })}
              </p>
              {uploadError ? (
                <p id="file-error" className="font-semibold text-destructive">
                  <span className="sr-only">{(await getTranslations("common"))("errorPrefix")} </span>
                  {uploadError}
                </p>
              ) : null}
              <input
                id="file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                aria-describedby={uploadError ? "file-hint file-error" : "file-hint"}
                aria-invalid={uploadError ? true : undefined}
                className="rounded-md border border-input bg-background p-2 file:mr-4 file:rounded file:border-0 file:bg-secondary file:px-3 file:py-1"
              />
              <Button type="submit" className="self-start">
                {t("upload")}
              </Button>
            </form>
            <details className="rounded-md border border-border p-4">
              <summary className="cursor-pointer font-semibold">{t("formatHeading")}</summary>
              <div className="mt-3 flex flex-col gap-3">
                <p>{t("formatIntro")}</p>
                <pre className="overflow-x-auto rounded bg-muted p-2 text-sm">{RESULTS_IMPORT_HEADER.join(",")}</pre>
                <Table labelledBy="format-caption">
                  <TableCaption id="format-caption" className="sr-only">
                    {t("formatHeading")}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("formatColumn")}</TableHead>
                      <TableHead>{t("formatUse")}</TableHead>
                      <TableHead>{t("formatMeaning")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {RESULTS_IMPORT_HEADER.map((column) => (
                      <TableRow key={column}>
                        <TableCell>
                          <code>{column}</code>
                        </TableCell>
                        <TableCell>{t(`formatUsedBy.${column}`)}</TableCell>
                        <TableCell>{t(`format.${column}`)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </details>
          </section>

          <section aria-labelledby="history-heading" className="flex flex-col gap-3">
            <h2 id="history-heading" className="text-2xl font-semibold">
              {t("history")}
            </h2>
            {jobs.length === 0 ? (
              <Alert variant="info">
                <AlertDescription>{t("noImports")}</AlertDescription>
              </Alert>
            ) : (
              <Table labelledBy="history-caption">
                <TableCaption id="history-caption" className="text-left font-semibold">
                  {t("historyCaption", { count: jobs.length })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("file")}</TableHead>
                    <TableHead>{t("uploadedAt")}</TableHead>
                    <TableHead>{t("uploadedBy")}</TableHead>
                    <TableHead>{t("statusLabel")}</TableHead>
                    <TableHead className="text-right">{t("rows")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {jobs.map((j) => (
                    <TableRow key={j.id}>
                      <TableCell>
                        <Link href={`${self}&job=${j.id}`} className="underline">
                          {j.fileName || j.id}
                        </Link>
                      </TableCell>
                      <TableCell>{formatDate(j.createdAt, "stamp", locale)}</TableCell>
                      <TableCell>{j.createdBy}</TableCell>
                      <TableCell>{t(`status.${j.status}`)}</TableCell>
                      <TableCell className="text-right">{j.totalRows}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
