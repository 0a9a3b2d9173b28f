import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/page/page-header";
import { SeriesPicker } from "@/components/page/series-picker";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import { Countdown } from "./countdown";
import type { ResultsContext } from "./context";

const NAV = [
  { href: "/results", key: "results" },
  { href: "/results/file", key: "file" },
  { href: "/results/grade-boundaries", key: "boundaries" },
  { href: "/results/item-level-data", key: "itemLevel" },
  { href: "/results/analysis", key: "analysis" },
] as const;

/**
 * The frame of every results page: the heading, links between the results services, the series
 * picker, and — before the caller's own release time — the "not yet released" panel in place of
 * the page's content (the content is then not even rendered).
 */
export async function ResultsShell({
  ctx,
  title,
  path,
  children,
}: {
  ctx: ResultsContext;
  title: string;
  path: (typeof NAV)[number]["href"];
  children: (series: NonNullable<ResultsContext["series"]>) => React.ReactNode | Promise<React.ReactNode>;
}) {
  const t = await getTranslations("results");
  const { series, release, locale } = ctx;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={title} />
      <nav aria-label={t("servicesNav")} className="print:hidden">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link
                href={series ? `${item.href}?series=${encodeURIComponent(series.code)}` : item.href}
                aria-current={item.href === path ? "page" : undefined}
                className="underline aria-[current=page]:font-bold aria-[current=page]:no-underline"
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SeriesPicker
        action={path}
        series={ctx.allSeries}
        selected={series?.code}
        locale={locale}
        label={t("seriesLabel")}
        submit={t("showSeries")}
      />
      {!series || !release ? (
        <p>{t("noSeries")}</p>
      ) : release.released ? (
        await children(series)
      ) : (
        <NotReleased name={localized(series, locale)} releaseAt={release.releaseAt} at={ctx.at} locale={locale} />
      )}
    </div>
  );
}

/** Before the caller's release time: no data, only when the results will come. */
export async function NotReleased({
  name,
  releaseAt,
  at,
  locale,
}: {
  name: string;
  releaseAt: Date | null;
  at: Date;
  locale: Locale;
}) {
  const t = await getTranslations("results.notReleased");
  return (
    <Alert variant="info" aria-labelledby="not-released-title">
      <AlertTitle as="h2" id="not-released-title" className="text-xl">
        {t("title")}
      </AlertTitle>
      {releaseAt ? (
        <div className="flex flex-col gap-2">
          <p>{t("body", { series: name, time: formatDate(releaseAt, "when", locale) })}</p>
          <Countdown target={releaseAt.toISOString()} serverNow={at.toISOString()} />
        </div>
      ) : (
        <p>{t("never", { series: name })}</p>
      )}
    </Alert>
  );
}
