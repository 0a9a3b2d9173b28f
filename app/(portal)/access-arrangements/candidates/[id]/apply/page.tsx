import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { candidateForForms } from "@/lib/data/access-arrangements/candidates";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { candidateName } from "@/components/access-arrangements/names";
import { PageHeader } from "@/components/page/page-header";
import { ApplyForm } from "./_components/apply-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessArrangements"))("apply.title") };
}

/** Apply for an arrangement that needs approval, for one candidate. */
export default async function ApplyPage({ params }: { params: Promise<{ id: string }> }) {
  const { candidate, series } = await must(candidateForForms((await params).id));
  const t = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href={`/access-arrangements/candidates/${candidate.id}`} className="underline">
          {t("apply.back")}
        </Link>
      </p>
      <PageHeader title={t("apply.title")} lead={t("apply.lead", { candidate: candidateName(candidate) })}>
        <p>{t("sensitive")}</p>
      </PageHeader>
      <ApplyForm
        candidateId={candidate.id}
        series={series.map((s) => ({ code: s.code, name: localized(s, locale) }))}
        yearNineStart={formatDate(candidate.yearNineStart, "birth", locale)}
      />
    </div>
  );
}
