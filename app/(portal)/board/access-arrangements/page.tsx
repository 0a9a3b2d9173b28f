import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { referralQueue } from "@/lib/data/board/access-arrangements";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { arrangementName } from "@/components/access-arrangements/names";
import { StateBadge } from "@/components/access-arrangements/state-badge";
import { PageHeader } from "@/components/page/page-header";
import { Pagination } from "@/components/page/pagination";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAccessArrangements"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").slice(0, 20);

/** The applications referred to the board: waiting (oldest first) or decided. Board staff only. */
export default async function BoardAccessArrangementsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const queue = await must(referralQueue({ view: first(sp.view), centre: first(sp.centre), page: first(sp.page) }));
  const t = await getTranslations("boardAccessArrangements");
  const ta = await getTranslations("accessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const href = (view: string, page = 1) => {
    const q = new URLSearchParams();
    if (view !== "waiting") q.set("view", view);
    if (queue.centre) q.set("centre", queue.centre);
    if (page > 1) q.set("page", String(page));
    const s = q.toString();
    return `/board/access-arrangements${s ? `?${s}` : ""}`;
  };
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")}>
        <p>{ta("sensitive")}</p>
      </PageHeader>
      <p>
        <Link href="/board/access-arrangements/deadlines" className="underline">
          {t("deadlinesLink")}
        </Link>
      </p>
      <nav aria-label={t("viewsLabel")}>
        <ul className="flex flex-wrap gap-x-6 gap-y-2 border-b pb-2">
          {(["waiting", "decided"] as const).map((view) => (
            <li key={view}>
              <Link
                href={href(view)}
                aria-current={queue.view === view ? "page" : undefined}
                className={queue.view === view ? "font-bold underline decoration-4" : "underline"}
              >
                {t(view)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{t("waitingCount", { count: queue.waiting })}</p>
      <form method="get" action="/board/access-arrangements" className="flex flex-wrap items-end gap-3">
        {queue.view !== "waiting" ? <input type="hidden" name="view" value={queue.view} /> : null}
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-centre">{t("centreLabel")}</Label>
          <span id="f-centre-hint" className="text-muted-foreground">
            {t("centreHint")}
          </span>
          <Input
            id="f-centre"
            name="centre"
            inputMode="numeric"
            defaultValue={queue.centre}
            aria-describedby="f-centre-hint"
            className="w-40"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      {queue.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <Table labelledBy="referrals-caption">
          <TableCaption id="referrals-caption">{t("caption", { count: queue.total })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colReceived")}</TableHead>
              <TableHead>{t("colCentre")}</TableHead>
              <TableHead>{t("colCandidate")}</TableHead>
              <TableHead>{t("colArrangement")}</TableHead>
              <TableHead>{t("colReason")}</TableHead>
              <TableHead>{t("colStatus")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {queue.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link href={`/board/access-arrangements/${r.id}`} className="font-semibold underline">
                    {formatDate(r.createdAt, "stamp", locale)}
                  </Link>
                </TableCell>
                <TableCell>
                  {r.centre.number} {localized(r.centre, locale)}
                </TableCell>
                <TableCell>{r.candidate.candidateNumber}</TableCell>
                <TableCell>{arrangementName(ta, r)}</TableCell>
                <TableCell>
                  {r.referralReason ? ta(`reasons.${r.referralReason}` as Parameters<typeof ta>[0]) : ta("none")}
                </TableCell>
                <TableCell>
                  <StateBadge state={r.state} label={ta(`states.${r.state}`)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        page={queue.page}
        pages={pages}
        href={(page) => href(queue.view, page)}
        labels={{
          nav: ta("list.pagination"),
          previous: ta("list.previous"),
          next: ta("list.next"),
          pageOf: ta("list.pageOf", { page: queue.page, pages }),
        }}
      />
    </div>
  );
}
