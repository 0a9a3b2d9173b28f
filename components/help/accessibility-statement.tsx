import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/dates";
import { PageHeader } from "@/components/page/page-header";

/** When this statement was prepared, last reviewed and the service last tested. */
const REVIEWED = "2026-11-30";

const ABILITYNET = "https://mcmw.abilitynet.org.uk/";
const EASS = "https://www.equalityadvisoryservice.com/";
const WCAG22 = "https://www.w3.org/TR/WCAG22/";

/** The accessibility statement, in the sections of the GOV.UK model statement. */
export async function AccessibilityStatement() {
  const t = await getTranslations("accessibility");
  const date = formatDate(REVIEWED, "date", await getLocale());
  const external = (href: string) =>
    function ExternalLink(chunks: React.ReactNode) {
      return <a href={href}>{chunks}</a>;
    };
  const h2 = "text-2xl font-bold";
  const h3 = "text-xl font-bold";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} lead={t("intro")} />
      <section aria-labelledby="a11y-using" className="flex flex-col gap-3">
        <h2 id="a11y-using" className={h2}>
          {t("usingTitle")}
        </h2>
        <p>{t("using")}</p>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>{t("using1")}</li>
          <li>{t("using2")}</li>
          <li>{t("using3")}</li>
          <li>{t("using4")}</li>
          <li>{t("using5")}</li>
        </ul>
        <p>{t("plain")}</p>
        <p>{t.rich("abilityNet", { link: external(ABILITYNET) })}</p>
      </section>
      <section aria-labelledby="a11y-how" className="flex flex-col gap-3">
        <h2 id="a11y-how" className={h2}>
          {t("howTitle")}
        </h2>
        <p>{t("how")}</p>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>{t("how1")}</li>
          <li>{t("how2")}</li>
        </ul>
      </section>
      <section aria-labelledby="a11y-feedback" className="flex flex-col gap-3">
        <h2 id="a11y-feedback" className={h2}>
          {t("feedbackTitle")}
        </h2>
        <p>{t("feedback")}</p>
      </section>
      <section aria-labelledby="a11y-report" className="flex flex-col gap-3">
        <h2 id="a11y-report" className={h2}>
          {t("reportTitle")}
        </h2>
        <p>{t("report")}</p>
      </section>
      <section aria-labelledby="a11y-enforcement" className="flex flex-col gap-3">
        <h2 id="a11y-enforcement" className={h2}>
          {t("enforcementTitle")}
        </h2>
        <p>{t.rich("enforcement", { link: external(EASS) })}</p>
      </section>
      <section aria-labelledby="a11y-technical" className="flex flex-col gap-3">
        <h2 id="a11y-technical" className={h2}>
          {t("technicalTitle")}
        </h2>
        <p>{t("technical")}</p>
        <h3 className={h3}>{t("complianceTitle")}</h3>
        <p>{t.rich("compliance", { link: external(WCAG22) })}</p>
      </section>
      <section aria-labelledby="a11y-non-accessible" className="flex flex-col gap-3">
        <h2 id="a11y-non-accessible" className={h2}>
          {t("nonAccessibleTitle")}
        </h2>
        <p>{t("nonAccessible")}</p>
        <h3 className={h3}>{t("nonComplianceTitle")}</h3>
        <p>{t("nonCompliance")}</p>
      </section>
      <section aria-labelledby="a11y-improve" className="flex flex-col gap-3">
        <h2 id="a11y-improve" className={h2}>
          {t("improveTitle")}
        </h2>
        <p>{t("improve")}</p>
      </section>
      <section aria-labelledby="a11y-preparation" className="flex flex-col gap-3">
        <h2 id="a11y-preparation" className={h2}>
          {t("preparationTitle")}
        </h2>
        <p>{t("preparation", { date })}</p>
        <p>{t("tested", { date })}</p>
      </section>
    </div>
  );
}
