import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { requireStep } from "@/lib/auth/session";
import { SetPasswordForm } from "./_components/set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setPassword"))("title") };
}

export default async function SetPasswordPage() {
  await requireStep("password");
  const t = await getTranslations("setPassword");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <p>{t("intro")}</p>
      <SetPasswordForm />
    </div>
  );
}
