import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { isPermission } from "@/lib/auth/catalogue";
import { myProfile } from "@/lib/data/identity/profile";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { DetailsForm, EmailForm, PasswordForm } from "./_components/profile-forms";
import { AccessRequestForm } from "./_components/access-request";
import { requestablePermissions } from "@/lib/data/accounts/access-requests";
import { must } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  await requireUser();
  const t = await getTranslations("profile");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("permissions");
  const locale = await getLocale();
  const user = await must(myProfile());
  const ta = await getTranslations("accessRequest");
  const { requestable, pending, canAsk } = await must(requestablePermissions());
  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <PageHeader title={t("title")} />
      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-bold">
          {t("detailsTitle")}
        </h2>
        <DetailsForm details={{ ...user.details, language: user.details.language ?? locale }} />
      </section>
      <section aria-labelledby="access-title" className="flex flex-col gap-2">
        <h2 id="access-title" className="text-2xl font-bold">
          {t("accessTitle")}
        </h2>
        <p>
          {t("roleLabel")}: {tr(user.role)}
          {user.centre ? ` · ${t("centreLabel")}: ${user.centre.number} ${localized(user.centre, locale)}` : ""}
        </p>
        <ul className="list-disc pl-6">
          {user.permissions.map((p) => (
            <li key={p}>{tp(p)}</li>
          ))}
        </ul>
      </section>
      {canAsk ? (
        <section aria-labelledby="request-title" className="flex flex-col gap-3">
          <h2 id="request-title" className="text-2xl font-bold">
            {ta("title")}
          </h2>
          <p>{ta("intro")}</p>
          {pending.length > 0 ? (
            <>
              <h3 className="font-semibold">{ta("pendingTitle")}</h3>
              <ul className="list-disc pl-6">
                {pending.map((r) => (
                  <li key={r.id}>{isPermission(r.permission) ? tp(r.permission) : r.permission}</li>
                ))}
              </ul>
            </>
          ) : null}
          <AccessRequestForm requestable={requestable} />
        </section>
      ) : null}
      <section aria-labelledby="email-title" className="flex flex-col gap-4">
        <h2 id="email-title" className="text-2xl font-bold">
          {t("emailTitle")}
        </h2>
        <EmailForm current={user.email} passwordOptional={user.emailChangeWithoutPassword} />
      </section>
      <section aria-labelledby="password-title" className="flex flex-col gap-4">
        <h2 id="password-title" className="text-2xl font-bold">
          {t("passwordTitle")}
        </h2>
        <PasswordForm />
      </section>
    </div>
  );
}
