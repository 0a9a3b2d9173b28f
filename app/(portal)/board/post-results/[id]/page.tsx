import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getReview } from "@/lib/data/board/reviews";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CompleteCopyForm, CompleteReviewForm, ScriptUploadForm, StartReviewForm } from "../_components/review-forms";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DONE = ["started", "completed", "gradeChanged", "gradeChangedNotEmailed", "scriptUploaded"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardReviews"))("summaryTitle") };
}

/** One request: its details, moving it on, its outcome and its scripts (board staff: the data layer decides). */
export default async function BoardReviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const { review: r } = await must(getReview(id));
  const t = await getTranslations("boardReviews");
  const tp = await getTranslations("postResults");
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "en";
  const doneParam = Array.isArray(sp.done) ? sp.done[0] : sp.done;
  const done = DONE.find((d) => d === doneParam);
  const candidate = `${r.candidate.candidateNumber} ${r.candidate.firstName} ${r.candidate.lastName}`;
  const outcome =
    r.status !== "completed"
      ? null
      : r.outcome === "grade_changed"
        ? tp("outcome.grade_changed", { from: r.previousGrade ?? "", to: r.newGrade ?? "" })
        : r.outcome === "grade_unchanged"
          ? tp("outcome.grade_unchanged", { grade: r.grade ?? "" })
          : tp("outcome.done");
  const rows: [string, string][] = [
    [t("centre"), `${r.centre.number} ${localized(r.centre, locale)}`],
    [t("candidate"), candidate],
    [t("series"), localized(r.series, locale)],
    [t("specification"), `${r.specification.code} ${localized(r.specification, locale, "title")}`],
    [t("component"), r.component ? `${r.component.code} ${localized(r.component, locale, "title")}` : t("wholeEntry")],
    [t("service"), tp(`kind.${r.kind}`)],
    [t("requestedAt"), formatDate(r.createdAt, "stamp", locale)],
    [t("requestedBy"), r.requestedBy],
    [t("notes"), r.notes || t("noNotes")],
    [t("status"), tp(`status.${r.status}`)],
    [t("grade"), r.grade ?? t("noGrade")],
    ...(outcome ? ([[t("outcome"), outcome]] as [string, string][]) : []),
    ...(r.completedAt ? ([[t("completedAt"), formatDate(r.completedAt, "stamp", locale)]] as [string, string][]) : []),
  ];
  const isCopy = r.kind === "COPY_OF_SCRIPT";
  return (
    <div className="flex flex-col gap-6">
      <Link href="/board/post-results" className="underline">
        {t("back")}
      </Link>
      <PageHeader title={t("detailTitle", { service: tp(`kind.${r.kind}`), candidate: r.candidate.candidateNumber })} />
      {done ? (
        <Alert variant={done === "gradeChangedNotEmailed" ? "warning" : "success"} live>
          <AlertDescription>{t(`done.${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="summary-title" className="flex flex-col gap-3">
        <h2 id="summary-title" className="text-2xl font-semibold">
          {t("summaryTitle")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold">{term}</dt>
              <dd className="whitespace-pre-line">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {r.canStart ? (
        <section aria-labelledby="start-title" className="flex flex-col gap-3">
          <h2 id="start-title" className="text-2xl font-semibold">
            {t("startTitle")}
          </h2>
          <p>{t("startHint")}</p>
          <StartReviewForm requestId={r.id} />
        </section>
      ) : null}
      {isCopy ? (
        <section aria-labelledby="scripts-title" className="flex flex-col gap-3">
          <h2 id="scripts-title" className="text-2xl font-semibold">
            {t("scriptsTitle")}
          </h2>
          {r.scriptsMissing > 0 && r.status !== "completed" ? (
            <p>{t("scriptsMissing", { count: r.scriptsMissing })}</p>
          ) : null}
          <Table labelledBy="scripts-caption">
            <TableCaption id="scripts-caption" className="text-left font-semibold">
              {t("scriptsCaption")}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("colComponent")}</TableHead>
                <TableHead>{t("colMark")}</TableHead>
                <TableHead>{t("colScript")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.components.map((c) => (
                <TableRow key={c.componentResultId}>
                  <TableCell>
                    <span className="font-semibold">{c.code}</span> {localized(c, locale, "title")}
                  </TableCell>
                  <TableCell>{t("markOf", { mark: String(c.mark), max: String(c.maxMark) })}</TableCell>
                  <TableCell>
                    <div className="flex flex-col gap-3">
                      <span>
                        {!c.requested
                          ? t("notRequested")
                          : c.script
                            ? t("scriptUploaded", { at: formatDate(c.script.uploadedAt, "stamp", locale) })
                            : t("noScript")}
                      </span>
                      {c.requested && r.canUploadScripts ? (
                        <ScriptUploadForm requestId={r.id} componentResultId={c.componentResultId} component={c.code} />
                      ) : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
      {r.canComplete ? (
        <section aria-labelledby="complete-title" className="flex flex-col gap-3">
          <h2 id="complete-title" className="text-2xl font-semibold">
            {t("completeTitle")}
          </h2>
          {isCopy ? (
            <>
              <p>{t("completeCopyHint")}</p>
              <CompleteCopyForm requestId={r.id} />
            </>
          ) : (
            <CompleteReviewForm
              requestId={r.id}
              grade={r.grade ?? ""}
              grades={r.grades}
              qualification={localized(r.qualification, locale)}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}
