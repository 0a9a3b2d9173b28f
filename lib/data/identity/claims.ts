import "server-only";
import { getPrisma } from "@/lib/db/client";
import { resultsReleaseFor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The earliest instant from which the caller can see any series' results (restricted release
 * for EO/Admins, 08:00 on results day for Users), or null when they never can. Carried in the
 * session cookie so proxy.ts can send results routes to the embargo countdown without the
 * database; the pages and the data layer still decide for themselves.
 */
export async function resultsFromFor(user: { role: Role; grants: { permission: string }[] }): Promise<number | null> {
  const subject = { role: user.role, grants: user.grants.map((g) => g.permission) };
  if (resultsReleaseFor(subject, { restrictedReleaseAt: new Date(0), releaseAt: new Date(0) }) === null) return null;
  const series = await getPrisma().series.findMany({ select: { restrictedReleaseAt: true, releaseAt: true } });
  const times = series.map((s) => resultsReleaseFor(subject, s)!.getTime());
  return times.length ? Math.min(...times) : null;
}
