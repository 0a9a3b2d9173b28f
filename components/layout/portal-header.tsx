import { Suspense } from "react";
import { Search } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { SECTIONS, servicesFor, type SectionKey } from "@/lib/services/catalogue";
import { HeaderMenu } from "./header-menu";
import { LanguageToggle } from "./language-toggle";
import { ProfileMenu } from "./profile-menu";
import { ServicesMenu } from "./services-menu";
import { Wordmark } from "./wordmark";

export async function PortalHeader({ session }: { session: LiveSession }) {
  const t = await getTranslations("header");
  const tm = await getTranslations("meta");
  const th = await getTranslations("home");
  const locale = await getLocale();
  const user = session.user;
  const services = servicesFor({
    role: user.role,
    grants: user.grants.map((g) => g.permission),
    appointeeType: user.appointeeType,
  });
  const sections = (Object.keys(SECTIONS) as SectionKey[])
    .map((key) => ({
      key,
      title: SECTIONS[key][locale],
      items: services
        .filter((s) => s.section === key)
        .map((s) => ({ key: s.key, title: s.title[locale], href: s.href })),
    }))
    .filter((s) => s.items.length > 0);
  const name = user.name || user.email;
  return (
    <header className="bg-primary text-primary-foreground print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2">
        <Wordmark label={tm("portal")} className="mr-auto" />
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
      </div>
    </header>
  );
}
