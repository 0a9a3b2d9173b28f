import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCandidate } from "@/lib/data/entries/candidates";
import { CandidateForm } from "../_components/candidate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries.candidates"))("detailTitle") };
}

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requirePermission("entries");
  const { id } = await params;
  const result = await getCandidate(session, id);
  if (!result.ok) {
    if (result.formError === "notFound") notFound();
    redirect("/no-access");
  }
  const t = await getTranslations("entries.candidates");
  const format = await getFormatter();
  const c = result.candidate;
  return (
    <div className="flex flex-col gap-6">
      <Link href="/entries/candidates" className="text-link underline">
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold">
        {c.firstName} {c.lastName}
      </h1>
      {result.access === "make" ? (
        <CandidateForm id={c.id} initial={c} />
      ) : (
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t("number")}</dt>
          <dd>{c.candidateNumber}</dd>
          <dt className="font-semibold">{t("uci")}</dt>
          <dd className="font-mono">{c.uci}</dd>
          <dt className="font-semibold">{t("forenames")}</dt>
          <dd>{c.firstName}</dd>
          <dt className="font-semibold">{t("surname")}</dt>
          <dd>{c.lastName}</dd>
          <dt className="font-semibold">{t("dateOfBirth")}</dt>
          <dd>
            {format.dateTime(new Date(`${c.dateOfBirth}T12:00:00Z`), { dateStyle: "long", timeZone: "Europe/London" })}
          </dd>
        </dl>
      )}
    </div>
  );
}
