import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { LONDON } from "@/lib/time";
import { Countdown } from "./countdown";
import { seriesName, type ResultsContext } from "./context";

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
  children: () => React.ReactNode | Promise<React.ReactNode>;
}) {
  const t = await getTranslations("results");
  const { series, visibility, locale } = ctx;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{title}</h1>
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
      {ctx.allSeries.length > 0 ? (
        <form method="get" action={path} className="flex flex-wrap items-end gap-3 print:hidden">
          <div className="flex flex-col gap-1">
            <Label htmlFor="series-picker">{t("seriesLabel")}</Label>
            <Select id="series-picker" name="series" defaultValue={series?.code} wrapperClassName="w-64">
              {ctx.allSeries.map((s) => (
                <option key={s.id} value={s.code}>
                  {seriesName(s, locale)}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            {t("showSeries")}
          </Button>
        </form>
      ) : null}
      {!series || !visibility ? (
        <p>{t("noSeries")}</p>
      ) : visibility.visible ? (
        await children()
      ) : (
        <NotReleased name={seriesName(series, locale)} releaseAt={visibility.releaseAt} at={ctx.at} />
      )}
    </div>
  );
}

/** Before the caller's release time: no data, only when the results will come. */
export async function NotReleased({ name, releaseAt, at }: { name: string; releaseAt: Date | null; at: Date }) {
  const t = await getTranslations("results.notReleased");
  const format = await getFormatter();
  return (
    <Alert variant="info" aria-labelledby="not-released-title">
      <AlertTitle as="h2" id="not-released-title" className="text-xl">
        {t("title")}
      </AlertTitle>
      {releaseAt ? (
        <div className="flex flex-col gap-2">
          <p>
            {t("body", {
              series: name,
              time: format.dateTime(releaseAt, {
                timeZone: LONDON,
                weekday: "long",
                day: "numeric",
                month: "long",
                year: "numeric",
                hour: "2-digit",
                minute: "2-digit",
                hourCycle: "h23",
              }),
            })}
          </p>
          <Countdown target={releaseAt.toISOString()} serverNow={at.toISOString()} />
        </div>
      ) : (
        <p>{t("never", { series: name })}</p>
      )}
    </Alert>
  );
}
