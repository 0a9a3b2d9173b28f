import "server-only";
import { getPrisma } from "@/lib/db/client";
import { effectivePermissions } from "@/lib/auth/permissions";
import { releaseFor, type ReleaseSubject } from "@/lib/auth/release";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The earliest instant from which the account can see any series' results (by the one release
 * rule, lib/auth/release.ts), or null when it never can. Carried in the session cookie so
 * proxy.ts can send results routes to the embargo countdown without the database; the pages
 * and the data layer still decide for themselves.
 */
// public: Auth.js builds the cookie's claims with it, before there is a caller to authorize
export async function resultsFromFor(user: {
  role: Role;
  centreId: string | null;
  grants: { permission: string }[];
}): Promise<number | null> {
  const subject: ReleaseSubject = {
    role: user.role,
    centreId: user.centreId,
    permissions: effectivePermissions(
      user.role,
      user.grants.map((g) => g.permission),
    ),
  };
  const epoch = new Date(0);
  if (releaseFor(subject, { restrictedReleaseAt: epoch, releaseAt: epoch }, "results") === null) return null;
  const series = await getPrisma().series.findMany({ select: { restrictedReleaseAt: true, releaseAt: true } });
  const times = series.map((s) => releaseFor(subject, s, "results")!.getTime());
  return times.length ? Math.min(...times) : null;
}
