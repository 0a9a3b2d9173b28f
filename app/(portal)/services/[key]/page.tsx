import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { canUseService, findService } from "@/lib/services/catalogue";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = findService((await params).key);
  const locale = await getLocale();
  return { title: service ? service.title[locale] : (await getTranslations("notFound"))("title") };
}

/** A service whose pages come with a later release: says what it will do, never fake data. */
export default async function ServicePage({ params }: Props) {
  const session = await requireUser();
  const service = findService((await params).key);
  if (!service) notFound();
  const user = session.user;
  if (
    !canUseService(
      { role: user.role, grants: user.grants.map((g) => g.permission), appointeeType: user.appointeeType },
      service,
    )
  )
    redirect("/no-access");
  if (!service.href.startsWith("/services/")) redirect(service.href);
  const t = await getTranslations("service");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{service.title[locale]}</h1>
      <h2 className="text-xl font-semibold">{t("plannedTitle")}</h2>
      <p>{t("plannedBody", { description: service.description[locale] })}</p>
      <p>
        <Link href="/" className="underline">
          {t("backHome")}
        </Link>
      </p>
    </div>
  );
}
