import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { listCentres } from "@/lib/data/board/centres";
import { must } from "@/lib/http/page";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

export default async function BoardCentresPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireRole("BOARD_STAFF");
  const q = ((await searchParams).q ?? "").slice(0, 100);
  const { centres } = await must(listCentres(q));
  const t = await getTranslations("board");
  const tu = await getTranslations("users");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title={t("title")} lead={t("intro")} />
        <Button asChild>
          <Link href="/board/centres/new">{t("create")}</Link>
        </Button>
      </div>
      <form method="get" role="search" aria-label={t("searchLabel")} className="flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="q">{t("searchLabel")}</Label>
          <Input id="q" name="q" defaultValue={q} className="w-64" />
        </div>
        <Button type="submit">{tu("apply")}</Button>
      </form>
      <Table labelledBy="centres-caption">
        <TableCaption id="centres-caption" className="text-left font-semibold">
          {t("caption", { count: centres.length })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("number")}</TableHead>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("examsOfficer")}</TableHead>
            <TableHead>{t("accounts")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {centres.map((c) => (
            <TableRow key={c.id}>
              <TableCell>
                <Link href={`/board/centres/${c.id}`} className="font-semibold underline">
                  {c.number}
                </Link>
              </TableCell>
              <TableCell>{localized(c, locale)}</TableCell>
              <TableCell>
                {c.examsOfficer ? (
                  <>
                    {c.examsOfficer.name || c.examsOfficer.email}{" "}
                    <Badge variant="outline">{tu(`status_${c.examsOfficer.status}`)}</Badge>
                  </>
                ) : (
                  t("noExamsOfficer")
                )}
              </TableCell>
              <TableCell>{c.accounts}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
