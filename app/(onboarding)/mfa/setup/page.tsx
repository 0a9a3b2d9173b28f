import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { requireStep } from "@/lib/auth/session";
import { mfaSetupOptions } from "@/lib/data/identity/mfa-setup";
import { must } from "@/lib/http/page";
import { MfaSetupFlow } from "@/components/mfa/setup-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfaSetup"))("title") };
}

export default async function MfaSetupPage() {
  await requireStep("mfa-setup");
  const t = await getTranslations("mfaSetup");
  const { methods, email, passkeyRequired } = await must(mfaSetupOptions());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <p>{t("intro")}</p>
      <MfaSetupFlow methods={methods} email={email} onboarding passkeyRequired={passkeyRequired} />
    </div>
  );
}
