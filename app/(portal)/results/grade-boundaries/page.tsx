import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { gradeBoundaries } from "@/lib/data/results/boundaries";
import { compareGrades } from "@/lib/results/grades";
import { localized } from "@/lib/i18n/localized";
import { must } from "@/lib/http/page";
import { resultsContext, type SearchParams } from "../_components/context";
import { ResultsShell } from "../_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.boundaries"))("title") };
}

export default async function GradeBoundariesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await resultsContext(await searchParams);
  const t = await getTranslations("results.boundaries");
  return (
    <ResultsShell ctx={ctx} title={t("title")} path="/results/grade-boundaries">
      {async (series) => {
        const { specs } = await must(gradeBoundaries(series.id));
        if (specs.length === 0) return <p>{t("none")}</p>;
        return (
          <>
            <p>{t("intro")}</p>
            {specs.map((s) => {
              const grades = [...new Set(s.components.flatMap((c) => c.boundaries.map((b) => b.grade)))].sort(
                compareGrades,
              );
              const id = `boundaries-${s.code}`;
              return (
                <Table key={s.code} labelledBy={id}>
                  <TableCaption id={id} className="text-lg">
                    {t("caption", {
                      specification: `${s.code} ${localized(s, ctx.locale, "title")} (${localized(s, ctx.locale, "qualificationName")})`,
                    })}
                  </TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("component")}</TableHead>
                      <TableHead>{t("maxMark")}</TableHead>
                      {grades.map((g) => (
                        <TableHead key={g}>{g}</TableHead>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {s.components.map((c) => (
                      <TableRow key={c.code}>
                        <TableHead scope="row" className="font-normal">
                          {c.code} {localized(c, ctx.locale, "title")}
                        </TableHead>
                        <TableCell>{c.maxMark}</TableCell>
                        {grades.map((g) => (
                          <TableCell key={g}>{c.boundaries.find((b) => b.grade === g)?.minMark ?? ""}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              );
            })}
          </>
        );
      }}
    </ResultsShell>
  );
}
