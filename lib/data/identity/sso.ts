import "server-only";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/data/audit";
import { normaliseEmail } from "@/lib/auth/email";
import { openSession } from "./sessions";

/**
 * "Sign in with Microsoft" for appointees (docs/product-rules.md, "Sign-in and sessions"): the
 * Entra ID account is matched by email to an appointee account; any other account is refused.
 * Entra ID enforces its own MFA, so the session is full from the start.
 */
// public: Auth.js's Entra ID callback; the person is not signed in to Porth yet
export async function openAppointeeSsoSession(email: string, now: Date) {
  const db = getPrisma();
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user || user.role !== "APPOINTEE") {
    await audit(db, { action: "sign-in.sso", outcome: "denied", actorEmail: normaliseEmail(email), at: now });
    return null;
  }
  return db.$transaction(async (tx) => {
    const { sessionId } = await openSession(tx, {
      userId: user.id,
      pendingStep: null,
      request: { ip: "", userAgent: "entra-id" },
      now,
    });
    await tx.session.update({ where: { id: sessionId }, data: { handoffHash: null } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await audit(tx, { action: "sign-in.sso", outcome: "success", actorId: user.id, actorEmail: user.email, at: now });
    return {
      sid: sessionId,
      role: user.role,
      step: null,
      perms: [] as string[],
      centreId: null,
      kind: user.appointeeType,
    };
  });
}
