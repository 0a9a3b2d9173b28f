import type { AppointeeType } from "@/lib/generated/prisma/enums";
import { accountStatus, type AccountStatus, type StatusInput } from "@/lib/accounts/status";

// The board's appointees (docs/product-rules.md ("Actors and roles")): examiners and moderators,
// their email domain, their status and what work each kind takes. Pure: the data layer
// (lib/data/board/appointees*.ts) asks these, and hands pages the answers.

export const APPOINTEE_TYPES = ["EXAMINER", "MODERATOR"] as const satisfies readonly AppointeeType[];

/** The domain of the demo appointees (prisma/seed/accounts.ts), used when none is configured. */
export const DEFAULT_APPOINTEE_DOMAIN = "appointees.test";

/** The configured appointee email domain (APPOINTEE_EMAIL_DOMAIN, validated in lib/env.ts), lower case. */
export function appointeeDomain(env: Record<string, string | undefined> = process.env): string {
  return (env.APPOINTEE_EMAIL_DOMAIN?.trim() || DEFAULT_APPOINTEE_DOMAIN).toLowerCase();
}

/** Whether a (normalised) email address is in the appointee domain: exactly that domain, not a sub- or look-alike one. */
export function inAppointeeDomain(email: string, domain: string): boolean {
  const at = email.lastIndexOf("@");
  return at > 0 && email.slice(at + 1).toLowerCase() === domain.toLowerCase();
}

export type AppointeeStatus = AccountStatus | "deactivated";
export const APPOINTEE_STATUSES = ["active", "invited", "inviteExpired", "locked", "deactivated"] as const;

/** The list's status filter: a deactivated account is only "deactivated"; "invited" includes an expired invite. */
export const APPOINTEE_STATUS_FILTERS = ["active", "invited", "deactivated"] as const;
export type AppointeeStatusFilter = (typeof APPOINTEE_STATUS_FILTERS)[number];

export function appointeeStatus(user: StatusInput & { deactivatedAt: Date | null }, now: Date): AppointeeStatus {
  return user.deactivatedAt ? "deactivated" : accountStatus(user, now);
}

/**
 * The components a kind of appointee works on: examiners mark the written papers, moderators
 * moderate the internally assessed ones (NEA, marked by the centre).
 */
export function suitsComponent(type: AppointeeType, component: { internallyAssessed: boolean }): boolean {
  return type === "MODERATOR" ? component.internallyAssessed : !component.internallyAssessed;
}

/** Centre numbers typed into one field, separated by spaces, commas or new lines. */
export function parseCentreNumbers(text: string): { numbers: string[]; malformed: boolean } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const numbers = [...new Set(parts)];
  return { numbers, malformed: numbers.some((n) => !/^\d{5}$/.test(n)) };
}

/** Most centres one allocation form may name at once, and most candidates' entries. */
export const MAX_CENTRES_PER_POST = 200;
export const MAX_ENTRIES_PER_POST = 200;
/** Most entries one candidate search answers with: a search, never a list of every candidate. */
export const ENTRY_SEARCH_LIMIT = 25;
