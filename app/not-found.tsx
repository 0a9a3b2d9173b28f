import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/layout/public-header";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const tn = await getTranslations("noAccess");
  return (
    <>
      <PublicHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
        <title>{t("title")}</title>
        <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
        <p className="mb-4">{t("body")}</p>
        <Link href="/" className="underline">
          {tn("home")}
        </Link>
      </main>
    </>
  );
}
