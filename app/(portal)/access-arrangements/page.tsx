import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { findCandidates } from "@/lib/data/access-arrangements/candidates";
import { listArrangements } from "@/lib/data/access-arrangements/list";
import { LIST_STATES } from "@/lib/access-arrangements/list";
import { ARRANGEMENT_TYPES } from "@/lib/access-arrangements/types";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { arrangementName, candidateName, seriesName } from "@/components/access-arrangements/names";
import { StateBadge } from "@/components/access-arrangements/state-badge";
import { DownloadLink } from "@/components/page/download-link";
import { PageHeader } from "@/components/page/page-header";
import { Pagination } from "@/components/page/pagination";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CandidateSearch } from "./_components/candidate-search";
import { SectionNav } from "./_components/section-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessArrangements"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, 100);

/** The centre's access arrangements: find a candidate, and the list, filtered, paged and exportable. */
export default async function AccessArrangementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const find = first(sp.find).trim();
  const asked = { series: first(sp.series), state: first(sp.state), type: first(sp.type), q: first(sp.q) };
  const [list, found] = await Promise.all([
    must(listArrangements({ ...asked, page: first(sp.page) })),
    find ? must(findCandidates(find)) : null,
  ]);
  const t = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const filters = list.filters;
  const query = (changes: Record<string, string | number> = {}) => {
    const q = new URLSearchParams();
    const values: Record<string, string | number> = { ...filters, find, ...changes };
    for (const [k, v] of Object.entries(values)) if (v !== "" && v !== 1) q.set(k, String(v));
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const exportQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "")).toString();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const attention = list.counts.expiringSoon + list.counts.expired + list.counts.referred > 0;

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} lead={t("intro")}>
        <p>{t("sensitive")}</p>
      </PageHeader>
      <SectionNav current="list" />

      {attention ? (
        <Alert variant="warning">
          <AlertDescription>
            <p className="font-semibold">{t("list.summaryTitle")}</p>
            <ul className="list-disc pl-6">
              <li>
                <Link href={`/access-arrangements${query({ state: "expiringSoon", page: 1 })}`} className="underline">
                  {t("list.expiringSoon", { count: list.counts.expiringSoon })}
                </Link>
              </li>
              <li>
                <Link href={`/access-arrangements${query({ state: "expired", page: 1 })}`} className="underline">
                  {t("list.expired", { count: list.counts.expired })}
                </Link>
              </li>
              <li>
                <Link href={`/access-arrangements${query({ state: "referred", page: 1 })}`} className="underline">
                  {t("list.referred", { count: list.counts.referred })}
                </Link>
              </li>
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}

      <CandidateSearch
        action="/access-arrangements"
        find={find}
        found={found}
        link={(id) => `/access-arrangements/candidates/${id}`}
        keep={filters}
      />

      <section aria-labelledby="list-title" className="flex flex-col gap-4">
        <h2 id="list-title" className="text-2xl font-bold">
          {t("list.title")}
        </h2>
        <form
          method="get"
          action="/access-arrangements"
          aria-label={t("list.filtersTitle")}
          className="flex flex-wrap items-end gap-4"
        >
          {find ? <input type="hidden" name="find" value={find} /> : null}
          <div className="flex flex-col gap-2">
            <Label htmlFor="f-series">{t("list.seriesLabel")}</Label>
            <span id="f-series-hint" className="text-muted-foreground">
              {t("list.seriesHint")}
            </span>
            <Select id="f-series" name="series" defaultValue={filters.series} aria-describedby="f-series-hint">
              <option value="">{t("list.allSeries")}</option>
              <option value="standing">{t("list.standingOnly")}</option>
              {list.seriesChoices.map((s) => (
                <option key={s.code} value={s.code}>
                  {localized(s, locale)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="f-state">{t("list.stateLabel")}</Label>
            <Select id="f-state" name="state" defaultValue={filters.state}>
              <option value="">{t("list.allStates")}</option>
              {LIST_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`states.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="f-type">{t("list.typeLabel")}</Label>
            <Select id="f-type" name="type" defaultValue={filters.type}>
              <option value="">{t("list.allTypes")}</option>
              {ARRANGEMENT_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`types.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="f-q">{t("list.qLabel")}</Label>
            <span id="f-q-hint" className="text-muted-foreground">
              {t("list.qHint")}
            </span>
            <Input
              id="f-q"
              name="q"
              type="search"
              defaultValue={filters.q}
              aria-describedby="f-q-hint"
              autoComplete="off"
              className="w-64 max-w-full"
            />
          </div>
          <Button type="submit" variant="secondary">
            {t("list.show")}
          </Button>
        </form>
        <p>
          <DownloadLink href={`/api/access-arrangements/export${exportQuery ? `?${exportQuery}` : ""}`}>
            {t("list.export")}
          </DownloadLink>
        </p>
        {list.rows.length === 0 ? (
          <p>{t("list.empty")}</p>
        ) : (
          <Table labelledBy="arrangements-caption">
            <TableCaption id="arrangements-caption">{t("list.caption", { count: list.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("list.colCandidate")}</TableHead>
                <TableHead>{t("list.colArrangement")}</TableHead>
                <TableHead>{t("list.colSeries")}</TableHead>
                <TableHead>{t("list.colStatus")}</TableHead>
                <TableHead>{t("list.colReference")}</TableHead>
                <TableHead>{t("list.colExpires")}</TableHead>
                <TableHead>{t("list.colView")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.rows.map((r) => {
                const name = arrangementName(t, r);
                return (
                  <TableRow key={r.id}>
                    <TableCell>
                      <Link href={`/access-arrangements/candidates/${r.candidate.id}`} className="underline">
                        {candidateName(r.candidate)}
                      </Link>
                    </TableCell>
                    <TableCell>{name}</TableCell>
                    <TableCell>{seriesName(t, r.series, locale)}</TableCell>
                    <TableCell>
                      <StateBadge state={r.state} label={t(`states.${r.state}`)} />
                    </TableCell>
                    <TableCell>{r.reference ?? t("none")}</TableCell>
                    <TableCell>{r.expiresAt ? formatDate(r.expiresAt, "date", locale) : t("none")}</TableCell>
                    <TableCell>
                      <Link
                        href={`/access-arrangements/${r.id}`}
                        className="underline"
                        aria-label={t("list.viewLabel", { arrangement: name, candidate: candidateName(r.candidate) })}
                      >
                        {t("list.view")}
                      </Link>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        <Pagination
          page={list.page}
          pages={pages}
          href={(page) => `/access-arrangements${query({ page })}`}
          labels={{
            nav: t("list.pagination"),
            previous: t("list.previous"),
            next: t("list.next"),
            pageOf: t("list.pageOf", { page: list.page, pages }),
          }}
        />
      </section>
    </div>
  );
}
