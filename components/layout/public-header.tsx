import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageToggle } from "./language-toggle";

export async function PublicHeader() {
  const t = await getTranslations("meta");
  return (
    <header className="bg-primary text-primary-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="text-xl font-bold underline-offset-4 hover:underline">
          {t("portal")}
        </Link>
        <Suspense>
          <LanguageToggle />
        </Suspense>
      </div>
    </header>
  );
}
