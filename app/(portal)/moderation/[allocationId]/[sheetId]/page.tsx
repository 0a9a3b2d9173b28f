import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { moderationSheet } from "@/lib/data/marks/moderation";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { MarkGrid } from "@/components/marks/mark-grid";
import type { GridRow } from "@/components/marks/grid-types";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { saveModeratedMarkAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("sampleTitle") };
}

/** One centre's sample: the centre's marks beside the moderator's, through the one mark grid. */
export default async function ModerationSheetPage({
  params,
}: {
  params: Promise<{ allocationId: string; sheetId: string }>;
}) {
  const { allocationId, sheetId } = await params;
  const data = await must(moderationSheet(allocationId, sheetId));
  const t = await getTranslations("moderation");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const { allocation, centre, sample, canEdit, review, workingAs } = data;
  const shownMark = (m: number | string | null) =>
    m === null ? t("noMark") : m === "A" ? t("code_A") : m === "W" ? t("code_W") : String(m);
  const rows: GridRow[] = sample.map((s) => ({
    entryId: s.entryId,
    candidateNumber: s.candidateNumber,
    name: s.name,
    reference: shownMark(s.centreMark),
    mark: s.mark,
  }));
  const component = allocation.label[locale];
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/moderation/${allocation.id}`} className="underline">
          {t("backToCentres")}
        </Link>
      </p>
      <PageHeader
        title={t("sheetTitle", { number: centre.number, name: localized(centre, locale) })}
        lead={component}
      />
      {workingAs ? (
        <Alert variant="info">
          <AlertDescription>{t("workingAs", { name: workingAs.name || workingAs.email })}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="sample-title" className="flex flex-col gap-4">
        <h2 id="sample-title" className="text-2xl font-bold">
          {t("sampleTitle")}
        </h2>
        {canEdit ? <p className="max-w-prose">{t("sampleIntro")}</p> : <p>{t("closedNote")}</p>}
        <p data-testid="moderation-progress">
          {t("progress", { marked: sample.length - review.remaining, total: sample.length })}
        </p>
        <MarkGrid
          caption={t("gridCaption", { number: centre.number, component })}
          maxMark={data.maxMark}
          questions={[]}
          rows={rows}
          referenceLabel={t("centreMark")}
          readOnly={!canEdit}
          save={saveModeratedMarkAction.bind(null, allocation.id, data.sheet.id)}
        />
      </section>
      <p>
        <Button asChild>
          <Link href={`/moderation/${allocation.id}/${data.sheet.id}/report`}>{t("toReport")}</Link>
        </Button>
      </p>
    </div>
  );
}
