import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCentreUser } from "@/lib/data/accounts/queries";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { DeleteForm, InviteForms, PermissionsForm, ResetMfaForm, RoleForm } from "@/components/accounts/account-forms";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("manage_users");
  // Another centre's account, or none: the same answer (not found).
  const account = await must(getCentreUser((await params).id));
  const t = await getTranslations("account");
  const tu = await getTranslations("users");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("permissions");
  const locale = await getLocale();
  const name = [account.title, account.name].filter(Boolean).join(" ") || account.email;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <p>
        <Link href="/centre/users" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{name}</h1>
      <section aria-labelledby="details-title" className="flex flex-col gap-2">
        <h2 id="details-title" className="text-2xl font-bold">
          {t("detailsTitle")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{tu("email")}</dt>
          <dd>{account.email}</dd>
          <dt className="font-semibold">{t("jobRole")}</dt>
          <dd>{account.jobRole || "—"}</dd>
          <dt className="font-semibold">{tu("role")}</dt>
          <dd>{tr(account.role)}</dd>
          <dt className="font-semibold">{tu("status")}</dt>
          <dd>
            <Badge variant="outline">{tu(`status_${account.status}`)}</Badge>
          </dd>
          <dt className="font-semibold">{tu("lastSignIn")}</dt>
          <dd>{account.lastSignInAt ? formatDate(account.lastSignInAt, "stamp", locale) : tu("never")}</dd>
          <dt className="font-semibold">{t("secondFactor")}</dt>
          <dd>{account.mfaMethod ? t(`method_${account.mfaMethod}`) : t("noFactor")}</dd>
        </dl>
      </section>

      <section id="access" aria-labelledby="access-title" className="flex flex-col gap-3">
        <h2 id="access-title" className="text-2xl font-bold">
          {t("accessTitle")}
        </h2>
        <p>{t("alwaysHas", { list: account.always.map((p) => tp(p)).join(", ") })}</p>
        {account.can.changePermissions ? (
          <PermissionsForm userId={account.id} options={account.assignable} />
        ) : (
          <p>{t(account.isSelf ? "ownAccount" : "eoAccount")}</p>
        )}
      </section>

      {account.can.changeRole ? (
        <section aria-labelledby="role-title" className="flex flex-col gap-3">
          <h2 id="role-title" className="text-2xl font-bold">
            {t("roleTitle")}
          </h2>
          <RoleForm
            userId={account.id}
            role={account.role as "ADMIN" | "USER"}
            canMakeAdmin={account.can.makeAdmin}
            placesLeft={account.adminPlacesLeft}
          />
        </section>
      ) : null}

      {account.can.resendInvite ? (
        <section id="invite" aria-labelledby="invite-title" className="flex flex-col gap-3">
          <h2 id="invite-title" className="text-2xl font-bold">
            {t("inviteTitle")}
          </h2>
          <InviteForms userId={account.id} />
        </section>
      ) : null}

      {account.can.manage ? (
        <section id="mfa" aria-labelledby="mfa-title" className="flex flex-col gap-3">
          <h2 id="mfa-title" className="text-2xl font-bold">
            {t("mfaTitle")}
          </h2>
          <p>{t("mfaHint")}</p>
          {account.can.resetMfa ? <ResetMfaForm userId={account.id} /> : <p>{t("noFactor")}</p>}
        </section>
      ) : null}

      {account.can.delete ? (
        <section id="delete" aria-labelledby="delete-title" className="flex flex-col gap-3">
          <h2 id="delete-title" className="text-2xl font-bold">
            {t("deleteTitle")}
          </h2>
          <p>{t("deleteHint")}</p>
          <DeleteForm userId={account.id} name={name} />
        </section>
      ) : null}
    </div>
  );
}
