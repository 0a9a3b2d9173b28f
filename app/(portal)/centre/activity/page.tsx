import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { centreActivity } from "@/lib/data/centre/users";
import { isPermission } from "@/lib/auth/catalogue";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

export default async function CentreActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const session = await requirePermission("manage_users");
  const requested = Number.parseInt((await searchParams).page ?? "1", 10);
  const page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 10_000) : 1;
  const activity = await centreActivity(session, page);
  const t = await getTranslations("activity");
  const tp = await getTranslations("permissions");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const events = activity?.events ?? [];
  const label = (action: string) => (t.has(`actions.${action}` as never) ? t(`actions.${action}` as never) : action);
  const detail = (details: unknown): string => {
    if (!details || typeof details !== "object") return "";
    const d = details as Record<string, unknown>;
    const perms = (list: unknown) =>
      Array.isArray(list)
        ? list
            .filter(isPermission)
            .map((p) => tp(p))
            .join(", ")
        : "";
    const parts: string[] = [];
    if (Array.isArray(d.added) && d.added.length) parts.push(`+ ${perms(d.added)}`);
    if (Array.isArray(d.removed) && d.removed.length) parts.push(`− ${perms(d.removed)}`);
    if (typeof d.permission === "string" && isPermission(d.permission)) parts.push(tp(d.permission));
    if (typeof d.to === "string" && ["ADMIN", "USER"].includes(d.to)) parts.push(`→ ${tr(d.to as "ADMIN" | "USER")}`);
    if (typeof d.role === "string" && ["EXAMS_OFFICER", "ADMIN", "USER"].includes(d.role))
      parts.push(tr(d.role as "ADMIN"));
    return parts.join(" · ");
  };
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <Table labelledBy="activity-caption">
        <TableCaption id="activity-caption" className="text-left font-semibold">
          {t("caption", { count: activity?.total ?? 0 })}
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
          {events.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</TableCell>
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
      {activity && activity.pages > 1 ? (
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
