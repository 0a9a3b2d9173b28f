import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { now } from "@/lib/clock";
import { requireUser } from "@/lib/auth/session";
import { listFavourites } from "@/lib/data/services/favourites";
import { dashboardDates } from "@/lib/data/services/welcome";
import { SECTIONS, servicesFor } from "@/lib/services/catalogue";
import { ServicesGrid, type Tile } from "./_components/services-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

const DAY = 86_400_000;

export default async function AllServicesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const session = await requireUser();
  const t = await getTranslations("home");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const locale = await getLocale();
  const user = session.user;
  const at = now();
  const other = locale === "cy" ? "en" : "cy";
  const tiles: Tile[] = servicesFor({
    role: user.role,
    grants: user.grants.map((g) => g.permission),
    appointeeType: user.appointeeType,
  }).map((s) => ({
    key: s.key,
    section: s.section,
    sectionTitle: SECTIONS[s.section][locale],
    title: s.title[locale],
    description: s.description[locale],
    href: s.href,
    // Search matches either language (issue 5).
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
  const [favourites, dates] = await Promise.all([listFavourites(user.id), dashboardDates(at)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "full", timeStyle: "short" });
  // Whole London calendar days from today, whatever the clock change in between.
  const daysUntil = (d: Date) => Math.max(0, Math.round((Date.UTC(...ymd(d)) - Date.UTC(...ymd(at))) / DAY));
  const seriesName = dates.series ? (locale === "cy" ? dates.series.nameCy : dates.series.nameEn) : "";

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="welcome-title" className="rounded-lg border border-border bg-muted p-4">
        <h2 id="welcome-title" className="text-xl font-bold">
          {t("welcome", { name: user.name || user.email })}
        </h2>
        {user.centre ? (
          <p>
            {t("centre", {
              number: user.centre.number,
              name: locale === "cy" ? user.centre.nameCy : user.centre.nameEn,
            })}
          </p>
        ) : null}
        <p>{t("role", { role: tr(user.role) })}</p>
        {dates.series || dates.deadline ? (
          <>
            <h3 className="mt-3 font-semibold">{t("datesTitle")}</h3>
            <ul className="list-disc pl-6">
              {dates.deadline?.markDeadline ? (
                <li>
                  {t("markDeadline", {
                    component: `${dates.deadline.code} ${locale === "cy" ? dates.deadline.titleCy : dates.deadline.titleEn}`,
                    at: when(dates.deadline.markDeadline),
                  })}{" "}
                  ({t("countdown", { days: daysUntil(dates.deadline.markDeadline) })})
                </li>
              ) : null}
              {dates.series && (user.role === "EXAMS_OFFICER" || user.role === "ADMIN") ? (
                <li>
                  {t("restricted", { series: seriesName, at: when(dates.series.restrictedReleaseAt) })} (
                  {t("countdown", { days: daysUntil(dates.series.restrictedReleaseAt) })})
                </li>
              ) : null}
              {dates.series ? (
                <li>
                  {t("resultsDay", { series: seriesName, at: when(dates.series.releaseAt) })} (
                  {t("countdown", { days: daysUntil(dates.series.releaseAt) })})
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
  const s = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
  const [y, m, day] = s.split("-").map(Number);
  return [y, m - 1, day];
}
