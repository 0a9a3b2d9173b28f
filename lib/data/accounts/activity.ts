import "server-only";
import { authorizeCentre } from "@/lib/auth/authorize";
import { activityDetails } from "@/lib/accounts/activity";
import { getPrisma } from "@/lib/db/client";

// The centre's account-administration trail, for its EO and Admins (docs/product-rules.md
// ("Actors and roles")): who invited, changed, deleted or asked for what. Sign-ins and other
// centres' events are not shown.

const PAGE_SIZE = 50;
/** The account-administration events the centre activity page shows. */
const PREFIXES = ["user.", "access.", "centre.", "a2c.key.", "account."] as const;

/** One page of the trail, newest first (pages count from 1). */
export async function centreActivity(page: number) {
  const auth = await authorizeCentre("manage_users");
  if (!auth.ok) return auth;
  const db = getPrisma();
  const where = {
    centreId: auth.caller.centreId,
    OR: PREFIXES.map((prefix) => ({ action: { startsWith: prefix } })),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: Math.max(0, page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    ok: true as const,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      outcome: e.outcome,
      actorEmail: e.actorEmail,
      targetEmail: e.targetEmail,
      details: activityDetails(e.details),
    })),
  };
}
