import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { allocationForm } from "@/lib/data/board/appointees-allocations";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { codeOrEmpty } from "@/lib/validation/codes";
import { SeriesPicker } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { AddAllocationForm } from "../../../_components/allocation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAppointees"))("allocTitle") };
}

type Search = { series?: string; component?: string; q?: string };

/**
 * Adding an allocation, in steps that work without JavaScript: the series, then one of its
 * components this kind of appointee works on, then centres by number and (examiners) candidates
 * found by a search of the component's entries.
 */
export default async function NewAllocationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  await requireRole("BOARD_STAFF");
  const { id } = await params;
  const sp = await searchParams;
  const one = (v: unknown) => (typeof v === "string" ? v : "");
  const form = await must(
    allocationForm(id, {
      series: codeOrEmpty(one(sp.series)),
      component: codeOrEmpty(one(sp.component)),
      q: one(sp.q),
    }),
  );
  const t = await getTranslations("boardAppointees");
  const locale = await getLocale();
  const here = `/board/appointees/${id}/allocations/new`;
  const { appointee, chosenSeries, chosenComponent } = form;
  const componentName = (c: { code: string; titleEn: string; titleCy: string }) =>
    `${c.code} ${localized(c, locale, "title")}`;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link href={`/board/appointees/${id}`} className="underline">
          {appointee.name || appointee.email}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("allocTitle")}</h1>
      {appointee.type ? (
        <p className="max-w-prose">{t(`allocIntro_${appointee.type}`, { name: appointee.name || appointee.email })}</p>
      ) : null}
      {!form.canAllocate ? (
        <Alert variant="warning">
          <AlertDescription>{t("cannotAllocate")}</AlertDescription>
        </Alert>
      ) : form.series.length === 0 ? (
        <p>{t("noSeries")}</p>
      ) : !chosenSeries ? (
        <SeriesPicker
          action={here}
          series={form.series}
          locale={locale}
          label={t("seriesLabel")}
          submit={t("showComponents")}
        />
      ) : !chosenComponent ? (
        <>
          <SeriesPicker
            action={here}
            series={form.series}
            selected={chosenSeries.code}
            locale={locale}
            label={t("seriesLabel")}
            submit={t("showComponents")}
          />
          {form.components.length === 0 ? (
            <p>{t("noComponents")}</p>
          ) : (
            <form method="get" action={here} className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="series" value={chosenSeries.code} />
              <div className="flex flex-col gap-1">
                <Label htmlFor="component">{t("componentLabel")}</Label>
                <Select id="component" name="component" wrapperClassName="w-96 max-w-full">
                  {form.components.map((c) => (
                    <option key={c.code} value={c.code}>
                      {componentName(c)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit">{t("chooseComponent")}</Button>
            </form>
          )}
        </>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">
              {t("chosen", { component: componentName(chosenComponent), series: localized(chosenSeries, locale) })}
            </span>
            <Link href={`${here}?series=${encodeURIComponent(chosenSeries.code)}`} className="underline">
              {t("change")}
            </Link>
          </p>
          {form.canPickCandidates ? (
            <section aria-labelledby="search-title" className="flex flex-col gap-3">
              <h2 id="search-title" className="text-xl font-semibold">
                {t("candidateSearchTitle")}
              </h2>
              <form
                method="get"
                action={here}
                role="search"
                aria-labelledby="search-title"
                className="flex flex-col gap-2"
              >
                <input type="hidden" name="series" value={chosenSeries.code} />
                <input type="hidden" name="component" value={chosenComponent.code} />
                <Label htmlFor="q">{t("candidateSearchLabel")}</Label>
                <p id="q-hint" className="text-muted-foreground">
                  {t("candidateSearchHint")}
                </p>
                <div className="flex flex-wrap items-end gap-3">
                  <Input
                    id="q"
                    name="q"
                    defaultValue={form.search?.q ?? ""}
                    aria-describedby="q-hint"
                    className="w-64"
                  />
                  <Button type="submit" variant="secondary">
                    {t("search")}
                  </Button>
                </div>
              </form>
              {form.search && form.search.entries.length === 0 ? <p role="status">{t("searchNone")}</p> : null}
              {form.search?.more ? <p>{t("searchMore")}</p> : null}
            </section>
          ) : null}
          <AddAllocationForm
            appointeeId={appointee.id}
            seriesId={chosenSeries.id}
            componentId={chosenComponent.id}
            centresHint={`${t("centresHint")} ${t("centresWithEntries", { count: form.centresWithEntries })}`}
            entries={form.search ? form.search.entries : null}
          />
        </>
      )}
    </div>
  );
}
