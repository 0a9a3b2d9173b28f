import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCandidate } from "@/lib/data/entries/candidates";
import { scriptConsentOf } from "@/lib/data/post-results/consent";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { PageHeader } from "@/components/page/page-header";
import { CandidateForm } from "../_components/candidate-form";
import { ScriptConsentForm } from "./_components/consent-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.candidates"))("detailTitle") };
}

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("entries");
  const { id } = await params;
  const [result, consent] = await Promise.all([must(getCandidate(id)), must(scriptConsentOf(id))]);
  const t = await getTranslations("entries.candidates");
  const tc = await getTranslations("scriptConsent");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const c = result.candidate;
  return (
    <div className="flex flex-col gap-6">
      <Link href="/entries/candidates" className="text-link underline">
        {t("back")}
      </Link>
      <PageHeader title={`${c.firstName} ${c.lastName}`} />
      {result.canMake ? (
        <CandidateForm id={c.id} initial={c} />
      ) : (
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t("number")}</dt>
          <dd>{c.candidateNumber}</dd>
          <dt className="font-semibold">{t("uci")}</dt>
          <dd className="font-mono">{c.uci}</dd>
          <dt className="font-semibold">{t("forenames")}</dt>
          <dd>{c.firstName}</dd>
          <dt className="font-semibold">{t("surname")}</dt>
          <dd>{c.lastName}</dd>
          <dt className="font-semibold">{t("dateOfBirth")}</dt>
          <dd>{formatDate(c.dateOfBirth, "birth", locale)}</dd>
        </dl>
      )}
      <section aria-labelledby="consent-title" className="flex max-w-2xl flex-col gap-3">
        <h2 id="consent-title" className="text-2xl font-semibold">
          {tc("title")}
        </h2>
        <p>{consent.consent ? tc("recorded") : tc("notRecorded")}</p>
        {consent.canRecord ? (
          <>
            <p className="text-muted-foreground">{tc("hint")}</p>
            <ScriptConsentForm candidateId={c.id} consent={consent.consent} />
          </>
        ) : null}
      </section>
    </div>
  );
}
