import type { Locale } from "./config";

// Welsh alphabetical order treats the digraphs as letters: ch after c, dd after d, ff after f,
// ng after g, ll after l, ph after p, rh after r, th after t. Intl.Collator("cy")
// implements it from CLDR; English order otherwise.
const collators: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator("en-GB", { sensitivity: "base", numeric: true }),
  cy: new Intl.Collator("cy", { sensitivity: "base", numeric: true }),
};

export function compareNames(locale: Locale, a: string, b: string): number {
  return collators[locale].compare(a, b);
}

export function sortByName<T>(locale: Locale, items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareNames(locale, name(x), name(y)));
}
