import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { openService } from "@/lib/data/services/catalogue";
import { must } from "@/lib/http/page";
import { findService } from "@/lib/services/catalogue";
import { PageHeader } from "@/components/page/page-header";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = findService((await params).key);
  const locale = await getLocale();
  return { title: service ? service.title[locale] : (await getTranslations("notFound"))("title") };
}

/** A service whose pages come with a later release: says what it will do, never fake data. */
export default async function ServicePage({ params }: Props) {
  await requireUser();
  const { service } = await must(openService((await params).key));
  if (!service.href.startsWith("/services/")) redirect(service.href);
  const t = await getTranslations("service");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={service.title[locale]} />
      <h2 className="text-xl font-semibold">{t("plannedTitle")}</h2>
      <p>{t("plannedBody")}</p>
      <h3 className="text-lg font-semibold">{t("purposeTitle")}</h3>
      <p>{service.description[locale]}</p>
      <p>
        <Link href="/" className="underline">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}
