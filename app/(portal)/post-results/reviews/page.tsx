import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker, seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listReviewRequests, reviewableEntries, reviewSeries } from "@/lib/data/post-results/reviews";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { REVIEW_STATUSES, reviewStatusOf } from "@/lib/post-results/reviews";
import { RequestReviewForm } from "./_components/request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("postResults"))("reviewsTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_VARIANT = { requested: "secondary", in_progress: "warning", completed: "success" } as const;

export default async function ReviewsPage({ searchParams }: Props) {
  const { series, canRequest, at } = await must(reviewSeries());
  const params = await searchParams;
  const t = await getTranslations("postResults");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const locale = await getLocale();

  const code = seriesParam(params);
  const selected = series.find((s) => s.code === code) ?? series.find((s) => s.visible) ?? series[0];
  const status = reviewStatusOf(params.status);
  const rows = selected?.visible ? (await must(listReviewRequests({ seriesId: selected.id, status }))).rows : [];
  const entries = selected?.visible && canRequest ? (await must(reviewableEntries(selected.id))).entries : [];
  const seriesName = selected ? localized(selected, locale) : "";

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("reviewsTitle")} lead={t("reviewsIntro")} />

      {!selected ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-8">
            <SeriesPicker
              action="/post-results/reviews"
              series={series}
              selected={selected.code}
              locale={locale}
              label={t("seriesLabel")}
              submit={t("show")}
              keep={{ status: status ?? "" }}
            />
            <form
              method="get"
              action="/post-results/reviews"
              className="flex flex-wrap items-end gap-3"
              aria-label={t("filterLabel")}
            >
              <input type="hidden" name="series" value={selected.code} />
              <div className="flex flex-col gap-1">
                <Label htmlFor="status">{t("statusLabel")}</Label>
                <Select id="status" name="status" defaultValue={status ?? ""} wrapperClassName="w-56">
                  <option value="">{t("allStatuses")}</option>
                  {REVIEW_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                {t("show")}
              </Button>
            </form>
          </div>

          {!selected.visible ? (
            <Alert variant="info">
              <AlertDescription>
                {selected.releaseAt
                  ? t("notYetReleased", {
                      series: seriesName,
                      at: formatDate(selected.releaseAt, "when", locale),
                      countdown: format.relativeTime(selected.releaseAt, at),
                    })
                  : t("neverReleased", { series: seriesName })}
              </AlertDescription>
            </Alert>
          ) : (
            <>
              <section aria-labelledby="requests-title" className="flex flex-col gap-4">
                <h2 id="requests-title" className="text-2xl font-bold">
                  {t("requestsTitle")}
                </h2>
                {rows.length === 0 ? (
                  <p>
                    {status
                      ? t("noRequestsWithStatus", { status: t(`status.${status}`) })
                      : t("noRequests", { series: seriesName })}
                  </p>
                ) : (
                  <Table labelledBy="requests-caption">
                    <TableCaption id="requests-caption">
                      {t("requestsCaption", { series: seriesName, count: rows.length })}
                    </TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("colCandidate")}</TableHead>
                        <TableHead>{t("colSubject")}</TableHead>
                        <TableHead>{t("colService")}</TableHead>
                        <TableHead>{t("colRequested")}</TableHead>
                        <TableHead>{t("colStatus")}</TableHead>
                        <TableHead>{t("colOutcome")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows.map((r) => (
                        <TableRow key={r.id}>
                          <TableCell>
                            {r.candidate.candidateNumber} {r.candidate.firstName} {r.candidate.lastName}
                          </TableCell>
                          <TableCell>
                            {r.specification.code} {localized(r.specification, locale, "title")}
                            {r.component ? ` · ${r.component.code}` : ""}
                          </TableCell>
                          <TableCell>{t(`kind.${r.kind}`)}</TableCell>
                          <TableCell>{formatDate(r.createdAt, "stamp", locale)}</TableCell>
                          <TableCell>
                            <Badge variant={STATUS_VARIANT[r.status] ?? "outline"}>{t(`status.${r.status}`)}</Badge>
                          </TableCell>
                          <TableCell>
                            {r.outcome === "grade_changed"
                              ? t("outcome.grade_changed", {
                                  from: r.previousGrade ?? r.grade ?? "",
                                  to: r.newGrade ?? "",
                                })
                              : r.outcome === "grade_unchanged"
                                ? t("outcome.grade_unchanged", { grade: r.grade ?? "" })
                                : r.status === "completed"
                                  ? t("outcome.done")
                                  : tc("none")}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>

              <section aria-labelledby="new-title" className="flex max-w-2xl flex-col gap-4">
                <h2 id="new-title" className="text-2xl font-bold">
                  {t("newTitle")}
                </h2>
                {!canRequest ? (
                  <p>{t("viewOnly")}</p>
                ) : entries.length === 0 ? (
                  <p>{t("noEntries", { series: seriesName })}</p>
                ) : (
                  <RequestReviewForm
                    entries={entries.map((e) => ({
                      id: e.id,
                      label: `${e.candidate.candidateNumber} ${e.candidate.firstName} ${e.candidate.lastName}`,
                      subject: `${e.specification.code} ${localized(e.specification, locale, "title")} (${e.grade})`,
                      components: e.components.map((c) => ({
                        id: c.id,
                        label: `${c.code} ${localized(c, locale, "title")}`,
                      })),
                    }))}
                  />
                )}
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
