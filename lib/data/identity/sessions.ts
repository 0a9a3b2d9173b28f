import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AppointeeType, Language, Role } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { randomToken, sha256 } from "@/lib/auth/codes";
import type { PendingStep } from "@/lib/auth/steps";
import { IDLE_TIMEOUT_MS, TOUCH_EVERY_MS } from "@/lib/auth/idle";

export type { PendingStep } from "@/lib/auth/steps";

// Server-side sessions (docs/decisions/003-sessions.md). Auth.js's JWT cookie carries only the
// Session row's id; this module decides whether that row is still alive on every request.
// Everything here runs before there is a caller (sign-in, the cookie, Auth.js), so nothing here
// asks lib/auth/authorize.ts; what a signed-in person does with their sessions is in
// ./security.ts.

export { IDLE_TIMEOUT_MS };
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000; // 12 hours
/** A session that has proved the password but not yet the second factor lives at most this long. */
export const PENDING_MFA_LIFETIME_MS = 10 * 60_000;
const HANDOFF_TTL_MS = 60_000;

type Tx = Prisma.TransactionClient;

export type RequestInfo = { ip: string; userAgent: string };

/**
 * Opens a session and returns a one-time handoff token that Auth.js's Credentials provider
 * exchanges for the session id (lib/auth/config.ts). `replaces` (a session id) is revoked: a
 * new session id at sign-in and after each step (session fixation); the new one keeps its
 * absolute deadline. A session waiting on the second factor ends 10 minutes after it opened;
 * the one that replaces it keeps the 12 hours counted from when that step began.
 */
// internal: takes the transaction of the sign-in step that has already checked the person
export async function openSession(
  tx: Tx,
  input: { userId: string; pendingStep: PendingStep | null; request: RequestInfo; now: Date; replaces?: string },
) {
  const replaced = input.replaces
    ? await tx.session.findUnique({
        where: { id: input.replaces },
        select: { id: true, expires: true, createdAt: true, pendingStep: true },
      })
    : null;
  const deadline = !replaced
    ? new Date(input.now.getTime() + ABSOLUTE_LIFETIME_MS)
    : replaced.pendingStep === "mfa"
      ? new Date(replaced.createdAt.getTime() + ABSOLUTE_LIFETIME_MS)
      : replaced.expires;
  const expires =
    input.pendingStep === "mfa"
      ? new Date(Math.min(deadline.getTime(), input.now.getTime() + PENDING_MFA_LIFETIME_MS))
      : deadline;
  const handoff = randomToken();
  const id = randomToken();
  const session = await tx.session.create({
    data: {
      id,
      sessionToken: id,
      userId: input.userId,
      pendingStep: input.pendingStep,
      mfaAt: input.pendingStep === null ? input.now : null,
      expires,
      lastSeenAt: input.now,
      createdAt: input.now,
      handoffHash: sha256(handoff),
      ip: input.request.ip,
      userAgent: input.request.userAgent.slice(0, 300),
    },
  });
  if (replaced) {
    await tx.session.update({ where: { id: replaced.id }, data: { revokedAt: input.now, handoffHash: null } });
  }
  return { sessionId: session.id, handoff };
}

/** Auth.js authorize(): a handoff works once, within a minute of being issued. */
// public: Auth.js's Credentials provider; the person holds a one-time token, not a cookie yet
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

/** A live session and its person, as every request reads them. */
export type LiveSession = {
  id: string;
  userId: string;
  expires: Date;
  lastSeenAt: Date;
  mfaAt: Date | null;
  pendingStep: string | null;
  revokedAt: Date | null;
  user: {
    id: string;
    email: string;
    name: string;
    title: string;
    role: Role;
    centreId: string | null;
    appointeeType: AppointeeType | null;
    language: Language | null;
    grants: { permission: string }[];
    centre: { id: string; number: string; nameEn: string; nameCy: string } | null;
  };
};

/** The statement's row: the session's columns, the person's beside them, grants and centre flattened. */
type LiveSessionRow = Omit<LiveSession, "user"> &
  Omit<LiveSession["user"], "id" | "grants" | "centre"> & {
    permissions: string[] | null;
    centreNumber: string | null;
    centreNameEn: string | null;
    centreNameCy: string | null;
  };

/**
 * The session row behind a cookie, if it is neither revoked, expired nor idle; refreshes its idle
 * clock when it is a minute old or more (lib/auth/idle.ts), so most requests write nothing. One
 * statement (the session, its person, their centre and grants): every page waits for it.
 */
// public: this is how the caller is found (lib/auth/session.ts), so it cannot ask for one
export async function findLiveSession(sessionId: string, now: Date): Promise<LiveSession | null> {
  if (typeof sessionId !== "string" || !sessionId) return null;
  const db = getPrisma();
  const [row] = await db.$queryRaw<LiveSessionRow[]>`
    SELECT s.id, s."userId", s.expires, s."lastSeenAt", s."mfaAt", s."pendingStep", s."revokedAt",
      u.email, u.name, u.title, u.role::text AS role, u."centreId", u."appointeeType"::text AS "appointeeType",
      u.language::text AS language,
      (SELECT array_agg(g.permission::text ORDER BY g.permission) FROM "PermissionGrant" g WHERE g."userId" = u.id)
        AS permissions,
      c.number AS "centreNumber", c."nameEn" AS "centreNameEn", c."nameCy" AS "centreNameCy"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Centre" c ON c.id = u."centreId"
    WHERE s.id = ${sessionId}`;
  if (!row || row.revokedAt) return null;
  if (row.expires.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return null;
  const session: LiveSession = {
    id: row.id,
    userId: row.userId,
    expires: row.expires,
    lastSeenAt: row.lastSeenAt,
    mfaAt: row.mfaAt,
    pendingStep: row.pendingStep,
    revokedAt: row.revokedAt,
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      title: row.title,
      role: row.role,
      centreId: row.centreId,
      appointeeType: row.appointeeType,
      language: row.language,
      grants: (row.permissions ?? []).map((permission) => ({ permission })),
      centre:
        row.centreId && row.centreNumber !== null
          ? {
              id: row.centreId,
              number: row.centreNumber,
              nameEn: row.centreNameEn ?? "",
              nameCy: row.centreNameCy ?? "",
            }
          : null,
    },
  };
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: now } });
    session.lastSeenAt = now;
  }
  return session;
}

/** Ends every session of a user, but `exceptId` (password reset or change, account deletion, MFA reset). */
// internal: takes the transaction of a data function that has already authorized the change
export async function revokeAllSessions(tx: Tx, userId: string, now: Date, exceptId?: string) {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { revokedAt: now, handoffHash: null },
  });
}
