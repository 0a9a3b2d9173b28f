import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listCandidates } from "@/lib/data/entries/candidates";
import { listEntries } from "@/lib/data/entries/entries";
import { CANDIDATE_PICKER_SIZE } from "@/lib/entries/rules";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { EntryRows } from "@/components/entries/entry-rows";
import { DownloadLink } from "@/components/page/download-link";
import { PageHeader } from "@/components/page/page-header";
import { Pagination } from "@/components/page/pagination";
import { seriesParam } from "@/components/page/series-picker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { EnterForm, WithdrawForm } from "./_components/entry-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.list"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function EntriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("entries");
  const sp = await searchParams;
  const filters = { spec: first(sp.spec), status: first(sp.status), q: first(sp.q).slice(0, 100) };
  // The candidate picker of "Enter a candidate" searches: the matches of `find`, never every candidate.
  const find = first(sp.find).trim().slice(0, 100);
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const [result, found] = await Promise.all([
    must(listEntries(seriesParam(sp), { ...filters, page: first(sp.page) })),
    find ? must(listCandidates({ q: find, locale, pageSize: CANDIDATE_PICKER_SIZE })) : null,
  ]);
  const t = await getTranslations("entries.list");
  const tp = await getTranslations("entries.pagination");
  const series = result.series;
  if (!series) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("title")} />
        <p>{t("noSeries")}</p>
      </div>
    );
  }
  const make = result.canMake;
  const matches = make ? found : null;
  const specs = result.specifications;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  /** This page's address with other values (an empty value is left out). */
  const href = (changes: Record<string, string | number>) => {
    const query = new URLSearchParams();
    const values: Record<string, string | number> = { series: series.code, ...filters, find, ...changes };
    for (const [k, v] of Object.entries(values)) if (v !== "" && v !== 1) query.set(k, String(v));
    return `/entries?${query.toString()}`;
  };

  const table = (
    <Table labelledBy="entries-caption">
      <TableCaption id="entries-caption">
        {t("caption", { count: result.total, series: localized(series, locale) })}
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("number")}</TableHead>
          <TableHead>{t("candidate")}</TableHead>
          <TableHead>{t("specification")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("enteredAt")}</TableHead>
          {make ? (
            <TableHead>
              <span className="sr-only">{t("actions")}</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        <EntryRows
          rows={result.entries.map((e) => {
            const name = `${e.candidate.lastName}, ${e.candidate.firstName}`;
            return {
              id: e.id,
              candidateNumber: e.candidate.candidateNumber,
              name,
              specification: `${e.spec.code} ${localized(e.spec, locale, "title")}`,
              entered: e.status === "ENTERED",
              status: t(`status${e.status}`),
              late: e.late,
              enteredAt: formatDate(e.createdAt, "stamp", locale),
              withdrawLabel: make && e.status === "ENTERED" ? t("withdrawLabel", { name, spec: e.spec.code }) : null,
            };
          })}
          labels={{ late: t("late"), withdraw: make ? t("withdraw") : null }}
        />
      </TableBody>
    </Table>
  );
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} lead={make ? undefined : t("readOnly")} />
      <form method="get" className="flex flex-wrap items-end gap-4">
        {find ? <input type="hidden" name="find" value={find} /> : null}
        <div className="flex flex-col gap-2">
          <Label htmlFor="series">{t("series")}</Label>
          <Select id="series" name="series" defaultValue={series.code}>
            {result.seriesChoices.map((s) => (
              <option key={s.id} value={s.code}>
                {localized(s, locale)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="spec">{t("specification")}</Label>
          <Select id="spec" name="spec" defaultValue={filters.spec}>
            <option value="">{t("allSpecifications")}</option>
            {specs.map((s) => (
              <option key={s.id} value={s.code}>
                {s.code} {localized(s, locale, "title")}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="status">{t("status")}</Label>
          <Select id="status" name="status" defaultValue={filters.status}>
            <option value="">{t("allStatuses")}</option>
            <option value="ENTERED">{t("statusENTERED")}</option>
            <option value="WITHDRAWN">{t("statusWITHDRAWN")}</option>
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="q">{t("filterCandidate")}</Label>
          <span id="q-hint" className="text-muted-foreground">
            {t("filterCandidateHint")}
          </span>
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q}
            aria-describedby="q-hint"
            autoComplete="off"
            className="w-64 max-w-full"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>

      <section aria-labelledby="deadline-title" className="flex flex-col gap-2">
        <h2 id="deadline-title" className="text-2xl font-bold">
          {t("deadlineTitle")}
        </h2>
        <p>
          {t("deadline", {
            series: localized(series, locale),
            at: formatDate(series.entryDeadline, "when", locale),
          })}
        </p>
        {result.deadlinePassed ? (
          <Alert variant="warning">
            <AlertDescription>{t("deadlinePassed")}</AlertDescription>
          </Alert>
        ) : null}
      </section>

      {make ? (
        <section aria-labelledby="enter-title" className="flex flex-col gap-4">
          <h2 id="enter-title" className="text-2xl font-bold">
            {t("enterTitle")}
          </h2>
          <form method="get" role="search" aria-label={t("findCandidate")} className="flex flex-wrap items-end gap-2">
            {Object.entries({ series: series.code, ...filters }).map(([name, value]) =>
              value ? <input key={name} type="hidden" name={name} value={value} /> : null,
            )}
            <div className="flex flex-col gap-2">
              <Label htmlFor="find">{t("findCandidate")}</Label>
              <span id="find-hint" className="text-muted-foreground">
                {t("findHint")}
              </span>
              <Input
                id="find"
                name="find"
                type="search"
                defaultValue={find}
                aria-describedby="find-hint"
                autoComplete="off"
                className="w-72 max-w-full"
              />
            </div>
            <Button type="submit" variant="secondary">
              {t("find")}
            </Button>
          </form>
          {!matches ? (
            <p>{t("searchFirst")}</p>
          ) : matches.total === 0 ? (
            <p>{t("noMatch", { q: find })}</p>
          ) : (
            <>
              <p>
                {t("matches", { count: matches.total, q: find })}
                {matches.total > matches.candidates.length
                  ? ` ${t("moreMatches", { shown: matches.candidates.length, count: matches.total })}`
                  : null}
              </p>
              <EnterForm
                seriesId={series.id}
                candidates={matches.candidates.map((c) => ({
                  value: c.id,
                  label: `${c.candidateNumber} ${c.lastName}, ${c.firstName}`,
                }))}
                specs={specs.map((s) => ({
                  value: s.id,
                  label: `${s.code} ${s.qualification} ${localized(s, locale, "title")}`,
                }))}
              />
            </>
          )}
          <p>
            <Link href={`/entries/import?series=${encodeURIComponent(series.code)}`} className="text-link underline">
              {t("importLink")}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="list-title" className="flex flex-col gap-4">
        <h2 id="list-title" className="text-2xl font-bold">
          {t("listTitle")}
        </h2>
        <p>
          <DownloadLink href={`/api/entries/export?series=${encodeURIComponent(series.code)}`}>
            {t("export")}
          </DownloadLink>
        </p>
        {make ? <WithdrawForm>{table}</WithdrawForm> : table}
        <Pagination
          page={result.page}
          pages={pages}
          href={(page) => href({ page })}
          labels={{
            nav: tp("label"),
            previous: tp("previous"),
            next: tp("next"),
            pageOf: tp("pageOf", { page: result.page, pages }),
          }}
        />
      </section>
    </div>
  );
}
