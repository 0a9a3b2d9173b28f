import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { SignInForm } from "@/components/identity/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

const NOTICES = {
  "signed-out": "signedOut",
  expired: "sessionEnded",
  reset: "resetDone",
  "mfa-locked": "mfaLocked",
} as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const t = await getTranslations("signIn");
  const notice = NOTICES[(await searchParams).notice as keyof typeof NOTICES];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} />
      {notice ? (
        <Alert variant="info">
          <AlertDescription>{t(notice)}</AlertDescription>
        </Alert>
      ) : null}
      <p>{t("intro")}</p>
      <SignInForm door="centre" />
      <ul className="flex flex-col gap-2">
        <li>
          <Link href="/forgot-password" className="underline">
            {t("forgot")}
          </Link>
        </li>
        <li>
          <Link href="/appointee/sign-in" className="underline">
            {t("appointeeLink")}
          </Link>
        </li>
      </ul>
      <p className="text-muted-foreground">{t("noAccount")}</p>
    </div>
  );
}
