import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getSample } from "@/lib/data/marks/iamis-submit";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { PrintButton } from "./_components/print-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis.sample"))("title") };
}

type Props = {
  params: Promise<{ sheetId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The moderation sample of a submitted sheet, laid out to print as the list of work to send. */
export default async function IamisSamplePage({ params, searchParams }: Props) {
  const { sheetId } = await params;
  const { done } = await searchParams;
  const { sheet, submitted, rows, cohort } = await must(getSample(sheetId));
  const t = await getTranslations("iamis.sample");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const component = `${sheet.component.code} ${localized(sheet.component, locale, "title")}`;

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/iamis/${sheet.id}`} className="text-link underline print:hidden">
        {t("back")}
      </Link>
      {done === "submitted" ? (
        <Alert variant="success" live className="print:hidden">
          <AlertDescription>{t("submitted", { count: rows.length })}</AlertDescription>
        </Alert>
      ) : null}
      <PageHeader title={t("heading", { component })} lead={submitted ? t("intro") : t("notYet")} />
      {submitted ? (
        <>
          <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
            <dt className="font-semibold">{t("centre")}</dt>
            <dd>
              {sheet.centre.number} {localized(sheet.centre, locale)}
            </dd>
            <dt className="font-semibold">{t("series")}</dt>
            <dd>{localized(sheet.series, locale)}</dd>
            <dt className="font-semibold">{t("component")}</dt>
            <dd>{component}</dd>
            {sheet.submittedAt ? (
              <>
                <dt className="font-semibold">{t("submittedAt")}</dt>
                <dd>{formatDate(sheet.submittedAt, "when", locale)}</dd>
              </>
            ) : null}
            <dt className="font-semibold">{t("size")}</dt>
            <dd>{t("sizeValue", { count: rows.length, cohort })}</dd>
          </dl>
          <PrintButton label={t("print")} />
          <Table labelledBy="sample-caption">
            <TableCaption id="sample-caption" className="text-left font-semibold">
              {t("caption", { count: rows.length })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("candidateNumber")}</TableHead>
                <TableHead>{t("candidate")}</TableHead>
                <TableHead>{t("mark", { max: sheet.component.maxMark })}</TableHead>
                <TableHead>{t("note")}</TableHead>
                <TableHead>{t("sent")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.entryId}>
                  <TableCell>{r.candidateNumber}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.mark ?? "–"}</TableCell>
                  <TableCell>
                    {[r.highest ? t("highest") : "", r.lowest ? t("lowest") : ""].filter(Boolean).join(", ")}
                  </TableCell>
                  <TableCell>
                    <span aria-hidden="true" className="inline-block size-5 border-2 border-foreground" />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <p className="max-w-prose">{t("send")}</p>
        </>
      ) : null}
    </div>
  );
}
