import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSeries } from "@/lib/data/board/series";
import { must } from "@/lib/http/page";
import { calendarDateString, londonFields } from "@/lib/board/series-times";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { ComponentsForm, type ComponentRow } from "../_components/components-form";
import { SeriesForm } from "../_components/series-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardSeries"))("title") };
}

const DONE = ["created", "updated", "unchanged", "componentsSaved"] as const;

export default async function BoardSeriesEditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { series, entries, results, releaseChangeNeedsConfirmation, components } = await must(
    getSeries((await params).id),
  );
  const asked = (await searchParams).done;
  const done = DONE.find((d) => d === asked);
  const t = await getTranslations("boardSeries");
  const locale = await getLocale();
  const resultsDay = calendarDateString(series.resultsDay);
  const restricted = londonFields(series.restrictedReleaseAt);
  const release = londonFields(series.releaseAt);
  const deadline = londonFields(series.entryDeadline);
  const initial = {
    code: series.code,
    nameEn: series.nameEn,
    nameCy: series.nameCy,
    resultsDay,
    restrictedDate: restricted.date,
    restrictedTime: restricted.time,
    releaseDate: release.date,
    releaseTime: release.time,
    entryDeadlineDate: deadline.date,
    entryDeadlineTime: deadline.time,
  };
  const rows: ComponentRow[] = components.map((c) => {
    const mark = c.markDeadline ? londonFields(c.markDeadline) : { date: "", time: "" };
    return {
      id: c.id,
      label: `${c.code} ${localized(c, locale, "title")}`,
      internallyAssessed: c.internallyAssessed,
      maxMark: c.maxMark,
      defaultDeadline: c.defaultMarkDeadline ? formatDate(c.defaultMarkDeadline, "stamp", locale) : null,
      markDate: mark.date,
      markTime: mark.time,
      tolerance: c.tolerance === null ? "" : String(c.tolerance),
    };
  });
  return (
    // The forms as wide as a reading column; the components' tables wider, for their five columns.
    <div className="flex max-w-5xl flex-col gap-8">
      <p>
        <Link href="/board/series" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">
        {localized(series, locale)} ({series.code})
      </h1>
      {done ? (
        <Alert variant="success" live className="max-w-3xl">
          <AlertDescription>{t(`done_${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      <section aria-labelledby="times-title" className="flex max-w-3xl flex-col gap-3">
        <h2 id="times-title" className="text-2xl font-bold">
          {t("timesTitle")}
        </h2>
        <p>{t("ukTime")}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2" data-testid="series-times">
          <dt className="font-semibold">{t("resultsDay")}</dt>
          <dd>{formatDate(resultsDay, "day", locale)}</dd>
          <dt className="font-semibold">{t("restrictedRelease")}</dt>
          <dd>{formatDate(series.restrictedReleaseAt, "when", locale)}</dd>
          <dt className="font-semibold">{t("release")}</dt>
          <dd>{formatDate(series.releaseAt, "when", locale)}</dd>
          <dt className="font-semibold">{t("entryDeadline")}</dt>
          <dd>{formatDate(series.entryDeadline, "when", locale)}</dd>
          <dt className="font-semibold">{t("entries")}</dt>
          <dd>{entries}</dd>
        </dl>
        <p>{results > 0 ? t("resultsLoaded", { count: results }) : t("noResults")}</p>
      </section>
      <section aria-labelledby="details-title" className="flex max-w-3xl flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-bold">
          {t("detailsTitle")}
        </h2>
        <SeriesForm seriesId={series.id} initial={initial} needsConfirmation={releaseChangeNeedsConfirmation} />
      </section>
      <section id="components" aria-labelledby="components-title" className="flex flex-col gap-4">
        <h2 id="components-title" className="text-2xl font-bold">
          {t("componentsTitle")}
        </h2>
        <p className="max-w-prose">{t("componentsIntro")}</p>
        {rows.length ? <ComponentsForm seriesId={series.id} rows={rows} /> : <p>{t("noComponents")}</p>}
      </section>
    </div>
  );
}
