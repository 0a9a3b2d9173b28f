import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { entraConfigured, signIn } from "@/lib/auth/config";
import { Button } from "@/components/ui/button";
import { SignInForm } from "@/components/identity/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appointee"))("title") };
}

export default async function AppointeeSignInPage() {
  const t = await getTranslations("appointee");
  const ts = await getTranslations("signIn");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      <p>{t("intro")}</p>
      {entraConfigured() ? (
        <>
          <form
            action={async () => {
              "use server";
              await signIn("microsoft-entra-id", { redirectTo: "/" });
            }}
          >
            <Button type="submit" variant="secondary">
              {t("microsoft")}
            </Button>
          </form>
          <p>{t("or")}</p>
        </>
      ) : null}
      <SignInForm door="appointee" />
      <ul className="flex flex-col gap-2">
        <li>
          <Link href="/forgot-password" className="underline">
            {ts("forgot")}
          </Link>
        </li>
        <li>
          <Link href="/sign-in" className="underline">
            {ts("centreLink")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
