import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { accessOf } from "@/lib/data/entries/access";
import { CandidateForm } from "../_components/candidate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.candidates"))("addTitle") };
}

export default async function NewCandidatePage() {
  const session = await requirePermission("entries");
  // Users with the entries permission only view: this page changes things.
  if (accessOf(session).access !== "make") redirect("/no-access");
  const t = await getTranslations("entries.candidates");
  return (
    <div className="flex flex-col gap-6">
      <Link href="/entries/candidates" className="text-link underline">
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold">{t("addTitle")}</h1>
      <CandidateForm />
    </div>
  );
}
