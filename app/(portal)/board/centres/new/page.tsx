import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/session";
import { CreateCentreForm } from "../_components/board-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("newTitle") };
}

export default async function NewCentrePage() {
  await requireRole("BOARD_STAFF");
  const t = await getTranslations("board");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/board/centres" className="underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <CreateCentreForm />
    </div>
  );
}
