import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { moderationOverview } from "@/lib/data/marks/moderation";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

/** Moderator mark input: one row per allocated component, for the moderator or one they lead. */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const as = typeof sp.as === "string" ? sp.as : undefined;
  const code = seriesParam(sp);
  const {
    series,
    seriesChoices,
    self,
    team,
    rows,
    as: workingAs,
  } = await must(moderationOverview({ series: code || undefined, as }));
  const t = await getTranslations("moderation");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const leading = team.find((m) => m.id === workingAs);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      {seriesChoices.length > 1 ? (
        <SeriesPicker
          action="/moderation"
          series={seriesChoices}
          selected={series?.code}
          locale={locale}
          label={t("seriesLabel")}
          submit={t("seriesSubmit")}
          keep={leading ? { as: leading.id } : {}}
        />
      ) : null}
      {series && team.length ? (
        <form method="get" action="/moderation" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="series" value={series.code} />
          <div className="flex flex-col gap-1">
            <Label htmlFor="work-as">{t("workAsLabel")}</Label>
            <Select id="work-as" name="as" defaultValue={workingAs} wrapperClassName="w-80">
              <option value={self.id}>{t("workAsSelf", { name: self.name || self.email })}</option>
              {team.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name || m.email}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            {t("workAsSubmit")}
          </Button>
        </form>
      ) : null}
      {leading ? (
        <Alert variant="info">
          <AlertDescription>{t("workingAs", { name: leading.name || leading.email })}</AlertDescription>
        </Alert>
      ) : null}
      {!series ? (
        <p>{t("noWork")}</p>
      ) : rows.length === 0 ? (
        <p>{t("noAllocations")}</p>
      ) : (
        <Table labelledBy="components-caption">
          <TableCaption id="components-caption" className="text-left font-semibold">
            {t("componentsCaption")} — {localized(series, locale)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colComponent")}</TableHead>
              <TableHead>{t("colCentres")}</TableHead>
              <TableHead>{t("colSample")}</TableHead>
              <TableHead>{t("colReports")}</TableHead>
              <TableHead>{t("colAction")}</TableHead>
              <TableHead>{t("colEntered")}</TableHead>
              <TableHead>{t("colCfAbs")}</TableHead>
              <TableHead>{t("colNewMarks")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.allocationId}>
                <TableCell className="font-semibold">{r.label[locale]}</TableCell>
                <TableCell>{r.totals.centres}</TableCell>
                <TableCell>{r.totals.sampleCandidates}</TableCell>
                <TableCell>{r.totals.reportsCompleted}</TableCell>
                <TableCell>
                  <Link href={`/moderation/${r.allocationId}`} className="font-semibold underline">
                    {t("reviewMarks", { count: r.totals.remaining })}
                    <span className="sr-only"> — {r.label[locale]}</span>
                  </Link>
                </TableCell>
                <TableCell>{r.totals.entered}</TableCell>
                <TableCell>{r.totals.cfAbs}</TableCell>
                <TableCell>{r.totals.newMarks}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
