import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { uploadChoices } from "@/lib/data/board/upload-choices";
import { must } from "@/lib/http/page";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { londonFields } from "@/lib/board/series-times";
import { PageHeader } from "@/components/page/page-header";
import { ResourcesNav } from "../_components/resources-nav";
import { UploadDocumentForm } from "../_components/document-forms";
import { componentGroups, seriesChoices, specificationGroups } from "../_components/choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardResources"))("uploadTitle") };
}

/** Upload a document (board staff: the data layer decides). */
export default async function UploadDocumentPage() {
  const choices = await must(uploadChoices());
  const t = await getTranslations("boardResources");
  const raw = await getLocale();
  const locale: Locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("uploadTitle")} lead={t("uploadIntro")} />
      <ResourcesNav current="/board/resources/upload" />
      <UploadDocumentForm
        specifications={specificationGroups(choices, locale)}
        series={seriesChoices(choices.series, locale)}
        components={componentGroups(choices, locale)}
        year={Number(londonFields(choices.at).date.slice(0, 4))}
      />
    </div>
  );
}
