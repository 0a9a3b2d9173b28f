"use client";

import { Suspense } from "react";
import { useTranslations } from "next-intl";
import { LanguageToggle } from "./language-toggle";
import { Wordmark } from "./wordmark";

/**
 * The header of the pages outside the portal: the wordmark and the language toggle. A client
 * component because it is also part of the not-found page (app/not-found.tsx), which is in every
 * page's payload.
 */
export function PublicHeader() {
  const t = useTranslations("meta");
  return (
    <header className="bg-primary text-primary-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Wordmark label={t("portal")} />
        <Suspense>
          <LanguageToggle />
        </Suspense>
      </div>
    </header>
  );
}
