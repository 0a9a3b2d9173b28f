// Honest time: every rule in docs/product-rules.md ("Time rules") is UK local time (Europe/London),
// correct across BST/GMT. Instants are stored in UTC; wall-clock times are converted here.

export const LONDON = "Europe/London";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall-clock fields of an instant in Europe/London. */
export function londonParts(at: Date) {
  const get = (type: string) => Number(partsFormatter.formatToParts(at).find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of Europe/London from UTC at an instant, in minutes (0 in GMT, 60 in BST). */
function londonOffsetMinutes(at: Date): number {
  const p = londonParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of a Europe/London wall-clock time. `month` is 1-12. During the spring-forward
 * gap (01:00–02:00 on the last Sunday of March) the time is read as BST.
 */
export function londonTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - londonOffsetMinutes(new Date(guess)) * 60000;
  const second_ = guess - londonOffsetMinutes(new Date(first)) * 60000;
  return new Date(second_);
}

/** Midnight Europe/London at the start of the calendar day `date` (a @db.Date value, UTC midnight). */
export function londonStartOfDay(date: Date): Date {
  return londonTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The restricted-release instant: 00:00 Europe/London on the day before results day. */
export function defaultRestrictedRelease(resultsDay: Date): Date {
  const d = new Date(Date.UTC(resultsDay.getUTCFullYear(), resultsDay.getUTCMonth(), resultsDay.getUTCDate() - 1));
  return londonStartOfDay(d);
}

/** The general release instant: 08:00 Europe/London on results day. */
export function defaultRelease(resultsDay: Date): Date {
  return londonTime(resultsDay.getUTCFullYear(), resultsDay.getUTCMonth() + 1, resultsDay.getUTCDate(), 8);
}

/** Calendar months later, clamped to the month's last day (an invite sent 31 Dec expires 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The clock. Tests inject their own; production reads the system time. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
