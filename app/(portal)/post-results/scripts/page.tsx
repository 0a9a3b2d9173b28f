import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/session";
import { listScriptCandidates, scriptSeries } from "@/lib/data/post-results/scripts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("postResults"))("scriptsTitle") };
}

type Props = { searchParams: Promise<{ series?: string }> };

export default async function ScriptsPage({ searchParams }: Props) {
  const session = await requirePermission("scripts");
  const at = now();
  const params = await searchParams;
  const t = await getTranslations("postResults");
  const format = await getFormatter();
  const cy = (await getLocale()) === "cy";

  const series = await scriptSeries(session, at);
  const selected = series.find((s) => s.id === params.series) ?? series.find((s) => s.visible) ?? series[0];
  const candidates = selected?.visible ? ((await listScriptCandidates(session, selected.id, at)) ?? []) : [];
  const seriesName = selected ? (cy ? selected.nameCy : selected.nameEn) : "";

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("scriptsTitle")}</h1>
      <p className="max-w-3xl">{t("scriptsIntro")}</p>
      {!selected ? (
        <p>{t("noScripts")}</p>
      ) : (
        <>
          {series.length > 1 ? (
            <form method="get" className="flex flex-wrap items-end gap-4" aria-label={t("filterLabel")}>
              <div className="flex flex-col gap-1">
                <Label htmlFor="series">{t("seriesLabel")}</Label>
                <Select id="series" name="series" defaultValue={selected.id} wrapperClassName="w-64">
                  {series.map((s) => (
                    <option key={s.id} value={s.id}>
                      {cy ? s.nameCy : s.nameEn}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                {t("show")}
              </Button>
            </form>
          ) : null}
          {!selected.visible ? (
            <Alert variant="info">
              <AlertDescription>
                {selected.releaseAt
                  ? t("scriptsNotYetReleased", {
                      series: seriesName,
                      at: format.dateTime(selected.releaseAt, { dateStyle: "long", timeStyle: "short" }),
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
                            <a href={`/api/files/scripts/${s.id}`} className="underline" download>
                              {t("downloadScript", {
                                component: `${s.component.code} ${cy ? s.component.titleCy : s.component.titleEn}`,
                              })}
                              <span className="sr-only">
                                {" "}
                                {t("forCandidate", { candidate: `${c.candidateNumber} ${c.firstName} ${c.lastName}` })}
                              </span>
                            </a>{" "}
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
