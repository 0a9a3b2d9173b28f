"use client";

import { Suspense } from "react";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { HeaderMenu } from "./header-menu";
import { LanguageToggle } from "./language-toggle";
import { ProfileMenu } from "./profile-menu";
import { ServicesMenu, type MenuSection } from "./services-menu";

/**
 * The portal header's navigation: All Services, search, the language toggle and the profile
 * menu. One client component drawn from two props, so every page's frame sends the browser the
 * caller's services and name rather than the header's markup twice over
 * (docs/decisions/025-long-tables.md).
 */
export function PortalNav({ sections, name }: { sections: MenuSection[]; name: string }) {
  const t = useTranslations("header");
  const th = useTranslations("home");
  return (
    <HeaderMenu label={t("menu")} navLabel={t("mainNav")}>
      <ServicesMenu label={t("allServices")} allLabel={th("title")} sections={sections} />
      <form action="/" method="get" role="search" className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <label htmlFor="header-search" className="inline-flex items-center gap-1 font-semibold">
          <Search aria-hidden="true" className="size-5 shrink-0" />
          {t("searchLabel")}
        </label>
        <input
          id="header-search"
          name="q"
          type="search"
          className="h-11 w-56 max-w-full min-w-0 rounded-md border border-white/60 bg-white px-2 text-foreground lg:w-40"
        />
      </form>
      <Suspense>
        <LanguageToggle />
      </Suspense>
      <ProfileMenu
        name={name}
        labels={{
          menu: t("profileMenu", { name }),
          profile: t("profile"),
          security: t("security"),
          signOut: t("signOut"),
        }}
      />
    </HeaderMenu>
  );
}
