import { getLocale, getTranslations } from "next-intl/server";
import type { LiveSession } from "@/lib/data/identity/sessions";
import { SECTIONS, servicesFor, type SectionKey } from "@/lib/services/catalogue";
import { PortalNav } from "./portal-nav";
import { Wordmark } from "./wordmark";

export async function PortalHeader({ session }: { session: LiveSession }) {
  const tm = await getTranslations("meta");
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
  return (
    <header className="bg-primary text-primary-foreground print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2">
        <Wordmark label={tm("portal")} className="mr-auto" />
        <PortalNav sections={sections} name={user.name || user.email} />
      </div>
    </header>
  );
}
