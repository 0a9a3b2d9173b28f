import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { resultsAnalysis } from "@/lib/data/results/analysis";
import { localized } from "@/lib/i18n/localized";
import { must } from "@/lib/http/page";
import { resultsContext, type SearchParams } from "../_components/context";
import { GradeChart } from "../_components/grade-chart";
import { ResultsShell } from "../_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.analysis"))("title") };
}

export default async function ResultsAnalysisPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await resultsContext(await searchParams);
  const t = await getTranslations("results.analysis");
  return (
    <ResultsShell ctx={ctx} title={t("title")} path="/results/analysis">
      {async (series) => {
        const { specs } = await must(resultsAnalysis(series.id));
        if (specs.length === 0) return <p>{t("none")}</p>;
        const format = await getFormatter();
        const pct = (n: number) => format.number(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
        return (
          <>
            <p>{t("intro")}</p>
            {specs.map((s) => {
              const name = `${s.code} ${localized(s, ctx.locale, "title")} (${localized(s, ctx.locale, "qualificationName")})`;
              const id = `analysis-${s.code}`;
              return (
                <section key={s.code} aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
                  <h2 id={`${id}-heading`} className="text-2xl font-bold">
                    {name}
                  </h2>
                  <GradeChart
                    id={`${id}-chart`}
                    spec={s}
                    title={t("chartTitle", { specification: name })}
                    desc={t("chartDesc")}
                    centreLabel={t("centreSeries")}
                    boardLabel={t("boardSeries")}
                  />
                  <Table labelledBy={`${id}-caption`}>
                    <TableCaption id={`${id}-caption`}>
                      {t("caption", { specification: name, count: s.centreTotal })}
                    </TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("grade")}</TableHead>
                        <TableHead>{t("count")}</TableHead>
                        <TableHead>{t("percent")}</TableHead>
                        <TableHead>{t("cumulative")}</TableHead>
                        <TableHead>{t("boardCumulative")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {s.grades.map((g) => (
                        <TableRow key={g.grade}>
                          <TableHead scope="row">{g.grade}</TableHead>
                          <TableCell>{g.count}</TableCell>
                          <TableCell>{pct(g.percent)}</TableCell>
                          <TableCell>{pct(g.cumulativePercent)}</TableCell>
                          <TableCell>{pct(g.boardCumulativePercent)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </section>
              );
            })}
          </>
        );
      }}
    </ResultsShell>
  );
}
