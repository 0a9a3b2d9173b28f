import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { myMarkDeadlines } from "@/lib/data/marks/appointee-deadlines";
import { myServices } from "@/lib/data/services/catalogue";
import { listFavourites } from "@/lib/data/services/favourites";
import { welcomePanel } from "@/lib/data/services/welcome";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { SECTIONS } from "@/lib/services/catalogue";
import { londonParts } from "@/lib/time";
import { PageHeader } from "@/components/page/page-header";
import { ServicesGrid, type Tile } from "./_components/services-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

const DAY = 86_400_000;

export default async function AllServicesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireUser();
  const t = await getTranslations("home");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const [{ services }, { favourites }, panel, { deadlines: ownDeadlines }] = await Promise.all([
    must(myServices()),
    must(listFavourites()),
    must(welcomePanel()),
    // An appointee's own mark deadlines (their allocations); none for other accounts.
    must(myMarkDeadlines()),
  ]);
  const other = locale === "cy" ? "en" : "cy";
  const tiles: Tile[] = services.map((s) => ({
    key: s.key,
    section: s.section,
    sectionTitle: SECTIONS[s.section][locale],
    title: s.title[locale],
    description: s.description[locale],
    href: s.href,
    // Search matches either language (docs/product-rules.md, "All Services").
    haystack: [
      s.title[locale],
      s.description[locale],
      SECTIONS[s.section][locale],
      s.title[other],
      s.description[other],
    ]
      .join(" ")
      .toLowerCase(),
  }));
  const when = (d: Date) => formatDate(d, "when", locale);
  // Whole London calendar days from today, whatever the clock change in between.
  const daysUntil = (d: Date) => Math.max(0, Math.round((Date.UTC(...ymd(d)) - Date.UTC(...ymd(panel.at))) / DAY));
  const { series, deadline } = panel;
  const seriesName = series ? localized(series, locale) : "";

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} />
      <section aria-labelledby="welcome-title" className="rounded-lg border border-border bg-muted p-4">
        <h2 id="welcome-title" className="text-xl font-bold">
          {t("welcome", { name: panel.name || panel.email })}
        </h2>
        {panel.centre ? (
          <p>{t("centre", { number: panel.centre.number, name: localized(panel.centre, locale) })}</p>
        ) : null}
        <p>{t("role", { role: tr(panel.role) })}</p>
        {series || deadline || ownDeadlines.length ? (
          <>
            <h3 className="mt-3 font-semibold">{t("datesTitle")}</h3>
            <ul className="list-disc pl-6">
              {deadline ? (
                <li>
                  {t("markDeadline", {
                    component: `${deadline.code} ${localized(deadline, locale, "title")}`,
                    at: when(deadline.markDeadline),
                  })}{" "}
                  ({t("countdown", { days: daysUntil(deadline.markDeadline) })})
                </li>
              ) : null}
              {ownDeadlines.map((d) => (
                <li key={`${d.code}-${d.markDeadline.toISOString()}`}>
                  {t("appointeeDeadline", {
                    component: `${d.code} ${localized(d, locale, "title")}`,
                    series: localized(d.series, locale),
                    at: when(d.markDeadline),
                  })}{" "}
                  ({t("countdown", { days: daysUntil(d.markDeadline) })})
                </li>
              ))}
              {series?.restrictedReleaseAt ? (
                <li>
                  {t("restricted", { series: seriesName, at: when(series.restrictedReleaseAt) })} (
                  {t("countdown", { days: daysUntil(series.restrictedReleaseAt) })})
                </li>
              ) : null}
              {series ? (
                <li>
                  {t("resultsDay", { series: seriesName, at: when(series.releaseAt) })} (
                  {t("countdown", { days: daysUntil(series.releaseAt) })})
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
      </section>
      {tiles.length ? (
        <ServicesGrid tiles={tiles} favourites={favourites} initialQuery={(await searchParams).q ?? ""} />
      ) : (
        <p>{t("noServices")}</p>
      )}
    </div>
  );
}

/** The London calendar date of an instant, as [y, m0, d] for Date.UTC. */
function ymd(d: Date): [number, number, number] {
  const { year, month, day } = londonParts(d);
  return [year, month - 1, day];
}
