import "server-only";
import { getPrisma } from "@/lib/db/client";
import { refuse, type Caller, type Refusal } from "@/lib/auth/authorize";
import { verifySecret } from "@/lib/auth/password";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import type { RequestInfo } from "./sessions";

// The current password asked for again before a change to the account
// (docs/decisions/016-sign-in-hardening.md): a session someone else has got hold of cannot change the password or
// the email address without it. Tries are limited like sign-in, per address and per account.

/** Null when `password` is the caller's current password; otherwise the refusal (audited as `action`). */
// internal: called by an authorized data function with its caller, before the change it guards
export async function checkCurrentPassword(
  caller: Caller,
  password: string,
  request: RequestInfo,
  at: Date,
  action: string,
): Promise<Refusal | null> {
  const db = getPrisma();
  const allowed = await allowAll(
    db,
    [
      [`sign-in:${request.ip}`, LIMITS.signInPerIp],
      [`current-password:account:${caller.userId}`, LIMITS.signInPerAccount],
    ],
    at,
  );
  if (!allowed) return refuse("limited", "rateLimited");
  const user = await db.user.findUnique({ where: { id: caller.userId }, select: { passwordHash: true } });
  if (await verifySecret(user?.passwordHash, password.trim())) return null;
  await audit(db, {
    action,
    outcome: "failure",
    actorId: caller.userId,
    actorEmail: caller.email,
    centreId: caller.centreId,
    ip: request.ip,
    details: { reason: "wrong-current" },
    at,
  });
  return refuse("invalid", "wrongCurrent");
}
