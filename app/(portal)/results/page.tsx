import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/page/pagination";
import { ResultRows } from "@/components/results/result-rows";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { resultFilterOptions, resultsByCandidate, resultsBySubject } from "@/lib/data/results/list";
import { localized } from "@/lib/i18n/localized";
import { must } from "@/lib/http/page";
import { param, resultsContext, type SearchParams } from "./_components/context";
import { ResultsShell } from "./_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results"))("title") };
}

export default async function ResultsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const ctx = await resultsContext(sp);
  const t = await getTranslations("results");
  const view = param(sp, "view") === "subject" ? "subject" : "candidate";
  const filters = {
    q: param(sp, "q"),
    spec: param(sp, "spec"),
    grade: param(sp, "grade"),
    page: Number(param(sp, "page")) || 1,
  };

  return (
    <ResultsShell ctx={ctx} title={t("title")} path="/results">
      {async (series) => {
        const name = localized(series, ctx.locale);
        const [data, options] = await Promise.all([
          must(view === "subject" ? resultsBySubject(series.id, filters) : resultsByCandidate(series.id, filters)),
          must(resultFilterOptions(series.id)),
        ]);
        const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
        const link = (changes: Record<string, string | number | null>) => {
          const next = new URLSearchParams({
            series: series.code,
            view,
            q: filters.q,
            spec: filters.spec,
            grade: filters.grade,
          });
          for (const [k, v] of Object.entries(changes))
            if (v === null) next.delete(k);
            else next.set(k, String(v));
          for (const k of [...next.keys()]) if (!next.get(k)) next.delete(k);
          return `/results?${next.toString()}`;
        };
        const specTitle = (r: (typeof data.rows)[number]) =>
          `${r.specificationCode} ${localized(r, ctx.locale, "specificationTitle")}`;
        return (
          <>
            <nav aria-label={t("views.label")}>
              <ul className="flex gap-2 border-b-2 border-input">
                {(["candidate", "subject"] as const).map((v) => (
                  <li key={v}>
                    <Link
                      href={link({ view: v, page: null })}
                      aria-current={view === v ? "page" : undefined}
                      className="-mb-0.5 inline-block border-b-4 border-transparent px-4 py-2 underline aria-[current=page]:border-primary aria-[current=page]:font-bold aria-[current=page]:no-underline"
                    >
                      {v === "candidate" ? t("views.byCandidate") : t("views.bySubject")}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>

            <form method="get" action="/results" aria-labelledby="filters-title" className="flex flex-col gap-3">
              <h2 id="filters-title" className="text-xl font-bold">
                {t("filters.title")}
              </h2>
              <input type="hidden" name="series" value={series.code} />
              <input type="hidden" name="view" value={view} />
              <div className="flex flex-wrap items-end gap-4">
                <div className="flex flex-col gap-1">
                  <Label htmlFor="filter-q">{t("filters.search")}</Label>
                  <Input
                    id="filter-q"
                    name="q"
                    type="search"
                    defaultValue={filters.q}
                    className="w-64"
                    autoComplete="off"
                  />
                </div>
                <div className="flex min-w-0 flex-col gap-1">
                  <Label htmlFor="filter-spec">{t("filters.specification")}</Label>
                  <Select id="filter-spec" name="spec" defaultValue={filters.spec} wrapperClassName="w-72 max-w-full">
                    <option value="">{t("filters.anySpecification")}</option>
                    {options.specifications.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.code} {localized(s, ctx.locale, "title")}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="flex flex-col gap-1">
                  <Label htmlFor="filter-grade">{t("filters.grade")}</Label>
                  <Select id="filter-grade" name="grade" defaultValue={filters.grade} wrapperClassName="w-40">
                    <option value="">{t("filters.anyGrade")}</option>
                    {options.grades.map((g) => (
                      <option key={g} value={g}>
                        {g}
                      </option>
                    ))}
                  </Select>
                </div>
                <Button type="submit">{t("filters.apply")}</Button>
                <Link
                  href={`/results?series=${encodeURIComponent(series.code)}&view=${view}`}
                  className="py-2 underline"
                >
                  {t("filters.clear")}
                </Link>
              </div>
            </form>

            <Table labelledBy="results-caption">
              <TableCaption id="results-caption">
                {t(view === "subject" ? "table.captionBySubject" : "table.captionByCandidate", {
                  series: name,
                  count: data.total,
                })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  {view === "subject" ? <TableHead>{t("table.specification")}</TableHead> : null}
                  <TableHead>{t("table.candidateNumber")}</TableHead>
                  <TableHead>{t("table.name")}</TableHead>
                  {view === "candidate" ? <TableHead>{t("table.specification")}</TableHead> : null}
                  <TableHead>{t("table.qualification")}</TableHead>
                  <TableHead>{t("table.grade")}</TableHead>
                  <TableHead>{t("table.statement")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={6}>{t("table.none")}</TableCell>
                  </TableRow>
                ) : (
                  <ResultRows
                    rows={data.rows.map((r) => [
                      r.resultId,
                      r.candidateId,
                      r.candidateNumber,
                      `${r.lastName}, ${r.firstName}`,
                      specTitle(r),
                      localized(r, ctx.locale, "qualificationName"),
                      r.grade,
                    ])}
                    specificationFirst={view === "subject"}
                    statementLabel={t("table.viewStatement")}
                    seriesQuery={`?series=${encodeURIComponent(series.code)}`}
                  />
                )}
              </TableBody>
            </Table>

            <Pagination
              page={data.page}
              pages={pages}
              href={(page) => link({ page })}
              labels={{
                nav: t("pagination.label"),
                previous: t("pagination.previous"),
                next: t("pagination.next"),
                pageOf: t("pagination.pageOf", { page: data.page, pages }),
              }}
            />
          </>
        );
      }}
    </ResultsShell>
  );
}
