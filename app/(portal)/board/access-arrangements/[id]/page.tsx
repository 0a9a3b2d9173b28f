import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getReferral } from "@/lib/data/board/access-arrangements";
import { must } from "@/lib/http/page";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { ArrangementDetailsView } from "@/components/access-arrangements/arrangement-details";
import { arrangementName } from "@/components/access-arrangements/names";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { DecisionForm } from "./_components/decision-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAccessArrangements"))("title") };
}

const DONE = ["approved", "refused", "notNotified"] as const;

/** One referred application with its evidence, and the decision form while it waits. Board staff only. */
export default async function BoardReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { arrangement: a, centre, canDecide } = await must(getReferral((await params).id));
  const asked = (await searchParams).done;
  const done = DONE.find((d) => d === asked);
  const t = await getTranslations("boardAccessArrangements");
  const ta = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <p>
        <Link href="/board/access-arrangements" className="underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("detailTitle", { arrangement: arrangementName(ta, a), candidate: a.candidate.candidateNumber })}
      />
      {done ? (
        <Alert variant={done === "notNotified" ? "warning" : "success"} live>
          <AlertDescription>{t(`done.${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("centre")}</dt>
        <dd>
          {centre.number} {localized(centre, locale)}
        </dd>
        <dt className="font-semibold">{t("colCandidate")}</dt>
        <dd>
          {a.candidate.candidateNumber} {a.candidate.firstName} {a.candidate.lastName} ({a.candidateUci})
        </dd>
      </dl>
      <ArrangementDetailsView arrangement={a} locale={locale} />
      {canDecide ? (
        <section aria-labelledby="decision-title" className="flex flex-col gap-4">
          <h2 id="decision-title" className="text-2xl font-bold">
            {t("decisionTitle")}
          </h2>
          <DecisionForm arrangementId={a.id} />
        </section>
      ) : null}
    </div>
  );
}
