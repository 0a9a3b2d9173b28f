import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { emiSheet } from "@/lib/data/marks/emi";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { markText } from "@/lib/marks/emi";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { SubmitMarksForm } from "../../_components/submit-marks-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emi"))("title") };
}

// Submitting marks in batches: the marks entered and not yet submitted, chosen or all, after a
// confirmation. Submitted marks are then the board's to change.
export default async function SubmitMarksPage({
  params,
  searchParams,
}: {
  params: Promise<{ allocationId: string }>;
  searchParams: Promise<{ submitted?: string }>;
}) {
  await requireUser();
  const sheet = await must(emiSheet((await params).allocationId));
  const done = Number((await searchParams).submitted);
  const t = await getTranslations("emi");
  const locale = await getLocale();
  const { allocation: a, counts } = sheet;
  const title = localized(a.component, locale, "title");
  const rows = sheet.rows
    .filter((r) => r.canSubmit)
    .map((r) => ({
      entryId: r.entryId,
      centreNumber: r.centreNumber,
      candidateNumber: r.candidateNumber,
      name: r.name,
      mark: markText(r.value),
    }));
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/emi" className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("submitTitle", { code: a.component.code, title })} lead={t("submitIntro")}>
        <p className="text-lg" data-testid="emi-counts">
          {t("counts", counts)}
        </p>
      </PageHeader>
      {Number.isInteger(done) && done > 0 ? (
        <Alert variant="success" live>
          <AlertDescription>{t("submitted", { count: done })}</AlertDescription>
        </Alert>
      ) : null}
      {rows.length === 0 ? <p>{t("submitNone")}</p> : <SubmitMarksForm allocationId={a.id} rows={rows} />}
    </div>
  );
}
