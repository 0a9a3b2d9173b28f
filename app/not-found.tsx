"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { PublicHeader } from "@/components/layout/public-header";

// Next renders the not-found page into every page's payload, once for each layout above the page,
// in case the page turns out not to be found. As a client component it is a reference there, not
// a header and a paragraph rendered on the server for nothing (docs/decisions/025-long-tables.md).
export default function NotFound() {
  const t = useTranslations("notFound");
  const tn = useTranslations("noAccess");
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
