import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Fixed-window rate limit kept in the database, so it holds across server instances.
 * Returns true when the call is allowed. Used per IP on sign-in, code and reset endpoints
 * (issue 3 §5) and per A2C key.
 */
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

export const LIMITS = {
  signInPerIp: { limit: 30, windowMs: 15 * 60_000 },
  codePerIp: { limit: 30, windowMs: 15 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 15 * 60_000 },
  a2cPerKey: { limit: 120, windowMs: 60_000 },
  /** Calls with no key, or a wrong or revoked one, per client IP (key guessing; audit flooding). */
  a2cUnauthorisedPerIp: { limit: 20, windowMs: 60_000 },
} as const;
