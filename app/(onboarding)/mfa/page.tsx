import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { requireStep } from "@/lib/auth/session";
import { mfaChallenge } from "@/lib/data/identity/mfa";
import { must } from "@/lib/http/page";
import { MfaChallenge } from "./_components/challenge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfa"))("title") };
}

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ recovery?: string }> }) {
  await requireStep("mfa");
  // A link, not a script, opens the recovery-code form: it must work where a passkey cannot.
  const recovery = (await searchParams).recovery === "1";
  const t = await getTranslations("mfa");
  const { method, destination } = await must(mfaChallenge());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <MfaChallenge method={method} destination={destination} initialRecovery={recovery} />
    </div>
  );
}
