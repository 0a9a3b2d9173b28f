import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { canUseService, findServiceForPath } from "@/lib/services/catalogue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("noAccess"))("title") };
}

export default async function NoAccessPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const session = await requireUser();
  // proxy.ts judged from the cookie's claims. If the live permissions now allow the page (the
  // EO has just granted it), refresh the claims and go on; otherwise this is the answer.
  const from = (await searchParams).from;
  const service = from && from.startsWith("/") && !from.startsWith("//") ? findServiceForPath(from) : undefined;
  const user = session.user;
  if (
    from &&
    service &&
    canUseService(
      { role: user.role, grants: user.grants.map((g) => g.permission), appointeeType: user.appointeeType },
      service,
    )
  ) {
    redirect(`/api/session/refresh?to=${encodeURIComponent(from)}`);
  }
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
