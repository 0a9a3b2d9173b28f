import "server-only";
import { getPrisma } from "@/lib/db/client";
import { verifyNothing, verifySecret } from "@/lib/auth/password";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import { normaliseEmail } from "@/lib/auth/email";
import { renderEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { openSession, type PendingStep, type RequestInfo } from "./sessions";

// Sign-in with email and password (docs/product-rules.md, "Sign-in and sessions").

const MAX_WRONG_PASSWORDS = 3;
const LOCKOUT_MS = 60 * 60_000;

/** The sign-in page an account is meant to use: centre staff, or examiners and moderators. */
export type Door = "centre" | "appointee";
export type SignInError = "invalidCredentials" | "wrongDoorCentre" | "wrongDoorAppointee" | "rateLimited";
export type SignInResult = { ok: true; handoff: string; next: PendingStep } | { ok: false; error: SignInError };

/**
 * The first step of sign-in. On success, a half-open session at the next step (a new password,
 * MFA set-up or the second factor) is handed to Auth.js. An unknown email and a locked account
 * get the same answer as a wrong password, after the same work; the person whose account locks
 * is emailed how to unlock it. Attempts are limited per client address and per email address.
 * The error is a message key of the "errors" namespace.
 */
// public: the person is not signed in yet; this is how they start
export async function signInWithPassword(
  input: { email: string; password: string; door: Door; request: RequestInfo },
  now: Date,
): Promise<SignInResult> {
  const db = getPrisma();
  const email = normaliseEmail(input.email);
  // Spaces pasted around a temporary password are not part of it (the guides' top support question).
  const password = input.password.trim();
  const allowed = await allowAll(
    db,
    [
      [`sign-in:${input.request.ip}`, LIMITS.signInPerIp],
      [`sign-in:account:${email}`, LIMITS.signInPerAccount],
    ],
    now,
  );
  if (!allowed) {
    await audit(db, {
      action: "sign-in",
      outcome: "denied",
      actorEmail: email,
      ip: input.request.ip,
      details: { reason: "rate-limited" },
      at: now,
    });
    return { ok: false, error: "rateLimited" };
  }
  const user = await db.user.findUnique({
    where: { email },
    include: {
      mfaFactors: { where: { active: true }, select: { id: true } },
      invites: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  if (!user || !user.passwordHash) {
    await verifyNothing(password);
    await audit(db, {
      action: "sign-in",
      outcome: "failure",
      actorEmail: email,
      ip: input.request.ip,
      details: { reason: "unknown-account" },
      at: now,
    });
    return { ok: false, error: "invalidCredentials" };
  }
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: input.request.ip, at: now };

  if (user.lockedUntil && user.lockedUntil > now) {
    // Answered like a wrong password, after the same work; the unlock hint went by email.
    await verifySecret(user.passwordHash, password);
    await audit(db, { ...base, action: "sign-in", outcome: "denied", details: { reason: "locked" } });
    return { ok: false, error: "invalidCredentials" };
  }
  if (user.deactivatedAt) {
    // A deactivated appointee (lib/data/board/appointees.ts): answered like a wrong password, after the same work.
    await verifySecret(user.passwordHash, password);
    await audit(db, { ...base, action: "sign-in", outcome: "denied", details: { reason: "deactivated" } });
    return { ok: false, error: "invalidCredentials" };
  }

  const invite = user.invites[0];
  const inviteDead =
    user.mustChangePassword &&
    (!invite || invite.withdrawnAt !== null || invite.acceptedAt !== null || invite.expiresAt <= now);

  const passwordOk = !inviteDead && (await verifySecret(user.passwordHash, password));
  if (!passwordOk) {
    const failed = (user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedSignIns) + 1;
    const locks = failed >= MAX_WRONG_PASSWORDS;
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: locks
          ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) }
          : { failedSignIns: failed, lockedUntil: null },
      });
      await audit(tx, {
        ...base,
        action: "sign-in",
        outcome: "failure",
        details: { reason: inviteDead ? "invite-expired" : "wrong-password" },
      });
      if (locks)
        await audit(tx, {
          ...base,
          action: "account.locked",
          outcome: "success",
          details: { until: new Date(now.getTime() + LOCKOUT_MS).toISOString() },
        });
    });
    if (locks) await sendEmail(renderEmail(user.email, user.language, "accountLocked", {})).catch(() => undefined);
    return { ok: false, error: "invalidCredentials" };
  }

  // The right password at the wrong door: say which door to use.
  const isAppointee = user.role === "APPOINTEE";
  if (input.door === "centre" && isAppointee) return { ok: false, error: "wrongDoorAppointee" };
  if (input.door === "appointee" && !isAppointee) return { ok: false, error: "wrongDoorCentre" };

  const next: PendingStep = user.mustChangePassword ? "password" : user.mfaFactors.length === 0 ? "mfa-setup" : "mfa";
  return db.$transaction(async (tx) => {
    // Earlier wrong passwords are forgotten; most sign-ins have none, and skip the write.
    if (user.failedSignIns !== 0 || user.lockedUntil !== null)
      await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    // The temporary password works once.
    if (user.mustChangePassword && invite)
      await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: now } });
    await audit(tx, { ...base, action: "sign-in.password", outcome: "success", details: { next } });
    const { handoff } = await openSession(tx, { userId: user.id, pendingStep: next, request: input.request, now });
    return { ok: true as const, handoff, next };
  });
}
