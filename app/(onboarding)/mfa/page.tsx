import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStep } from "@/lib/auth/session";
import { activeFactor, describeFactor } from "@/lib/data/identity/mfa";
import { MfaChallenge } from "./_components/challenge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfa"))("title") };
}

export default async function MfaPage() {
  const session = await requireStep("mfa");
  const t = await getTranslations("mfa");
  const factor = await activeFactor(session.userId);
  const described = factor ? describeFactor(factor, session.user.email) : { method: "TOTP" as const, destination: "" };
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <MfaChallenge method={described.method} destination={described.destination} />
    </div>
  );
}
