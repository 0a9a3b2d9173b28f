import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MarkGrid } from "@/components/marks/mark-grid";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { getSheet } from "@/lib/data/marks/iamis-sheets";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { saveSheetMarkAction } from "./actions";
import { SubmitForm } from "./_components/submit-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis.sheet"))("metaTitle") };
}

const STATE_VARIANT = {
  notStarted: "secondary",
  inProgress: "warning",
  submitted: "success",
  moderated: "success",
} as const;

export default async function IamisSheetPage({ params }: { params: Promise<{ sheetId: string }> }) {
  const { sheetId } = await params;
  const { sheet, rows, canEdit, canSubmit } = await must(getSheet(sheetId));
  const t = await getTranslations("iamis");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const component = localized(sheet.component, locale, "title");
  const when = (d: Date) => formatDate(d, "when", locale);

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/iamis?series=${encodeURIComponent(sheet.series.code)}`} className="text-link underline">
        {t("sheet.back")}
      </Link>
      <PageHeader
        title={t("sheet.title", { title: component, code: sheet.component.code })}
        lead={t("sheet.lead", {
          series: localized(sheet.series, locale),
          spec: `${sheet.specification.code} ${localized(sheet.specification, locale, "title")}`,
        })}
      />
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("sheet.centre")}</dt>
        <dd>
          {sheet.centre.number} {localized(sheet.centre, locale)}
        </dd>
        <dt className="font-semibold">{t("sheet.deadline")}</dt>
        <dd>{sheet.deadline ? when(sheet.deadline) : t("noDeadline")}</dd>
        <dt className="font-semibold">{t("sheet.status")}</dt>
        <dd className="flex flex-wrap gap-2">
          <Badge variant={STATE_VARIANT[sheet.state]}>{t(`state.${sheet.state}`)}</Badge>
          {sheet.late ? <Badge variant="destructive">{t("late")}</Badge> : null}
        </dd>
        <dt className="font-semibold">{t("sheet.entered")}</dt>
        <dd>{t("enteredOf", { entered: sheet.entered, total: rows.length })}</dd>
        {sheet.submittedAt ? (
          <>
            <dt className="font-semibold">{t("sheet.submitted")}</dt>
            <dd>{t("sheet.submittedBy", { time: when(sheet.submittedAt), who: sheet.submittedBy ?? "" })}</dd>
          </>
        ) : null}
      </dl>

      {canEdit && sheet.late ? (
        <Alert variant="warning">
          <AlertDescription>{t("sheet.pastDeadline")}</AlertDescription>
        </Alert>
      ) : null}
      {!canEdit ? (
        <Alert variant="info">
          <AlertDescription>{t("sheet.locked")}</AlertDescription>
        </Alert>
      ) : null}

      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {canEdit ? (
          <Link href={`/iamis/${sheet.id}/import`} className="text-link underline">
            {t("sheet.importLink")}
          </Link>
        ) : null}
        {sheet.status !== "OPEN" ? (
          <Link href={`/iamis/${sheet.id}/sample`} className="text-link underline">
            {t("sheet.sampleLink", { count: sheet.sampleSize })}
          </Link>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <p>{t("sheet.noCandidates")}</p>
      ) : (
        <MarkGrid
          caption={t("sheet.caption", { component, code: sheet.component.code, centre: sheet.centre.number })}
          maxMark={sheet.component.maxMark}
          questions={sheet.questions}
          rows={rows.map((r) => ({
            entryId: r.entryId,
            candidateNumber: r.candidateNumber,
            name: r.name,
            mark: { value: r.mark.value, version: r.mark.version, savedAt: r.mark.savedAt?.toISOString() ?? null },
          }))}
          readOnly={!canEdit}
          save={saveSheetMarkAction.bind(null, sheet.id)}
        />
      )}

      {canSubmit ? (
        <section aria-labelledby="submit-title" className="flex flex-col gap-3 border-t border-border pt-6">
          <h2 id="submit-title" className="text-2xl font-bold">
            {t("submit.heading")}
          </h2>
          <p className="max-w-prose">{t("submit.intro")}</p>
          <SubmitForm sheetId={sheet.id} />
        </section>
      ) : null}
    </div>
  );
}
