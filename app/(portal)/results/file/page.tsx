import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DownloadLink } from "@/components/page/download-link";
import { RESULTS_FILE_COLUMNS } from "@/lib/results/files";
import { localized } from "@/lib/i18n/localized";
import { resultsContext, type SearchParams } from "../_components/context";
import { ResultsShell } from "../_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.file"))("title") };
}

export default async function ResultsFilePage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await resultsContext(await searchParams);
  const t = await getTranslations("results.file");
  return (
    <ResultsShell ctx={ctx} title={t("title")} path="/results/file">
      {(series) => {
        return (
          <>
            <p>{t("intro")}</p>
            <p>
              <DownloadLink href={`/api/results/file?series=${encodeURIComponent(series.code)}`}>
                {t("download", { series: localized(series, ctx.locale) })}
              </DownloadLink>
            </p>
            <h2 className="text-2xl font-bold">{t("layoutTitle")}</h2>
            <Table labelledBy="layout-caption">
              <TableCaption id="layout-caption">{t("layoutCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("column")}</TableHead>
                  <TableHead>{t("header")}</TableHead>
                  <TableHead>{t("meaning")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {RESULTS_FILE_COLUMNS.map((c, i) => (
                  <TableRow key={c.key}>
                    <TableCell>{i + 1}</TableCell>
                    <TableCell>
                      <code>{c.header}</code>
                    </TableCell>
                    <TableCell>{t(`columns.${c.key}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <p>{t("safety")}</p>
          </>
        );
      }}
    </ResultsShell>
  );
}
