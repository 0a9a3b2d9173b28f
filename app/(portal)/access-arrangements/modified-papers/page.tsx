import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { findCandidates } from "@/lib/data/access-arrangements/candidates";
import { modifiedPapers } from "@/lib/data/access-arrangements/modified-papers";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { candidateName } from "@/components/access-arrangements/names";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CandidateSearch } from "../_components/candidate-search";
import { SectionNav } from "../_components/section-nav";
import { OrderForm } from "./_components/order-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessArrangements"))("papers.title") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, 100);

/** Modified paper orders of a series: the board's deadline, the orders, and ordering for a candidate. */
export default async function ModifiedPapersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const find = first(sp.find).trim();
  const [page, found] = await Promise.all([
    must(modifiedPapers(seriesParam(sp), first(sp.candidate))),
    find ? must(findCandidates(find)) : null,
  ]);
  const t = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const series = page.series;
  const base = "/access-arrangements/modified-papers";
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("papers.title")} lead={t("papers.intro")}>
        <p>{t("sensitive")}</p>
      </PageHeader>
      <SectionNav current="papers" />
      {!series ? (
        <p>{t("papers.noSeries")}</p>
      ) : (
        <>
          <SeriesPicker
            action={base}
            series={page.seriesChoices}
            selected={series.code}
            locale={locale}
            label={t("papers.seriesLabel")}
            submit={t("papers.show")}
          />
          <div className="flex flex-col gap-2">
            <p data-testid="papers-deadline">
              {series.modifiedPaperDeadline
                ? t("papers.deadline", {
                    series: localized(series, locale),
                    at: formatDate(series.modifiedPaperDeadline, "when", locale),
                  })
                : t("papers.noDeadline", { series: localized(series, locale) })}
            </p>
            {page.deadlinePassed ? (
              <Alert variant="warning">
                <AlertDescription>{t("papers.deadlinePassed")}</AlertDescription>
              </Alert>
            ) : null}
          </div>

          <section aria-labelledby="order-title" className="flex flex-col gap-4">
            <h2 id="order-title" className="text-2xl font-bold">
              {t("papers.orderTitle")}
            </h2>
            {page.candidate ? (
              <>
                <p>
                  {t("papers.forCandidate", { candidate: candidateName(page.candidate) })}{" "}
                  <Link href={`${base}?series=${encodeURIComponent(series.code)}`} className="underline">
                    {t("papers.otherCandidate")}
                  </Link>
                </p>
                {page.candidate.components.length === 0 ? (
                  <p>{t("papers.noPapers")}</p>
                ) : (
                  <OrderForm
                    candidateId={page.candidate.id}
                    series={series.code}
                    papers={page.candidate.components.map((c) => ({
                      id: c.id,
                      label: `${c.code} ${localized(c, locale, "title")}`,
                    }))}
                  />
                )}
              </>
            ) : (
              <CandidateSearch
                action={base}
                find={find}
                found={found}
                keep={{ series: series.code }}
                headingLevel="h3"
                link={(id) => `${base}?series=${encodeURIComponent(series.code)}&candidate=${encodeURIComponent(id)}`}
              />
            )}
          </section>

          <section aria-labelledby="orders-title" className="flex flex-col gap-4">
            <h2 id="orders-title" className="text-2xl font-bold">
              {t("papers.ordersTitle", { series: localized(series, locale) })}
            </h2>
            {page.orders.length === 0 ? (
              <p>{t("papers.noOrders", { series: localized(series, locale) })}</p>
            ) : (
              <Table labelledBy="orders-caption">
                <TableCaption id="orders-caption">
                  {t("papers.caption", { series: localized(series, locale), count: page.orders.length })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("papers.colCandidate")}</TableHead>
                    <TableHead>{t("papers.colFormat")}</TableHead>
                    <TableHead>{t("papers.colPapers")}</TableHead>
                    <TableHead>{t("papers.colOrdered")}</TableHead>
                    <TableHead>{t("papers.colLate")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.orders.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell>
                        <Link href={`/access-arrangements/candidates/${o.candidate.id}`} className="underline">
                          {candidateName(o.candidate)}
                        </Link>
                      </TableCell>
                      <TableCell>{t(`formats.${o.format}`)}</TableCell>
                      <TableCell>
                        {o.components.map((c) => `${c.code} ${localized(c, locale, "title")}`).join("; ")}
                      </TableCell>
                      <TableCell>{formatDate(o.orderedAt, "stamp", locale)}</TableCell>
                      <TableCell>
                        {o.late ? (
                          <Badge variant="warning">{t("papers.late")}</Badge>
                        ) : (
                          <Badge variant="success">{t("papers.onTime")}</Badge>
                        )}
                      </TableCell>
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
