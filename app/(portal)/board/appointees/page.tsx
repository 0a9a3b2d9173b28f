import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { APPOINTEE_STATUS_FILTERS, APPOINTEE_TYPES } from "@/lib/board/appointees";
import { listAppointees } from "@/lib/data/board/appointees";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { PageHeader } from "@/components/page/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { STATUS_BADGE } from "./_components/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAppointees"))("title") };
}

type Search = { q?: string; type?: string; status?: string };

export default async function BoardAppointeesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole("BOARD_STAFF");
  const params = await searchParams;
  const one = (v: unknown) => (typeof v === "string" ? v : undefined);
  const { appointees, filter } = await must(
    listAppointees({ q: one(params.q), type: one(params.type), status: one(params.status) }),
  );
  const t = await getTranslations("boardAppointees");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title={t("title")} lead={t("intro")} />
        <Button asChild>
          <Link href="/board/appointees/new">{t("create")}</Link>
        </Button>
      </div>
      <section aria-labelledby="find-title" className="flex flex-col gap-4">
        <h2 id="find-title" className="text-2xl font-bold">
          {t("filterTitle")}
        </h2>
        <form method="get" role="search" aria-labelledby="find-title" className="flex flex-wrap items-end gap-4">
          <div className="flex flex-col gap-1">
            <Label htmlFor="q">{t("searchLabel")}</Label>
            <Input id="q" name="q" defaultValue={filter.q} className="w-64" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="type">{t("typeFilter")}</Label>
            <Select id="type" name="type" defaultValue={filter.type ?? ""}>
              <option value="">{t("any")}</option>
              {APPOINTEE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`type_${type}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="status">{t("statusFilter")}</Label>
            <Select id="status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("any")}</option>
              {APPOINTEE_STATUS_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {t(`status_${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit">{t("apply")}</Button>
          <Button asChild variant="link">
            <Link href="/board/appointees">{t("clear")}</Link>
          </Button>
        </form>
      </section>
      <Table labelledBy="appointees-caption">
        <TableCaption id="appointees-caption" className="text-left font-semibold">
          {t("caption", { count: appointees.length })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("name")}</TableHead>
            <TableHead>{t("type")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{t("allocations")}</TableHead>
            <TableHead>{t("lastSignIn")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {appointees.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Link href={`/board/appointees/${a.id}`} className="font-semibold underline">
                  {a.name || a.email}
                </Link>
                <span className="block text-muted-foreground">{a.email}</span>
              </TableCell>
              <TableCell>{a.type ? t(`type_${a.type}`) : "—"}</TableCell>
              <TableCell>
                <Badge variant={STATUS_BADGE[a.status]}>{t(`status_${a.status}`)}</Badge>
              </TableCell>
              <TableCell>{a.allocations}</TableCell>
              <TableCell>{a.lastSignInAt ? formatDate(a.lastSignInAt, "stamp", locale) : t("never")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {appointees.length >= 200 ? <p>{t("capped")}</p> : null}
    </div>
  );
}
