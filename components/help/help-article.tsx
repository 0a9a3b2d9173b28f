import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";

/** Help for anyone, signed in or not: signing in, codes, who to ask for an account. */
export async function HelpArticle() {
  const t = await getTranslations("help");
  const link = (href: string) =>
    function PageLink(chunks: React.ReactNode) {
      return <Link href={href}>{chunks}</Link>;
    };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <section aria-labelledby="help-sign-in" className="flex flex-col gap-3">
        <h2 id="help-sign-in" className="text-2xl font-bold">
          {t("signInTitle")}
        </h2>
        <p>{t.rich("signInWho", { signIn: link("/sign-in"), appointee: link("/appointee/sign-in") })}</p>
        <p>{t("signInFirst")}</p>
        <p>{t.rich("signInLocked", { forgot: link("/forgot-password") })}</p>
        <p>{t("signInLost")}</p>
        <p>{t("signInTimeout")}</p>
      </section>
      <section aria-labelledby="help-codes" className="flex flex-col gap-3">
        <h2 id="help-codes" className="text-2xl font-bold">
          {t("codesTitle")}
        </h2>
        <p>{t("codesSpaces")}</p>
        <p>{t("codesLatest")}</p>
        <p>{t("codesExpiry")}</p>
      </section>
      <section aria-labelledby="help-account" className="flex flex-col gap-3">
        <h2 id="help-account" className="text-2xl font-bold">
          {t("accountTitle")}
        </h2>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>{t("accountStaff")}</li>
          <li>{t("accountEo")}</li>
          <li>{t("accountAppointee")}</li>
        </ul>
        <p>{t("accountMore")}</p>
      </section>
      <section aria-labelledby="help-more" className="flex flex-col gap-3">
        <h2 id="help-more" className="text-2xl font-bold">
          {t("moreTitle")}
        </h2>
        <p>{t("more")}</p>
        <p>{t.rich("accessibility", { link: link("/accessibility") })}</p>
      </section>
    </div>
  );
}
