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
  return { title: (await getTranslations("preRelease"))("title") };
}

/** Pre-release material: only for centres with entries for its specification in its series, from the date the board sets (the data layer decides). */
export default async function PreReleasePage({ searchParams }: Props) {
  await requirePermission("resources");
  const filter = filterFrom(await searchParams);
  const result = await must(listResources("pre-release", filter));
  const t = await getTranslations("preRelease");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <ResourceBrowser
        area="pre-release"
        path="/resources/pre-release"
        filter={filter}
        items={result.items}
        options={result.options}
        hiddenSecure={result.hiddenSecure}
      />
    </div>
  );
}
