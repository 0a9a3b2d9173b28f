import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DownloadLink } from "@/components/page/download-link";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listScriptCandidates, scriptSeries } from "@/lib/data/post-results/scripts";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("postResults"))("scriptsTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScriptsPage({ searchParams }: Props) {
  const { series, at } = await must(scriptSeries());
  const params = await searchParams;
  const t = await getTranslations("postResults");
  const format = await getFormatter();
  const locale = await getLocale();

  const code = seriesParam(params);
  const selected = series.find((s) => s.code === code) ?? series.find((s) => s.visible) ?? series[0];
  const candidates = selected?.visible ? (await must(listScriptCandidates(selected.id))).candidates : [];
  const seriesName = selected ? localized(selected, locale) : "";

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("scriptsTitle")} lead={t("scriptsIntro")} />
      {!selected ? (
        <p>{t("noScripts")}</p>
      ) : (
        <>
          {series.length > 1 ? (
            <SeriesPicker
              action="/post-results/scripts"
              series={series}
              selected={selected.code}
              locale={locale}
              label={t("seriesLabel")}
              submit={t("show")}
            />
          ) : null}
          {!selected.visible ? (
            <Alert variant="info">
              <AlertDescription>
                {selected.releaseAt
                  ? t("scriptsNotYetReleased", {
                      series: seriesName,
                      at: formatDate(selected.releaseAt, "when", locale),
                      countdown: format.relativeTime(selected.releaseAt, at),
                    })
                  : t("neverReleased", { series: seriesName })}
              </AlertDescription>
            </Alert>
          ) : candidates.length === 0 ? (
            <p>{t("noConsentingCandidates", { series: seriesName })}</p>
          ) : (
            <Table labelledBy="scripts-caption">
              <TableCaption id="scripts-caption">
                {t("scriptsCaption", { series: seriesName, count: candidates.length })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("colCandidateNumber")}</TableHead>
                  <TableHead>{t("colName")}</TableHead>
                  <TableHead>{t("colUci")}</TableHead>
                  <TableHead>{t("colScripts")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {candidates.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>{c.candidateNumber}</TableCell>
                    <TableCell>
                      {c.firstName} {c.lastName}
                    </TableCell>
                    <TableCell className="font-mono">{c.uci}</TableCell>
                    <TableCell>
                      <ul className="flex flex-col gap-1">
                        {c.scripts.map((s) => (
                          <li key={s.id}>
                            <DownloadLink href={`/api/files/scripts/${s.id}`}>
                              {t("downloadScript", {
                                component: `${s.component.code} ${localized(s.component, locale, "title")}`,
                              })}
                              <span className="sr-only">
                                {" "}
                                {t("forCandidate", { candidate: `${c.candidateNumber} ${c.firstName} ${c.lastName}` })}
                              </span>
                            </DownloadLink>{" "}
                            <span className="text-muted-foreground">
                              {t("markOf", { mark: s.mark, max: s.maxMark })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </TableCell>
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
