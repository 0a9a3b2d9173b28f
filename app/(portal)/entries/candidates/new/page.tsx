import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { authorizeAddCandidate } from "@/lib/data/entries/candidates";
import { must } from "@/lib/http/page";
import { PageHeader } from "@/components/page/page-header";
import { CandidateForm } from "../_components/candidate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.candidates"))("addTitle") };
}

export default async function NewCandidatePage() {
  await requirePermission("entries");
  // Users with the entries permission only view: the data layer refuses them this page.
  await must(authorizeAddCandidate());
  const t = await getTranslations("entries.candidates");
  return (
    <div className="flex flex-col gap-6">
      <Link href="/entries/candidates" className="text-link underline">
        {t("back")}
      </Link>
      <PageHeader title={t("addTitle")} />
      <CandidateForm />
    </div>
  );
}
