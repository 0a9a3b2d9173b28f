import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { normaliseEmail } from "@/lib/auth/email";
import { entraIdentity, entraTenant, type EntraProfile } from "@/lib/auth/entra";
import { openSession } from "./sessions";

/**
 * "Sign in with Microsoft" for appointees (docs/decisions/016-sign-in-hardening.md). The
 * token must come from the board's own tenant (lib/auth/entra.ts). An appointee account is bound
 * to the Entra ID account's immutable object id (`oid`): the first Microsoft sign-in finds the
 * account by email and stores the object id on it; from then on only that object id signs in
 * to it, whatever email the token claims — an email already bound to another object id is
 * refused. Any account that is not an appointee's is refused. Entra ID enforces its own MFA, so
 * the session is full from the start.
 */
// public: Auth.js's Entra ID callback; the person is not signed in to Porth yet
export async function openAppointeeSsoSession(profile: EntraProfile, now: Date) {
  const db = getPrisma();
  const identity = entraIdentity(profile, entraTenant());
  const claimedEmail = typeof profile?.email === "string" ? normaliseEmail(profile.email) : "";
  const deny = async (reason: string) => {
    await audit(db, {
      action: "sign-in.sso",
      outcome: "denied",
      actorEmail: claimedEmail,
      details: { reason },
      at: now,
    });
    return null;
  };
  if (!identity.ok) return deny(identity.reason);

  let user = await db.user.findUnique({ where: { entraObjectId: identity.oid } });
  if (!user) {
    const byEmail = claimedEmail ? await db.user.findUnique({ where: { email: claimedEmail } }) : null;
    if (!byEmail || byEmail.role !== "APPOINTEE") return deny("no-account");
    if (byEmail.entraObjectId !== null) return deny("bound-to-another");
    if (byEmail.deactivatedAt) return deny("deactivated");
    // First Microsoft sign-in: bind the account to this object id (once; the column is unique).
    const bound = await db.user
      .updateMany({ where: { id: byEmail.id, entraObjectId: null }, data: { entraObjectId: identity.oid } })
      .catch(() => ({ count: 0 }));
    if (bound.count !== 1) return deny("bound-to-another");
    await audit(db, {
      action: "sso.bound",
      outcome: "success",
      actorId: byEmail.id,
      actorEmail: byEmail.email,
      at: now,
    });
    user = { ...byEmail, entraObjectId: identity.oid };
  }
  if (user.role !== "APPOINTEE") return deny("not-appointee");
  if (user.deactivatedAt) return deny("deactivated"); // lib/data/board/appointees.ts
  const account = user;

  return db.$transaction(async (tx) => {
    const { sessionId } = await openSession(tx, {
      userId: account.id,
      pendingStep: null,
      request: { ip: "", userAgent: "entra-id" },
      now,
    });
    await tx.session.update({ where: { id: sessionId }, data: { handoffHash: null } });
    await tx.user.update({ where: { id: account.id }, data: { lastSignInAt: now } });
    await audit(tx, {
      action: "sign-in.sso",
      outcome: "success",
      actorId: account.id,
      actorEmail: account.email,
      at: now,
    });
    return {
      sid: sessionId,
      role: account.role,
      step: null,
      perms: [] as string[],
      centreId: null,
      kind: account.appointeeType,
    };
  });
}
