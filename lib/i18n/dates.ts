import { TIME_ZONE, type Locale } from "./config";

// The named date formats every page and email uses: British English and Welsh, the 24-hour
// clock, UK time. A page picks a name, never its own options.
//   date   18 August 2027                 day    Wednesday 18 August 2027
//   short  18 Aug 2027                    time   00:00
//   stamp  18 Aug 2027, 10:34             when   00:00 on Wednesday 18 August 2027
//   birth  5 March 2010 (a calendar date stored as UTC midnight: never shifted by the time zone)

export type DateFormatName = "date" | "day" | "short" | "time" | "stamp" | "when" | "birth";

const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
const OPTIONS: Record<Exclude<DateFormatName, "when"> | "weekday", Intl.DateTimeFormatOptions> = {
  date: { day: "numeric", month: "long", year: "numeric" },
  day: { day: "numeric", month: "long", year: "numeric" }, // the weekday is put in front by hand
  weekday: { weekday: "long" },
  short: { day: "numeric", month: "short", year: "numeric" },
  time: TIME,
  stamp: { day: "numeric", month: "short", year: "numeric", ...TIME },
  birth: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
};

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", cy: "cy-GB" };
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, name: keyof typeof OPTIONS, d: Date, calendar = false): string {
  const key = `${locale}:${name}:${calendar}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: calendar ? "UTC" : TIME_ZONE,
      ...OPTIONS[name],
      ...(calendar ? { timeZone: "UTC" } : {}),
    });
    formatters.set(key, f);
  }
  return f.format(d);
}

/** `at` in the named format, in UK time. A calendar date may be given as "YYYY-MM-DD". */
export function formatDate(at: Date | string, name: DateFormatName, locale: Locale): string {
  const calendar = typeof at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(at);
  const d = typeof at === "string" ? new Date(calendar ? `${at}T00:00:00Z` : at) : at;
  // ICU puts a comma after an English weekday ("Wednesday, 18 August"); British style has none.
  const weekday = () => format(locale, "weekday", d, calendar);
  if (name === "day") return `${weekday()} ${format(locale, "day", d, calendar)}`;
  if (name === "when") {
    const time = format(locale, "time", d);
    const date = format(locale, "day", d);
    // Welsh mutates "dydd" softly after "ar": "ar ddydd Mercher".
    return locale === "cy"
      ? `${time} ar ${weekday().replace(/^Dydd /, "ddydd ")} ${date}`
      : `${time} on ${weekday()} ${date}`;
  }
  return format(locale, name, d, calendar);
}
