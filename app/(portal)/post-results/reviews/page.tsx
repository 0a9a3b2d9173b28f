import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/session";
import { reviewsAccess, subjectOf } from "@/lib/data/post-results/access";
import {
  listReviewRequests,
  REVIEW_STATUSES,
  reviewableEntries,
  reviewSeries,
  type ReviewStatus,
} from "@/lib/data/post-results/reviews";
import { RequestReviewForm } from "./_components/request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("postResults"))("reviewsTitle") };
}

type Props = { searchParams: Promise<{ series?: string; status?: string }> };

const STATUS_VARIANT = { requested: "secondary", in_progress: "warning", completed: "success" } as const;

export default async function ReviewsPage({ searchParams }: Props) {
  const session = await requirePermission("results");
  const at = now();
  const params = await searchParams;
  const t = await getTranslations("postResults");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const cy = (await getLocale()) === "cy";
  const access = reviewsAccess(subjectOf(session));

  const series = await reviewSeries(session, at);
  const selected = series.find((s) => s.id === params.series) ?? series.find((s) => s.visible) ?? series[0];
  const status = REVIEW_STATUSES.find((s) => s === params.status);
  const rows = selected?.visible
    ? ((await listReviewRequests(session, at, { seriesId: selected.id, status })) ?? [])
    : [];
  const entries = selected?.visible && access === "request" ? await reviewableEntries(session, selected.id, at) : [];
  const seriesName = selected ? (cy ? selected.nameCy : selected.nameEn) : "";

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("reviewsTitle")}</h1>
      <p className="max-w-3xl">{t("reviewsIntro")}</p>

      {!selected ? (
        <p>{t("noSeries")}</p>
      ) : (
        <>
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

          {!selected.visible ? (
            <Alert variant="info">
              <AlertDescription>
                {selected.releaseAt
                  ? t("notYetReleased", {
                      series: seriesName,
                      at: format.dateTime(selected.releaseAt, { dateStyle: "long", timeStyle: "short" }),
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
                            {r.specification.code} {cy ? r.specification.titleCy : r.specification.titleEn}
                            {r.component ? ` · ${r.component.code}` : ""}
                          </TableCell>
                          <TableCell>{t(`kind.${r.kind}`)}</TableCell>
                          <TableCell>
                            {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                          </TableCell>
                          <TableCell>
                            <Badge variant={STATUS_VARIANT[r.status as ReviewStatus] ?? "outline"}>
                              {t(`status.${r.status as ReviewStatus}`)}
                            </Badge>
                          </TableCell>
                          <TableCell>
                            {r.outcome === "grade_changed"
                              ? t("outcome.grade_changed", { from: r.grade ?? "", to: r.newGrade ?? "" })
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
                {access !== "request" ? (
                  <p>{t("viewOnly")}</p>
                ) : entries.length === 0 ? (
                  <p>{t("noEntries", { series: seriesName })}</p>
                ) : (
                  <RequestReviewForm
                    entries={entries.map((e) => ({
                      id: e.id,
                      label: `${e.candidate.candidateNumber} ${e.candidate.firstName} ${e.candidate.lastName}`,
                      subject: `${e.specification.code} ${cy ? e.specification.titleCy : e.specification.titleEn} (${e.grade})`,
                      components: e.components.map((c) => ({
                        id: c.id,
                        label: `${c.code} ${cy ? c.titleCy : c.titleEn}`,
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
