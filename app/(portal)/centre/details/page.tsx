import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCentreDetails } from "@/lib/data/centre/details";
import { must } from "@/lib/http/page";
import { PageHeader } from "@/components/page/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("centreDetails"))("title") };
}

/** Read-only for every centre account: the board changes centre details. */
export default async function CentreDetailsPage() {
  const centre = await must(getCentreDetails());
  const t = await getTranslations("centreDetails");
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1 border-b py-3 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <dl>
        {row(t("number"), centre.number)}
        {row(t("nameEn"), <span lang="en">{centre.nameEn}</span>)}
        {row(t("nameCy"), <span lang="cy">{centre.nameCy}</span>)}
        {row(
          t("address"),
          centre.addressLines.length > 0 ? (
            <address className="not-italic">
              {centre.addressLines.map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            t("noAddress")
          ),
        )}
      </dl>
      <section aria-labelledby="eo-title" className="flex flex-col gap-2">
        <h2 id="eo-title" className="text-2xl font-bold">
          {t("examsOfficerTitle")}
        </h2>
        {centre.examsOfficer ? (
          <dl>
            {row(t("eoName"), centre.examsOfficer.name || t("noName"))}
            {row(
              t("eoEmail"),
              <a className="text-link underline underline-offset-4" href={`mailto:${centre.examsOfficer.email}`}>
                {centre.examsOfficer.email}
              </a>,
            )}
          </dl>
        ) : (
          <p>{t("noExamsOfficer")}</p>
        )}
      </section>
    </div>
  );
}
