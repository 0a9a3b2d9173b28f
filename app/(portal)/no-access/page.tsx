import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("noAccess"))("title") };
}

export default async function NoAccessPage() {
  await requireUser();
  const t = await getTranslations("noAccess");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
