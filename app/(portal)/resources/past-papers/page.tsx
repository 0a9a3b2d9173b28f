import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listResources } from "@/lib/data/resources/resources";
import { filterFrom, ResourceBrowser } from "../_components/resource-browser";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resources"))("pastPapersTitle") };
}

/** Every centre account holds "resources"; secure items only for specifications with entries (the DAL decides). */
export default async function PastPapersPage({ searchParams }: Props) {
  const session = await requirePermission("resources");
  const filter = filterFrom(await searchParams);
  const result = await listResources(session, "past-papers", filter);
  if (!result.ok) redirect("/no-access");
  const t = await getTranslations("resources");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("pastPapersTitle")}</h1>
      <p className="max-w-3xl">{t("pastPapersIntro")}</p>
      <ResourceBrowser
        area="past-papers"
        path="/resources/past-papers"
        filter={filter}
        items={result.items}
        options={result.options}
        hiddenSecure={result.hiddenSecure}
      />
    </div>
  );
}
