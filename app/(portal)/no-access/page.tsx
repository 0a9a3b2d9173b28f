import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { mayOpenPath } from "@/lib/data/services/catalogue";
import { must } from "@/lib/http/page";
import { PageHeader } from "@/components/page/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("noAccess"))("title") };
}

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  await requireUser();
  // proxy.ts judged from the cookie's claims. If the live permissions now allow the page (the
  // EO has just granted it), refresh the claims and go on; otherwise this is the answer.
  const from = (await searchParams).from;
  if (from && (await must(mayOpenPath(from))).allowed) {
    redirect(`/api/session/refresh?to=${encodeURIComponent(from)}`);
  }
  const t = await getTranslations("noAccess");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
