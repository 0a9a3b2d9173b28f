import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { ForgotForm } from "./_components/forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgot");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <p>{t("intro")}</p>
      <ForgotForm />
    </div>
  );
}
