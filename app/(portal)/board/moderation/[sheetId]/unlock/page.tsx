import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { boardSheet } from "@/lib/data/board/moderation";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { UnlockForm } from "../../_components/moderation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardModeration"))("unlockTitle") };
}

/** Unlock a submitted sheet (before its report is submitted), with a reason. */
export default async function UnlockSheetPage({ params }: { params: Promise<{ sheetId: string }> }) {
  await requireRole("BOARD_STAFF");
  const { sheet } = await must(boardSheet((await params).sheetId));
  if (!sheet.canUnlock) notFound();
  const t = await getTranslations("boardModeration");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link href={`/board/moderation?series=${encodeURIComponent(sheet.series.code)}`} className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("unlockTitle")}
        lead={t("unlockIntro", {
          number: sheet.centre.number,
          component: `${sheet.component.code} ${localized(sheet.component, locale, "title")} (${localized(sheet.series, locale)})`,
        })}
      />
      <UnlockForm sheetId={sheet.id} />
    </div>
  );
}
