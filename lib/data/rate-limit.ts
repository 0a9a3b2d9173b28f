import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Fixed-window rate limit kept in the database, so it holds across server instances.
 * Returns true when the call is allowed. Sign-in, code and reset requests are limited per client
 * address and per account (docs/decisions/015-client-address.md); A2C calls per key.
 */
// internal: takes the database of a data function that has already decided who is asking
export async function allow(
  db: PrismaClient,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  const resetAt = new Date(now.getTime() + windowMs);
  // One statement: start a new window when the old one has ended, else count up.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count"`;
  return Number(rows[0]?.count ?? 0) <= limit;
}

type Limit = { readonly limit: number; readonly windowMs: number };

/**
 * Counts one attempt against every bucket given (e.g. the client's address and the account) and
 * answers whether all of them still allow it. Every bucket is counted, so changing address does
 * not buy more attempts at one account.
 */
// internal: takes the database of a data function that has already decided who is asking
export async function allowAll(db: PrismaClient, buckets: [key: string, limit: Limit][], now: Date): Promise<boolean> {
  let allowed = true;
  for (const [key, { limit, windowMs }] of buckets) if (!(await allow(db, key, limit, windowMs, now))) allowed = false;
  return allowed;
}

export const LIMITS = {
  signInPerIp: { limit: 30, windowMs: 15 * 60_000 },
  /** Password attempts at one email address (known or not), from any address. */
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  codePerIp: { limit: 30, windowMs: 15 * 60_000 },
  /** Second-factor codes sent or checked for one account, from any address. */
  codePerAccount: { limit: 15, windowMs: 15 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 15 * 60_000 },
  /** Reset codes asked for or tried for one email address (known or not), from any address. */
  resetPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  a2cPerKey: { limit: 120, windowMs: 60_000 },
  /** Calls with no key, or a wrong or revoked one, per client IP (key guessing; audit flooding). */
  a2cUnauthorisedPerIp: { limit: 20, windowMs: 60_000 },
} as const;
