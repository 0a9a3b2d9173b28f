import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { PERMISSIONS, isPermission } from "@/lib/auth/catalogue";
import { ACCOUNT_STATUSES } from "@/lib/accounts/status";
import { pendingAccessRequests } from "@/lib/data/accounts/access-requests";
import { listCentreUsers } from "@/lib/data/accounts/queries";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RequestDecision, UserRowMenu } from "./_components/user-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

const ROLES = ["EXAMS_OFFICER", "ADMIN", "USER"] as const;
const DONE = ["invited", "deleted", "inviteWithdrawn"] as const;
const STATUS_VARIANT = {
  active: "success",
  invited: "secondary",
  inviteExpired: "warning",
  locked: "destructive",
} as const;

type Search = { q?: string; role?: string; status?: string; permission?: string; done?: string };

export default async function ManageUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("manage_users");
  const params = await searchParams;
  const t = await getTranslations("users");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("permissions");
  const locale = await getLocale();
  const filter = {
    q: params.q?.slice(0, 100),
    role: ROLES.find((r) => r === params.role),
    status: ACCOUNT_STATUSES.find((s) => s === params.status),
    permission: isPermission(params.permission) ? params.permission : undefined,
  };
  const [{ centre, users, adminPlacesLeft }, { requests }] = await Promise.all([
    must(listCentreUsers(filter)),
    must(pendingAccessRequests()),
  ]);
  const done = DONE.find((d) => d === params.done);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title={t("title")} lead={t("intro", { centre: `${centre.number} ${localized(centre, locale)}` })}>
          <p>{t("adminPlaces", { count: adminPlacesLeft })}</p>
        </PageHeader>
        <div className="flex gap-2">
          <Button asChild>
            <Link href="/centre/users/invite">{t("invite")}</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/centre/activity">{t("activityLink")}</Link>
          </Button>
        </div>
      </div>
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done_${done}`)}</AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="requests-title" className="flex flex-col gap-3">
        <h2 id="requests-title" className="text-2xl font-bold">
          {t("requestsTitle")}
        </h2>
        {requests.length === 0 ? (
          <p>{t("requestsNone")}</p>
        ) : (
          <Table label={t("requestsCaption")}>
            <TableCaption className="sr-only">{t("requestsCaption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("permissions")}</TableHead>
                <TableHead>{t("requested")}</TableHead>
                <TableHead>{t("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    {r.user.name} <span className="text-muted-foreground">({r.user.email})</span>
                  </TableCell>
                  <TableCell>{isPermission(r.permission) ? tp(r.permission) : r.permission}</TableCell>
                  <TableCell>{formatDate(r.createdAt, "stamp", locale)}</TableCell>
                  <TableCell>
                    {r.canDecide ? (
                      <RequestDecision requestId={r.id} who={r.user.name || r.user.email} />
                    ) : (
                      t("cannotDecide")
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="accounts-title" className="flex flex-col gap-4">
        <h2 id="accounts-title" className="text-2xl font-bold">
          {t("filterTitle")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-4" role="search" aria-labelledby="accounts-title">
          <div className="flex flex-col gap-1">
            <Label htmlFor="q">{t("searchLabel")}</Label>
            <Input id="q" name="q" defaultValue={filter.q ?? ""} className="w-64" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="role">{t("roleFilter")}</Label>
            <Select id="role" name="role" defaultValue={filter.role ?? ""}>
              <option value="">{t("any")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="status">{t("statusFilter")}</Label>
            <Select id="status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("any")}</option>
              {ACCOUNT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status_${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="permission">{t("permissionFilter")}</Label>
            <Select id="permission" name="permission" defaultValue={filter.permission ?? ""}>
              <option value="">{t("any")}</option>
              {PERMISSIONS.map((p) => (
                <option key={p} value={p}>
                  {tp(p)}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit">{t("apply")}</Button>
          <Button asChild variant="link">
            <Link href="/centre/users">{t("clear")}</Link>
          </Button>
        </form>
        <Table labelledBy="users-caption">
          <TableCaption id="users-caption" className="text-left font-semibold">
            {t("tableCaption", { count: users.length })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("role")}</TableHead>
              <TableHead>{t("permissions")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("lastSignIn")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>
                  <Link href={`/centre/users/${u.id}`} className="font-semibold underline">
                    {[u.title, u.name].filter(Boolean).join(" ") || u.email}
                  </Link>{" "}
                  {u.isSelf ? t("you") : null}
                  <br />
                  <span className="text-muted-foreground">{u.email}</span>
                  {u.jobRole ? <span className="block text-muted-foreground">{u.jobRole}</span> : null}
                </TableCell>
                <TableCell>{tr(u.role)}</TableCell>
                <TableCell>{u.permissions.map((p) => tp(p)).join(", ")}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_VARIANT[u.status]}>{t(`status_${u.status}`)}</Badge>
                  {u.status === "invited" && u.inviteExpiresAt ? (
                    <span className="block text-sm">
                      {t("inviteExpires", { at: formatDate(u.inviteExpiresAt, "date", locale) })}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell>{u.lastSignInAt ? formatDate(u.lastSignInAt, "stamp", locale) : t("never")}</TableCell>
                <TableCell>
                  {u.can.manage ? (
                    <UserRowMenu userId={u.id} name={u.name || u.email} invited={u.can.resendInvite} />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </div>
  );
}
