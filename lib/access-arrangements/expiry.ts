import { londonParts, londonTime } from "@/lib/time";

// How long an approval lasts (docs/access-arrangements.md, "Expiry"): 26 calendar months by the
// UK calendar. An approval decided on a London day D expires at 00:00 London on the day 26 months
// after D (the month's last day when that month is shorter), whatever the clocks do in between;
// it is shown as "expires on" that day. An approval that expires within 3 calendar months is
// flagged as expiring soon; from its expiry it is expired.

export const APPROVAL_MONTHS = 26;
export const EXPIRING_SOON_MONTHS = 3;

/** The London wall clock of `at`, `months` calendar months on (the day clamped to the month's end), as an instant. */
export function londonPlusMonths(at: Date, months: number, startOfDay = false): Date {
  const p = londonParts(at);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(p.day, last);
  return startOfDay ? londonTime(year, month, day) : londonTime(year, month, day, p.hour, p.minute, p.second);
}

/** When an approval decided at `decidedAt` expires: 00:00 London, 26 calendar months after its London day. */
export function approvalExpiry(decidedAt: Date): Date {
  return londonPlusMonths(decidedAt, APPROVAL_MONTHS, true);
}

/** Approvals expiring at or before this instant are expiring soon at `at` (3 calendar months on, UK time). */
export function expiringSoonBound(at: Date): Date {
  return londonPlusMonths(at, EXPIRING_SOON_MONTHS);
}

export type ExpiryState = "current" | "expiringSoon" | "expired";

/** Whether an approval is current, expiring within 3 months, or expired, at `at`. */
export function expiryState(expiresAt: Date, at: Date): ExpiryState {
  if (at.getTime() >= expiresAt.getTime()) return "expired";
  return expiresAt.getTime() <= expiringSoonBound(at).getTime() ? "expiringSoon" : "current";
}
