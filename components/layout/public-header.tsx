import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageToggle } from "./language-toggle";
import { Wordmark } from "./wordmark";

export async function PublicHeader() {
  const t = await getTranslations("meta");
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
