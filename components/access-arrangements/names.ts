import "server-only";
import { getTranslations } from "next-intl/server";
import type { AccessArrangementType, ModifiedPaperFormat } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";

// How access arrangements are named on the server-rendered pages (docs/access-arrangements.md):
// the arrangement with its percentage or format, the series (or every series), the candidate.

export type ArrangementsTranslator = Awaited<ReturnType<typeof getTranslations<"accessArrangements">>>;

/** "50% extra time", "Modified papers (Braille)", "Word processor". */
export function arrangementName(
  t: ArrangementsTranslator,
  a: { type: AccessArrangementType; extraTimePercent: number | null; paperFormat: ModifiedPaperFormat | null },
): string {
  if (a.type === "EXTRA_TIME_OVER_25" && a.extraTimePercent) return t("extraTime", { percent: a.extraTimePercent });
  const name = t(`types.${a.type}`);
  return a.type === "MODIFIED_PAPERS" && a.paperFormat ? `${name} (${t(`formats.${a.paperFormat}`)})` : name;
}

/** The series' name, or "Every series" for a standing arrangement. */
export function seriesName(
  t: ArrangementsTranslator,
  series: { nameEn: string; nameCy: string } | null,
  locale: Locale,
): string {
  return series ? localized(series, locale) : t("everySeries");
}

/** "0001 Jones, Alys". */
export function candidateName(c: { candidateNumber: string; firstName: string; lastName: string }): string {
  return `${c.candidateNumber} ${c.lastName}, ${c.firstName}`;
}
