import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reviewQueue } from "@/lib/data/board/reviews";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { REVIEW_KINDS, REVIEW_STATUSES } from "@/lib/post-results/reviews";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 40) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardReviews"))("title") };
}

/** Every centre's post-results requests, filtered (board staff: the data layer decides). */
export default async function BoardPostResultsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = { status: one(sp.status), kind: one(sp.kind), series: one(sp.series), centre: one(sp.centre) };
  const queue = await must(reviewQueue(filter));
  const t = await getTranslations("boardReviews");
  const tp = await getTranslations("postResults");
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <section aria-labelledby="filters-title" className="rounded-md border p-4">
        <h2 id="filters-title" className="mb-3 text-xl font-semibold">
          {t("filtersTitle")}
        </h2>
        <form method="get" action="/board/post-results" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-status">{t("statusLabel")}</Label>
            <Select id="f-status" name="status" defaultValue={filter.status}>
              <option value="">{t("any")}</option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tp(`status.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-kind">{t("kindLabel")}</Label>
            <Select id="f-kind" name="kind" defaultValue={filter.kind}>
              <option value="">{t("any")}</option>
              {REVIEW_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tp(`kind.${k}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-series">{t("seriesLabel")}</Label>
            <Select id="f-series" name="series" defaultValue={filter.series}>
              <option value="">{t("any")}</option>
              {queue.series.map((s) => (
                <option key={s.code} value={s.code}>
                  {localized(s, locale)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-centre">{t("centreLabel")}</Label>
            <Input
              id="f-centre"
              name="centre"
              inputMode="numeric"
              defaultValue={filter.centre}
              aria-describedby="f-centre-hint"
            />
            <span id="f-centre-hint" className="text-muted-foreground">
              {t("centreHint")}
            </span>
          </div>
          <div className="sm:col-span-2 lg:col-span-4">
            <Button type="submit">{t("apply")}</Button>
          </div>
        </form>
      </section>
      <p>
        {t("counts", {
          requested: String(queue.counts.requested),
          inProgress: String(queue.counts.in_progress),
          completed: String(queue.counts.completed),
        })}
      </p>
      {queue.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="queue-caption">
          <TableCaption id="queue-caption" className="text-left font-semibold">
            {queue.total > queue.rows.length
              ? t("captionOf", { shown: String(queue.rows.length), total: String(queue.total) })
              : t("caption", { count: queue.total })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colRequested")}</TableHead>
              <TableHead>{t("colCentre")}</TableHead>
              <TableHead>{t("colCandidate")}</TableHead>
              <TableHead>{t("colSubject")}</TableHead>
              <TableHead>{t("colService")}</TableHead>
              <TableHead>{t("colStatus")}</TableHead>
              <TableHead>{t("colOutcome")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {queue.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link href={`/board/post-results/${r.id}`} className="font-semibold underline">
                    {formatDate(r.createdAt, "stamp", locale)}
                  </Link>
                </TableCell>
                <TableCell>
                  {r.centre.number} {localized(r.centre, locale)}
                </TableCell>
                <TableCell>
                  {r.candidate.candidateNumber} {r.candidate.firstName} {r.candidate.lastName}
                </TableCell>
                <TableCell>
                  {r.specification.code} {localized(r.specification, locale, "title")}
                  {" · "}
                  {r.component ? r.component.code : t("wholeEntry")}
                </TableCell>
                <TableCell>{tp(`kind.${r.kind}`)}</TableCell>
                <TableCell>
                  <Badge
                    variant={r.status === "completed" ? "success" : r.status === "in_progress" ? "warning" : "outline"}
                  >
                    {tp(`status.${r.status}`)}
                  </Badge>
                </TableCell>
                <TableCell>
                  {r.status !== "completed"
                    ? null
                    : r.outcome === "grade_changed"
                      ? tp("outcome.grade_changed", { from: r.previousGrade ?? r.grade ?? "", to: r.newGrade ?? "" })
                      : r.outcome === "grade_unchanged"
                        ? tp("outcome.grade_unchanged", { grade: r.grade ?? "" })
                        : tp("outcome.done")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
