import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { examinerAllocationMarks } from "@/lib/data/marks/emi-board";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { markText } from "@/lib/marks/emi";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ChangeMarkForm } from "./_components/change-mark-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emi.board"))("link") };
}

// Board staff: an examiner allocation's marks, and the change of a submitted one (?change=<entry>).
export default async function ExaminerMarksPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; allocationId: string }>;
  searchParams: Promise<{ change?: string; done?: string }>;
}) {
  await requireRole("BOARD_STAFF");
  const { id, allocationId } = await params;
  const data = await must(examinerAllocationMarks(id, allocationId));
  const { change, done } = await searchParams;
  const t = await getTranslations("emi.board");
  const locale = await getLocale();
  const { allocation: a, questions } = data;
  const title = localized(a.component, locale, "title");
  const page = `/board/appointees/${a.appointee.id}/allocations/${a.id}`;
  const changing = data.rows.find((r) => r.entryId === change && r.canChange) ?? null;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/board/appointees/${a.appointee.id}`} className="underline">
          {t("back", { name: a.appointee.name || a.appointee.email })}
        </Link>
      </p>
      <PageHeader title={t("title", { code: a.component.code, title })} lead={t("intro")} />
      {done === "changed" ? (
        <Alert variant="success" live>
          <AlertDescription>{t("changed")}</AlertDescription>
        </Alert>
      ) : null}
      {changing ? (
        <section aria-labelledby="change-title" className="flex flex-col gap-4 rounded-md border border-input p-4">
          <h2 id="change-title" className="text-xl font-semibold">
            {t("changeTitle", { number: changing.candidateNumber, name: changing.name })}
          </h2>
          <p>{t("changeIntro", { mark: markText(changing.value) })}</p>
          <ChangeMarkForm
            appointeeId={a.appointee.id}
            allocationId={a.id}
            entryId={changing.entryId}
            saveKey={randomBytes(16).toString("base64url")}
            baseVersion={changing.version}
            maxMark={data.maxMark}
            questions={questions}
            current={{
              code: changing.value.code ?? "",
              total: changing.value.total === null ? "" : String(changing.value.total),
              items: (changing.value.items ?? []).map((x) => (x === null ? "" : String(x))),
            }}
          />
          <p>
            <Link href={page} className="underline">
              {t("cancel")}
            </Link>
          </p>
        </section>
      ) : null}
      {data.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table label={t("caption", { code: a.component.code, series: localized(a.series, locale) })}>
          <TableCaption className="sr-only">
            {t("caption", { code: a.component.code, series: localized(a.series, locale) })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colCentre")}</TableHead>
              <TableHead>{t("colCandidateNumber")}</TableHead>
              <TableHead>{t("colName")}</TableHead>
              {questions.length ? <TableHead>{t("colItems")}</TableHead> : null}
              <TableHead>{t("colMark")}</TableHead>
              <TableHead>{t("colStatus")}</TableHead>
              <TableHead>{t("colAction")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.rows.map((r) => (
              <TableRow key={r.entryId}>
                <TableCell>{r.centreNumber}</TableCell>
                <TableCell>{r.candidateNumber}</TableCell>
                <TableCell>{r.name}</TableCell>
                {questions.length ? (
                  <TableCell>{(r.value.items ?? []).map((x) => (x === null ? "–" : x)).join(", ")}</TableCell>
                ) : null}
                <TableCell>{markText(r.value)}</TableCell>
                <TableCell>
                  {r.submittedAt
                    ? t("statusSubmitted", { at: formatDate(r.submittedAt, "stamp", locale) })
                    : markText(r.value)
                      ? t("statusEntered")
                      : t("statusNone")}
                </TableCell>
                <TableCell>
                  {r.canChange ? (
                    <Button asChild variant="outline" size="sm">
                      <Link
                        href={`${page}?change=${r.entryId}#change-title`}
                        aria-label={t("changeLabel", { number: r.candidateNumber, name: r.name })}
                      >
                        {t("change")}
                      </Link>
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
