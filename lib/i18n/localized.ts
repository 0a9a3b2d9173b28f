import type { Locale } from "./config";

// Things named in both languages carry `<field>En` and `<field>Cy` (centres, series,
// specifications, components). `localized` picks the reader's, falling back to English when
// no Welsh name was given.

type Named<F extends string> = { [K in `${F}En`]: string } & { [K in `${F}Cy`]?: string | null };

export function localized<F extends string = "name">(item: Named<F>, locale: Locale, field?: F): string {
  const f = (field ?? "name") as F;
  const en = (item as Record<string, string>)[`${f}En`];
  const cy = (item as Record<string, string | null | undefined>)[`${f}Cy`];
  return locale === "cy" && cy ? cy : en;
}
