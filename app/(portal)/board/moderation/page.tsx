import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { boardModeration } from "@/lib/data/board/moderation";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { signed } from "@/lib/marks/moderation-review";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ReleaseForm } from "./_components/moderation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardModeration"))("title") };
}

const DONE = ["released", "unlocked"] as const;

/** Board staff: per series and internally assessed component, the centres' sheets, samples and reports. */
export default async function BoardModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("BOARD_STAFF");
  const sp = await searchParams;
  const code = seriesParam(sp);
  const { series, seriesChoices, components } = await must(boardModeration(code || undefined));
  const done = DONE.find((d) => d === sp.done);
  const t = await getTranslations("boardModeration");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} lead={t("intro")} />
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done_${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      <SeriesPicker
        action="/board/moderation"
        series={seriesChoices}
        selected={series?.code}
        locale={locale}
        label={t("seriesLabel")}
        submit={t("seriesSubmit")}
      />
      {!series || components.length === 0 ? <p>{t("noComponents")}</p> : null}
      {series
        ? components.map((c) => (
            <section key={c.id} aria-labelledby={`component-${c.id}`} className="flex flex-col gap-4">
              <h2 id={`component-${c.id}`} className="text-2xl font-bold">
                {t("componentTitle", { code: c.code, title: localized(c, locale, "title") })}
              </h2>
              <p>
                {c.tolerance === null
                  ? t("toleranceDefault", { tolerance: c.defaultTolerance })
                  : t("toleranceSet", { tolerance: c.tolerance })}{" "}
                <Link href={`/board/series/${series.id}#components`} className="underline">
                  {t("changeTolerance")}
                </Link>
              </p>
              {c.sheets.length === 0 ? (
                <p>{t("noSheets")}</p>
              ) : (
                <Table labelledBy={`caption-${c.id}`}>
                  <TableCaption id={`caption-${c.id}`} className="text-left font-semibold">
                    {t("caption", { code: c.code })}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("colCentre")}</TableHead>
                      <TableHead>{t("colStatus")}</TableHead>
                      <TableHead>{t("colSubmitted")}</TableHead>
                      <TableHead>{t("colSample")}</TableHead>
                      <TableHead>{t("colReport")}</TableHead>
                      <TableHead>{t("colAdjustment")}</TableHead>
                      <TableHead>{t("colAction")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {c.sheets.map((s) => (
                      <TableRow key={s.id}>
                        <TableCell>
                          <span className="font-semibold">{s.centre.number}</span> {localized(s.centre, locale)}
                        </TableCell>
                        <TableCell>{t(`status_${s.status}`)}</TableCell>
                        <TableCell>
                          {s.submittedAt ? formatDate(s.submittedAt, "short", locale) : "—"}
                          {s.late ? ` (${t("late")})` : ""}
                        </TableCell>
                        <TableCell>{s.status === "OPEN" ? "—" : s.sampleSize}</TableCell>
                        <TableCell>{t(`report_${s.report}`)}</TableCell>
                        <TableCell>{s.adjustment === null ? "—" : signed(s.adjustment)}</TableCell>
                        <TableCell>
                          {s.canUnlock ? (
                            <Link
                              href={`/board/moderation/${s.id}/unlock`}
                              className="font-semibold underline"
                              aria-label={t("unlockLabel", { number: s.centre.number, code: c.code })}
                            >
                              {t("unlock")}
                            </Link>
                          ) : null}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {c.releasable > 0 ? (
                <ReleaseForm seriesId={series.id} componentId={c.id} code={c.code} count={c.releasable} />
              ) : (
                <p>{t("nothingToRelease")}</p>
              )}
            </section>
          ))
        : null}
    </div>
  );
}
