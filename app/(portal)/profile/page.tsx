import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { effectivePermissions } from "@/lib/auth/permissions";
import { DetailsForm, EmailForm, PasswordForm } from "./_components/profile-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const session = await requireUser();
  const t = await getTranslations("profile");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("permissions");
  const locale = await getLocale();
  const user = session.user;
  const perms = effectivePermissions(user.role, user.grants.map((g) => g.permission));
  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="details-title" className="flex flex-col gap-4">
        <h2 id="details-title" className="text-2xl font-bold">{t("detailsTitle")}</h2>
        <DetailsForm details={{ title: user.title, name: user.name, jobRole: user.jobRole, phone: user.phone, language: user.language ?? (locale === "cy" ? "cy" : "en") }} />
      </section>
      <section aria-labelledby="access-title" className="flex flex-col gap-2">
        <h2 id="access-title" className="text-2xl font-bold">{t("accessTitle")}</h2>
        <p>
          {t("roleLabel")}: {tr(user.role)}
          {user.centre ? ` · ${t("centreLabel")}: ${user.centre.number} ${locale === "cy" ? user.centre.nameCy : user.centre.nameEn}` : ""}
        </p>
        <ul className="list-disc pl-6">
          {perms.map((p) => (
            <li key={p}>{tp(p)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="email-title" className="flex flex-col gap-4">
        <h2 id="email-title" className="text-2xl font-bold">{t("emailTitle")}</h2>
        <EmailForm current={user.email} />
      </section>
      <section aria-labelledby="password-title" className="flex flex-col gap-4">
        <h2 id="password-title" className="text-2xl font-bold">{t("passwordTitle")}</h2>
        <PasswordForm />
      </section>
    </div>
  );
}
