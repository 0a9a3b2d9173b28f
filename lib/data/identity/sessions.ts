import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { randomToken, sha256 } from "@/lib/auth/codes";
import { audit } from "@/lib/data/audit";

// Server-side sessions (docs/decisions/003-sessions.md). Auth.js's JWT cookie carries only the
// Session row's id; this module decides whether that row is still alive on every request.

export const IDLE_TIMEOUT_MS = 60 * 60_000; // 1 hour (issue 3 §6)
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000; // 12 hours
export const HANDOFF_TTL_MS = 60_000;
/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 30_000;

export type PendingStep = "password" | "mfa-setup" | "mfa";

type Tx = Prisma.TransactionClient;

export type RequestInfo = { ip: string; userAgent: string };

/**
 * Opens a session and returns a one-time handoff token that Auth.js's Credentials provider
 * exchanges for the session id (lib/auth/config.ts). `replaces` is revoked: a new session id
 * at sign-in and after each step (session fixation).
 */
export async function openSession(
  tx: Tx,
  input: {
    userId: string;
    pendingStep: PendingStep | null;
    request: RequestInfo;
    now: Date;
    replaces?: { id: string; expires: Date };
  },
) {
  const handoff = randomToken();
  const id = randomToken();
  const session = await tx.session.create({
    data: {
      id,
      sessionToken: id,
      userId: input.userId,
      pendingStep: input.pendingStep,
      mfaAt: input.pendingStep === null ? input.now : null,
      // A rotated session keeps the absolute deadline of the sign-in it continues.
      expires: input.replaces?.expires ?? new Date(input.now.getTime() + ABSOLUTE_LIFETIME_MS),
      lastSeenAt: input.now,
      createdAt: input.now,
      handoffHash: sha256(handoff),
      ip: input.request.ip,
      userAgent: input.request.userAgent.slice(0, 300),
    },
  });
  if (input.replaces) {
    await tx.session.update({ where: { id: input.replaces.id }, data: { revokedAt: input.now, handoffHash: null } });
  }
  return { sessionId: session.id, handoff };
}

/** Auth.js authorize(): a handoff works once, within a minute of being issued. */
export async function exchangeHandoff(handoff: string, now: Date) {
  const db = getPrisma();
  const session = await db.session.findUnique({
    where: { handoffHash: sha256(handoff) },
    include: { user: { include: { grants: { select: { permission: true } } } } },
  });
  if (!session || session.revokedAt || now.getTime() - session.createdAt.getTime() > HANDOFF_TTL_MS) return null;
  const claimed = await db.session.updateMany({
    where: { id: session.id, handoffHash: sha256(handoff) },
    data: { handoffHash: null },
  });
  if (claimed.count !== 1) return null;
  return session;
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** The session row behind a cookie, if it is neither revoked, expired nor idle; refreshes its idle clock. */
export async function findLiveSession(sessionId: string, now: Date) {
  const db = getPrisma();
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { include: { grants: { select: { permission: true } }, centre: true } } },
  });
  if (!session || session.revokedAt) return null;
  if (session.expires.getTime() <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    session.lastSeenAt = now;
  }
  return session;
}

export async function listSessions(userId: string, now: Date) {
  return getPrisma().session.findMany({
    where: {
      userId,
      revokedAt: null,
      expires: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - IDLE_TIMEOUT_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true, pendingStep: true },
  });
}

/** Ends one of the user's own sessions (Security settings, sign-out). Another user's id is "not found". */
export async function revokeSession(input: {
  userId: string;
  sessionId: string;
  reason: string;
  request: RequestInfo;
  now: Date;
}) {
  const db = getPrisma();
  return db.$transaction(async (tx) => {
    const result = await tx.session.updateMany({
      where: { id: input.sessionId, userId: input.userId, revokedAt: null },
      data: { revokedAt: input.now, handoffHash: null },
    });
    if (result.count === 0) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId } });
    await audit(tx, {
      action: "session.revoked",
      outcome: "success",
      actorId: user.id,
      actorEmail: user.email,
      centreId: user.centreId,
      ip: input.request.ip,
      details: { reason: input.reason },
      at: input.now,
    });
    return true;
  });
}

/** Ends every session of a user (password reset, deletion, MFA reset). */
export async function revokeAllSessions(tx: Tx, userId: string, now: Date, exceptId?: string) {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now, handoffHash: null },
  });
}
