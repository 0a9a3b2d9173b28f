import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getSheet } from "@/lib/data/marks/iamis-sheets";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { MarksImportFlow } from "./import-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("iamis.import"))("title") };
}

export default async function IamisImportPage({ params }: { params: Promise<{ sheetId: string }> }) {
  const { sheetId } = await params;
  const { sheet, canEdit } = await must(getSheet(sheetId));
  const t = await getTranslations("iamis.import");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/iamis/${sheet.id}`} className="text-link underline">
        {t("back")}
      </Link>
      <PageHeader
        title={t("heading", { component: `${sheet.component.code} ${localized(sheet.component, locale, "title")}` })}
        lead={t("intro", { max: sheet.component.maxMark })}
      />
      {canEdit ? (
        <>
          <pre className="w-fit rounded-md border border-border bg-muted p-3 font-mono">
            {"candidate_number,mark\n0001,34\n0002,A\n0003,W"}
          </pre>
          <MarksImportFlow sheetId={sheet.id} />
        </>
      ) : (
        <Alert variant="info">
          <AlertDescription>{t("locked")}</AlertDescription>
        </Alert>
      )}
    </div>
  );
}
