import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { listResources } from "@/lib/data/resources/resources";
import { must } from "@/lib/http/page";
import { filterFrom } from "@/lib/resources/areas";
import { PageHeader } from "@/components/page/page-header";
import { ResourceBrowser } from "@/components/resources/resource-browser";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resources"))("supportTitle") };
}

/** Every centre account holds "resources"; secure items only for specifications with entries (the data layer decides). */
export default async function SupportMaterialPage({ searchParams }: Props) {
  await requirePermission("resources");
  const filter = filterFrom(await searchParams);
  const result = await must(listResources("support-material", filter));
  const t = await getTranslations("resources");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("supportTitle")} lead={t("supportIntro")} />
      <ResourceBrowser
        area="support-material"
        path="/resources/support-material"
        filter={filter}
        items={result.items}
        options={result.options}
        hiddenSecure={result.hiddenSecure}
      />
    </div>
  );
}
