import "server-only";
import { recordIdSchema } from "@/lib/validation/ids";
import type { MfaMethod } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Caller, type Result } from "@/lib/auth/authorize";
import { maySetUp, passkeyRequiredFor, setupMethods } from "@/lib/auth/mfa-methods";
import { audit } from "@/lib/data/audit";
import { IDLE_TIMEOUT_MS } from "./sessions";

// Security settings (docs/product-rules.md, "Sign-in and sessions"): the caller's second factor,
// their passkeys, recovery codes and live sessions, and signing out.

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string;
  userAgent: string;
  current: boolean;
};

function liveSessionsOf(userId: string, currentId: string, at: Date): Promise<SessionRow[]> {
  return getPrisma()
    .session.findMany({
      where: {
        userId,
        revokedAt: null,
        expires: { gt: at },
        lastSeenAt: { gt: new Date(at.getTime() - IDLE_TIMEOUT_MS) },
      },
      orderBy: { lastSeenAt: "desc" },
      select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
    })
    .then((rows) => rows.map((row) => ({ ...row, current: row.id === currentId })));
}

export type PasskeyRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The caller's live sessions, newest activity first; `current` marks this one. */
export async function listSessions(): Promise<Result<{ sessions: SessionRow[] }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  return { ok: true, sessions: await liveSessionsOf(auth.caller.userId, auth.caller.sessionId, auth.at) };
}

/** Everything the Security settings page shows, and what the caller may change now. */
export async function securitySettings(): Promise<
  Result<{
    factor: MfaMethod | null;
    /** Whether the second factor was checked recently enough to change it or the recovery codes. */
    canChangeMfa: boolean;
    /** Whether re-verifying needs a code sent first (SMS or email). */
    needsSend: boolean;
    /** The methods the caller may change to (a passkey is added under `passkeys` once it is the method). */
    methods: MfaMethod[];
    /** The caller's passkeys, oldest first, when PASSKEY is the method. */
    passkeys: PasskeyRow[];
    /** Whether a passkey may be removed now: a fresh second factor, and more than one. */
    canRemovePasskey: boolean;
    /** Whether the board requires this person to use a passkey. */
    passkeyRequired: boolean;
    email: string;
    unusedRecoveryCodes: number;
    sessions: SessionRow[];
  }>
> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const db = getPrisma();
  const [factor, unused, sessions, passkeys] = await Promise.all([
    db.mfaFactor.findFirst({ where: { userId: caller.userId, active: true }, orderBy: { verifiedAt: "desc" } }),
    db.recoveryCode.count({ where: { userId: caller.userId, usedAt: null } }),
    liveSessionsOf(caller.userId, caller.sessionId, at),
    db.passkey.findMany({
      where: { userId: caller.userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    }),
  ]);
  const usesPasskeys = factor?.method === "PASSKEY";
  const canChangeMfa = maySetUp(caller, at);
  return {
    ok: true,
    factor: factor?.method ?? null,
    canChangeMfa,
    needsSend: factor?.method === "SMS" || factor?.method === "EMAIL",
    methods: setupMethods(caller.role).filter((m) => !(usesPasskeys && m === "PASSKEY")),
    passkeys: usesPasskeys ? passkeys : [],
    canRemovePasskey: usesPasskeys && canChangeMfa && passkeys.length > 1,
    passkeyRequired: passkeyRequiredFor(caller.role),
    email: caller.email,
    unusedRecoveryCodes: unused,
    sessions,
  };
}

async function endSession(caller: Caller, sessionId: string, reason: string, at: Date): Promise<Result> {
  const request = await requestInfo();
  return getPrisma().$transaction(async (tx) => {
    // Another user's session answers as if it did not exist.
    const result = await tx.session.updateMany({
      where: { id: sessionId, userId: caller.userId, revokedAt: null },
      data: { revokedAt: at, handoffHash: null },
    });
    if (result.count === 0) return refuse("notFound");
    await audit(tx, {
      action: "session.revoked",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      details: { reason },
      at,
    });
    return { ok: true as const };
  });
}

/** Ends one of the caller's own sessions from Security settings. Another user's session is "not found". */
export async function revokeSession(sessionId: string): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  // An id no session can have (a NUL byte, say) names none of the caller's sessions.
  if (!recordIdSchema.safeParse(sessionId).success) return refuse("notFound");
  return endSession(auth.caller, sessionId, "security-settings", auth.at);
}

/** Sign-out: ends the caller's own session, at any step of signing in. */
export async function signOutSession(): Promise<Result> {
  const auth = await authorize({ steps: ["password", "mfa-setup", "mfa"] });
  if (!auth.ok) return auth;
  return endSession(auth.caller, auth.caller.sessionId, "sign-out", auth.at);
}

/** The caller's session, when fully signed in (before the cookie's claims are re-issued from it). */
export async function currentSession(): Promise<Result<{ sessionId: string }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  return { ok: true, sessionId: auth.caller.sessionId };
}
