"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { switchLanguage } from "@/lib/actions/language";
import { Button } from "@/components/ui/button";

export function LanguageToggle() {
  const t = useTranslations("header");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === "cy" ? "en" : "cy";
  return (
    <form action={switchLanguage}>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={search ? `${pathname}?${search}` : pathname} />
      <Button
        type="submit"
        variant="ghost"
        lang={other}
        aria-label={t("switchToLabel")}
        className="text-inherit hover:bg-white/10 hover:text-primary-foreground"
      >
        {t("switchTo")}
      </Button>
    </form>
  );
}
