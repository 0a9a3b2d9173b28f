import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import type { ActivityDetails } from "@/lib/accounts/activity";
import { centreActivity } from "@/lib/data/accounts/activity";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { PageHeader } from "@/components/page/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

export default async function CentreActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission("manage_users");
  const requested = Number.parseInt((await searchParams).page ?? "1", 10);
  const page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 10_000) : 1;
  const activity = await must(centreActivity(page));
  const t = await getTranslations("activity");
  const tp = await getTranslations("permissions");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const label = (action: string) => (t.has(`actions.${action}` as never) ? t(`actions.${action}` as never) : action);
  const detail = (d: ActivityDetails): string => {
    const parts: string[] = [];
    if (d.added.length) parts.push(`+ ${d.added.map((p) => tp(p)).join(", ")}`);
    if (d.removed.length) parts.push(`− ${d.removed.map((p) => tp(p)).join(", ")}`);
    if (d.permission) parts.push(tp(d.permission));
    if (d.to) parts.push(`→ ${tr(d.to)}`);
    if (d.role) parts.push(tr(d.role));
    return parts.join(" · ");
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <Table labelledBy="activity-caption">
        <TableCaption id="activity-caption" className="text-left font-semibold">
          {t("caption", { count: activity.total })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("when")}</TableHead>
            <TableHead>{t("who")}</TableHead>
            <TableHead>{t("what")}</TableHead>
            <TableHead>{t("whom")}</TableHead>
            <TableHead>{t("outcome")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {activity.events.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{formatDate(e.at, "stamp", locale)}</TableCell>
              <TableCell>{e.actorEmail || t("system")}</TableCell>
              <TableCell>
                {label(e.action)}
                {detail(e.details) ? (
                  <span className="block text-sm text-muted-foreground">{detail(e.details)}</span>
                ) : null}
              </TableCell>
              <TableCell>{e.targetEmail}</TableCell>
              <TableCell>
                {t(`outcome_${e.outcome === "failure" || e.outcome === "denied" ? e.outcome : "success"}`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {activity.pages > 1 ? (
        <nav aria-label={t("page", { page, pages: activity.pages })} className="flex items-center gap-4">
          {page > 1 ? (
            <Link href={`/centre/activity?page=${page - 1}`} className="underline">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("page", { page, pages: activity.pages })}</span>
          {page < activity.pages ? (
            <Link href={`/centre/activity?page=${page + 1}`} className="underline">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
