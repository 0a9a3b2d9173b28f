import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { emiSheet } from "@/lib/data/marks/emi";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { MarkGrid } from "@/components/marks/mark-grid";
import type { GridRow } from "@/components/marks/grid-types";
import { saveEmiMarkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emi"))("title") };
}

// Entering one allocation's marks: a column per question (or the total), a row per allocated
// candidate showing only their centre number, candidate number and name. Submitted rows are locked.
export default async function EnterMarksPage({ params }: { params: Promise<{ allocationId: string }> }) {
  await requireUser();
  const sheet = await must(emiSheet((await params).allocationId));
  const t = await getTranslations("emi");
  const locale = await getLocale();
  const { allocation: a, counts } = sheet;
  const title = localized(a.component, locale, "title");
  const caption = t("componentName", {
    qualification: localized(a.qualification, locale),
    series: localized(a.series, locale),
    title,
    code: a.component.code,
  });
  const rows: GridRow[] = sheet.rows.map((r) => ({
    entryId: r.entryId,
    centreNumber: r.centreNumber,
    candidateNumber: r.candidateNumber,
    name: r.name,
    mark: { value: r.value, version: r.version, savedAt: r.savedAt?.toISOString() ?? null },
    locked: Boolean(r.submittedAt),
  }));
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/emi" className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("enterTitle", { code: a.component.code, title })}>
        <p className="text-lg" data-testid="emi-counts">
          {t("counts", counts)}
        </p>
      </PageHeader>
      <p className="max-w-prose">{sheet.questions.length ? t("perQuestion") : t("totalOnly")}</p>
      {counts.submitted > 0 ? <p className="max-w-prose">{t("lockedNote")}</p> : null}
      {rows.length === 0 ? (
        <p>{t("noCandidates")}</p>
      ) : (
        <MarkGrid
          caption={caption}
          maxMark={sheet.maxMark}
          questions={sheet.questions}
          rows={rows}
          save={saveEmiMarkAction.bind(null, a.id)}
        />
      )}
      {counts.toSubmit > 0 ? (
        <p>
          <Link href={`/emi/${a.id}/submit`} className="underline">
            {t("toSubmitLink", { toSubmit: counts.toSubmit })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
