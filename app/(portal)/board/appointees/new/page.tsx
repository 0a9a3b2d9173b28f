import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { appointeeFormOptions } from "@/lib/data/board/appointees";
import { must } from "@/lib/http/page";
import { CreateAppointeeForm } from "../_components/appointee-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAppointees"))("newTitle") };
}

export default async function NewAppointeePage() {
  await requireRole("BOARD_STAFF");
  const { domain } = await must(appointeeFormOptions());
  const t = await getTranslations("boardAppointees");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/board/appointees" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p className="max-w-prose">{t("newIntro")}</p>
      <CreateAppointeeForm domain={domain} />
    </div>
  );
}
