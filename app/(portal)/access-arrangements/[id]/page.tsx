import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getArrangement } from "@/lib/data/access-arrangements/view";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { ArrangementDetailsView } from "@/components/access-arrangements/arrangement-details";
import { arrangementName, candidateName } from "@/components/access-arrangements/names";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { WithdrawForm } from "./_components/withdraw-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessArrangements"))("title") };
}

/** One arrangement with its evidence; after an application, its outcome at the top. */
export default async function ArrangementPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { arrangement: a, canWithdraw } = await must(getArrangement((await params).id));
  const done = (await searchParams).done;
  const t = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const name = arrangementName(t, a);
  return (
    <div className="flex max-w-4xl flex-col gap-8">
      <p>
        <Link href={`/access-arrangements/candidates/${a.candidate.id}`} className="underline">
          {t("detail.back")}
        </Link>
      </p>
      <PageHeader title={t("detail.title", { arrangement: name, candidate: candidateName(a.candidate) })} />
      {done === "applied" && a.status === "APPROVED" && a.reference && a.expiresAt ? (
        <Alert variant="success" live data-testid="outcome">
          <AlertTitle>{t("detail.outcomeApproved")}</AlertTitle>
          <AlertDescription>
            {t("detail.outcomeApprovedBody", {
              reference: a.reference,
              expires: formatDate(a.expiresAt, "date", locale),
            })}
          </AlertDescription>
        </Alert>
      ) : null}
      {done === "applied" && a.status === "REFERRED" && a.referralReason ? (
        <Alert variant="info" live data-testid="outcome">
          <AlertTitle>{t("detail.outcomeReferred")}</AlertTitle>
          <AlertDescription>
            {t("detail.outcomeReferredBody", {
              reason: t(`reasons.${a.referralReason}` as Parameters<typeof t>[0]),
            })}
          </AlertDescription>
        </Alert>
      ) : null}
      {done === "withdrawn" && a.status === "WITHDRAWN" ? (
        <Alert variant="success" live>
          <AlertDescription>{t("forms.withdrawn")}</AlertDescription>
        </Alert>
      ) : null}
      <ArrangementDetailsView arrangement={a} locale={locale} />
      {canWithdraw ? <WithdrawForm arrangementId={a.id} /> : null}
    </div>
  );
}
