import "server-only";
import { getPrisma } from "@/lib/db/client";
import { hashSecret, verifySecret } from "@/lib/auth/password";
import { checkPassword, type PasswordProblem } from "@/lib/auth/password-policy";
import { renderEmail } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { consumeCode, issueCode } from "./codes";
import { openSession, revokeAllSessions, type LiveSession, type RequestInfo } from "./sessions";
import { normaliseEmail } from "./sign-in";

// Passwords: the first one after an invite, forgotten ones and changes (issue 3 §2, §4, §7).

function namesFor(user: { centre: { nameEn: string; nameCy: string; number: string } | null }) {
  return user.centre ? [user.centre.nameEn, user.centre.nameCy, user.centre.number] : [];
}

export type PasswordError =
  PasswordProblem | "mismatch" | "notAllowed" | "wrongCurrent" | "invalidCode" | "expiredCode" | "rateLimited";

/** First sign-in: replaces the temporary password, then MFA set-up (or challenge) comes next. */
export async function setFirstPassword(
  session: LiveSession,
  input: { password: string; confirm: string },
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; handoff: string; next: "mfa-setup" | "mfa" } | { ok: false; error: PasswordError }> {
  if (session.pendingStep !== "password") return { ok: false, error: "notAllowed" };
  const user = session.user;
  // Sign-in ignores spaces around a password, so they are never part of one.
  const password = input.password.trim();
  const problem = checkPassword(password, { email: user.email, names: namesFor(user) });
  if (problem) return { ok: false, error: problem };
  if (password !== input.confirm.trim()) return { ok: false, error: "mismatch" };
  const passwordHash = await hashSecret(password);
  const db = getPrisma();
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, emailVerified: now },
    });
    const hasFactor = (await tx.mfaFactor.count({ where: { userId: user.id, active: true } })) > 0;
    const next = hasFactor ? ("mfa" as const) : ("mfa-setup" as const);
    await audit(tx, {
      action: "password.changed",
      outcome: "success",
      actorId: user.id,
      actorEmail: user.email,
      centreId: user.centreId,
      ip: request.ip,
      details: { first: true },
      at: now,
    });
    const { handoff } = await openSession(tx, { userId: user.id, pendingStep: next, request, now, replaces: session });
    return { ok: true as const, handoff, next };
  });
}

/** Forgot password, step 1. The answer is the same whether or not the email exists. */
export async function requestPasswordReset(
  email: string,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: "rateLimited" }> {
  const db = getPrisma();
  if (!(await allow(db, `reset:${request.ip}`, LIMITS.resetPerIp.limit, LIMITS.resetPerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user) {
    await audit(db, {
      action: "password.reset-requested",
      outcome: "failure",
      actorEmail: normaliseEmail(email),
      ip: request.ip,
      details: { reason: "unknown-account" },
      at: now,
    });
    return { ok: true };
  }
  const code = await issueCode(db, { userId: user.id, purpose: "PASSWORD_RESET", channel: "email", now });
  try {
    await sendEmail(renderEmail(user.email, user.language, "resetCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
  }
  await audit(db, {
    action: "password.reset-requested",
    outcome: "success",
    actorId: user.id,
    actorEmail: user.email,
    centreId: user.centreId,
    ip: request.ip,
    at: now,
  });
  return { ok: true };
}

/**
 * Forgot password, step 2: the latest code, once, within the hour. Unlocks the account, ends
 * every session and emails a notice; it does not sign the user in (the next sign-in still asks
 * for the second factor).
 */
export async function resetPassword(
  input: { email: string; code: string; password: string; confirm: string },
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: PasswordError }> {
  const db = getPrisma();
  if (!(await allow(db, `reset:${request.ip}`, LIMITS.resetPerIp.limit, LIMITS.resetPerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const user = await db.user.findUnique({ where: { email: normaliseEmail(input.email) }, include: { centre: true } });
  if (!user) return { ok: false, error: "invalidCode" };
  const problem = checkPassword(input.password.trim(), { email: user.email, names: namesFor(user) });
  if (problem) return { ok: false, error: problem };
  if (input.password.trim() !== input.confirm.trim()) return { ok: false, error: "mismatch" };
  const check = await consumeCode(db, { userId: user.id, purpose: "PASSWORD_RESET", code: input.code, now });
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at: now };
  if (!check.ok) {
    await audit(db, { ...base, action: "password.reset", outcome: "failure", details: { reason: check.reason } });
    return { ok: false, error: check.reason === "expired" ? "expiredCode" : "invalidCode" };
  }
  const passwordHash = await hashSecret(input.password.trim());
  const wasLocked = user.lockedUntil !== null && user.lockedUntil > now;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null },
    });
    await revokeAllSessions(tx, user.id, now);
    await audit(tx, { ...base, action: "password.reset", outcome: "success" });
    if (wasLocked)
      await audit(tx, { ...base, action: "account.unlocked", outcome: "success", details: { by: "password-reset" } });
  });
  await sendEmail(renderEmail(user.email, user.language, "passwordChanged", {})).catch(() => undefined);
  return { ok: true };
}

/** Profile: change password, with the current one. Other sessions end; this one stays. */
export async function changePassword(
  session: LiveSession,
  input: { current: string; password: string; confirm: string },
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: PasswordError }> {
  const db = getPrisma();
  const user = session.user;
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at: now };
  if (!(await verifySecret(user.passwordHash, input.current.trim()))) {
    await audit(db, { ...base, action: "password.changed", outcome: "failure", details: { reason: "wrong-current" } });
    return { ok: false, error: "wrongCurrent" };
  }
  const password = input.password.trim();
  const problem = checkPassword(password, { email: user.email, names: namesFor(user) });
  if (problem) return { ok: false, error: problem };
  if (password !== input.confirm.trim()) return { ok: false, error: "mismatch" };
  const passwordHash = await hashSecret(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now } });
    await revokeAllSessions(tx, user.id, now, session.id);
    await audit(tx, { ...base, action: "password.changed", outcome: "success" });
  });
  await sendEmail(renderEmail(user.email, user.language, "passwordChanged", {})).catch(() => undefined);
  return { ok: true };
}
