import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listCandidates } from "@/lib/data/entries/candidates";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { PageHeader } from "@/components/page/page-header";
import { Pagination } from "@/components/page/pagination";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.candidates"))("title") };
}

export default async function CandidatesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; saved?: string | string[]; page?: string | string[] }>;
}) {
  await requirePermission("entries");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
  const saved = typeof sp.saved === "string" ? sp.saved : "";
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  const result = await must(listCandidates({ q, locale, page: typeof sp.page === "string" ? sp.page : 1 }));
  const t = await getTranslations("entries.candidates");
  const tp = await getTranslations("entries.pagination");
  const make = result.canMake;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (page: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text ? `/entries/candidates?${text}` : "/entries/candidates";
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={make ? undefined : t("readOnly")} />
      {saved && make ? (
        <Alert variant="success" live>
          <AlertDescription>{t("added", { number: saved })}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-4">
        <form method="get" role="search" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-2">
            <Label htmlFor="q">{t("search")}</Label>
            <Input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              aria-describedby="q-hint"
              className="w-72 max-w-full"
            />
            <span id="q-hint" className="text-muted-foreground">
              {t("searchHint")}
            </span>
          </div>
          <Button type="submit" variant="secondary">
            {t("searchButton")}
          </Button>
        </form>
        {make ? (
          <Button asChild>
            <Link href="/entries/candidates/new">{t("add")}</Link>
          </Button>
        ) : null}
      </div>
      <Table labelledBy="candidates-caption">
        <TableCaption id="candidates-caption">{t("caption", { count: result.total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("surname")}</TableHead>
            <TableHead>{t("forenames")}</TableHead>
            <TableHead>{t("number")}</TableHead>
            <TableHead>{t("uci")}</TableHead>
            <TableHead>{t("dateOfBirth")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.candidates.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{c.lastName}</TableCell>
              <TableCell>{c.firstName}</TableCell>
              <TableCell>{c.candidateNumber}</TableCell>
              <TableCell className="font-mono">{c.uci}</TableCell>
              <TableCell>{formatDate(c.dateOfBirth, "birth", locale)}</TableCell>
              <TableCell>
                <Link href={`/entries/candidates/${c.id}`} prefetch={false} className="text-link underline">
                  {make
                    ? t("editLink", { name: `${c.firstName} ${c.lastName}` })
                    : t("viewLink", { name: `${c.firstName} ${c.lastName}` })}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Pagination
        page={result.page}
        pages={pages}
        href={href}
        labels={{
          nav: tp("label"),
          previous: tp("previous"),
          next: tp("next"),
          pageOf: tp("pageOf", { page: result.page, pages }),
        }}
      />
    </div>
  );
}
