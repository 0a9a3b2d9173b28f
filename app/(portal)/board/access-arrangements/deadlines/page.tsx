import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { modifiedPaperDeadlines } from "@/lib/data/board/modified-paper-deadlines";
import { londonFields } from "@/lib/board/series-times";
import { must } from "@/lib/http/page";
import { formatDate } from "@/lib/i18n/dates";
import { isLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/page/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { DeadlineForm } from "./_components/deadline-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("boardAccessArrangements"))("deadlinesTitle") };
}

const DONE = ["deadlineSaved", "deadlineUnchanged"] as const;

/** Each series' modified-paper deadline, set in UK time. Board staff only. */
export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { series } = await must(modifiedPaperDeadlines());
  const asked = (await searchParams).done;
  const done = DONE.find((d) => d === asked);
  const t = await getTranslations("boardAccessArrangements");
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : "en";
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <p>
        <Link href="/board/access-arrangements" className="underline">
          {t("deadlinesBack")}
        </Link>
      </p>
      <PageHeader title={t("deadlinesTitle")} lead={t("deadlinesIntro")} />
      {done ? (
        <Alert variant="success" live>
          <AlertDescription>{t(`done.${done}`)}</AlertDescription>
        </Alert>
      ) : null}
      {series.map((s) => {
        const name = localized(s, locale);
        const fields = s.deadline ? londonFields(s.deadline) : { date: "", time: "" };
        return (
          <section
            key={s.id}
            aria-labelledby={`deadline-${s.code}`}
            className="flex flex-col gap-3 rounded-md border p-4"
          >
            <h2 id={`deadline-${s.code}`} className="text-xl font-bold">
              {t("deadlineLegend", { series: name })}
            </h2>
            <p data-testid={`deadline-now-${s.code}`}>
              {s.deadline ? t("deadlineCurrent", { at: formatDate(s.deadline, "when", locale) }) : t("deadlineNone")}
            </p>
            <DeadlineForm seriesId={s.id} code={s.code} name={name} date={fields.date} time={fields.time} />
          </section>
        );
      })}
    </div>
  );
}
