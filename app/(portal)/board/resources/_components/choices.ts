import type { UploadChoices } from "@/lib/data/board/upload-choices";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";
import type { Choice, ChoiceGroup } from "./upload-forms";

// The upload forms' lists, named in the reader's language: series; specifications grouped by
// qualification; components grouped by specification.

export function seriesChoices(series: UploadChoices["series"], locale: Locale): Choice[] {
  return series.map((s) => ({ value: s.code, label: `${localized(s, locale)} (${s.code})` }));
}

export function specificationGroups(choices: UploadChoices, locale: Locale): ChoiceGroup[] {
  const groups = new Map<string, Choice[]>();
  for (const s of choices.specifications)
    groups.set(s.qualification, [
      ...(groups.get(s.qualification) ?? []),
      { value: s.code, label: `${s.code} ${localized(s, locale, "title")}` },
    ]);
  return [...groups].map(([label, options]) => ({ label, options }));
}

export function componentGroups(choices: UploadChoices, locale: Locale): ChoiceGroup[] {
  const specs = new Map(choices.specifications.map((s) => [s.code, s]));
  const groups = new Map<string, Choice[]>();
  for (const c of choices.components) {
    const spec = specs.get(c.specification);
    const label = spec ? `${spec.code} ${localized(spec, locale, "title")}` : c.specification;
    groups.set(label, [
      ...(groups.get(label) ?? []),
      { value: c.code, label: `${c.code} ${localized(c, locale, "title")}` },
    ]);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}
