"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a person sees when a page fails on the server (the database is down, say): a translated
 * apology, a way to try again, and a reference for support — never a stack or an error message.
 */
export function ServiceUnavailable({ digest, reset }: { digest?: string; reset?: () => void }) {
  const t = useTranslations("unavailable");
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4">{t("body")}</p>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        {reset ? <Button onClick={() => reset()}>{t("retry")}</Button> : null}
        <Link href="/" className="underline">
          {t("home")}
        </Link>
      </div>
      {digest ? <p className="text-sm">{t("reference", { digest })}</p> : null}
    </main>
  );
}
