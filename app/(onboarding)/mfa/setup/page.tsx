import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStep } from "@/lib/auth/session";
import { enabledMethods } from "@/lib/data/identity/mfa-setup";
import { MfaSetupFlow } from "@/components/mfa/setup-flow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfaSetup"))("title") };
}

export default async function MfaSetupPage() {
  const session = await requireStep("mfa-setup");
  const t = await getTranslations("mfaSetup");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <MfaSetupFlow methods={enabledMethods()} email={session.user.email} onboarding />
    </div>
  );
}
