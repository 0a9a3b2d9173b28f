import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { SeriesForm } from "../_components/series-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardSeries"))("newTitle") };
}

// The form has nothing to load: the action's data call (lib/data/board/series.ts) is the check.
export default async function NewSeriesPage() {
  await requireRole("BOARD_STAFF");
  const t = await getTranslations("boardSeries");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/board/series" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p>{t("ukTime")}</p>
      <SeriesForm />
    </div>
  );
}
