// English and Welsh without a locale prefix in the URL: the locale lives in a cookie (and on
// the signed-in user's profile). See docs/decisions/005-i18n-without-prefix.md.
export const LOCALES = ["en", "cy"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Europe/London";

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "cy";
}

/** Picks en or cy from an Accept-Language header, honouring q-values; English by default. */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.lang && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const hit = ranked.find((r) => isLocale(r.lang));
  return hit ? (hit.lang as Locale) : DEFAULT_LOCALE;
}
