import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PageHeader } from "@/components/page/page-header";
import { statementOfResults } from "@/lib/data/results/statement";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { must } from "@/lib/http/page";
import { resultsContext, type SearchParams } from "../../_components/context";
import { PrintButton } from "../../_components/print-button";
import { NotReleased } from "../../_components/shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.statement"))("title") };
}

export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ candidateId: string }>;
  searchParams: SearchParams;
}) {
  const { candidateId } = await params;
  const ctx = await resultsContext(await searchParams);
  if (!ctx.series) notFound();
  // Another centre's candidate (or no such candidate) is simply not found.
  const statement = await must(statementOfResults(ctx.series.id, candidateId));
  const t = await getTranslations("results.statement");
  const tt = await getTranslations("results.table");
  const { locale } = ctx;
  const name = localized(ctx.series, locale);
  const { candidate: c, centre, release } = statement;

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p className="print:hidden">
        <Link href={`/results?series=${encodeURIComponent(ctx.series.code)}`} className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title")} />
      {!release.released ? (
        <NotReleased name={name} releaseAt={release.releaseAt} at={ctx.at} locale={locale} />
      ) : (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="font-semibold">{t("name")}</dt>
            <dd>
              {c.firstName} {c.lastName}
            </dd>
            <dt className="font-semibold">{t("candidateNumber")}</dt>
            <dd>{c.candidateNumber}</dd>
            <dt className="font-semibold">{t("uci")}</dt>
            <dd>{c.uci}</dd>
            <dt className="font-semibold">{t("dateOfBirth")}</dt>
            <dd>{formatDate(c.dateOfBirth, "birth", locale)}</dd>
            <dt className="font-semibold">{t("centre")}</dt>
            <dd>
              {centre.number} {localized(centre, locale)}
            </dd>
            <dt className="font-semibold">{t("series")}</dt>
            <dd>{name}</dd>
          </dl>
          <div>
            <PrintButton label={t("print")} />
          </div>
          {statement.results.length === 0 ? (
            <p>{t("noResults", { series: name })}</p>
          ) : (
            <>
              <Table labelledBy="statement-caption">
                <TableCaption id="statement-caption">{t("caption", { series: name })}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{tt("qualification")}</TableHead>
                    <TableHead>{tt("specification")}</TableHead>
                    <TableHead>{tt("grade")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {statement.results.map((r) => (
                    <TableRow key={r.specificationCode}>
                      <TableCell>{localized(r, locale, "qualificationName")}</TableCell>
                      <TableCell>
                        {r.specificationCode} {localized(r, locale, "specificationTitle")}
                      </TableCell>
                      <TableCell className="font-bold">{r.grade}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {statement.results.map((r) => {
                const title = `${r.specificationCode} ${localized(r, locale, "specificationTitle")}`;
                const id = `components-${r.specificationCode}`;
                return (
                  <Table key={r.specificationCode} labelledBy={id} containerClassName="break-inside-avoid">
                    <TableCaption id={id}>{t("componentsCaption", { specification: title })}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("component")}</TableHead>
                        <TableHead>{t("mark")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {r.components.map((comp) => (
                        <TableRow key={comp.code}>
                          <TableCell>
                            {comp.code} {localized(comp, locale, "title")}
                          </TableCell>
                          <TableCell>{t("markOf", { mark: comp.mark, max: comp.maxMark })}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                );
              })}
            </>
          )}
        </>
      )}
    </div>
  );
}
