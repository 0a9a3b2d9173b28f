import "server-only";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Refusal, type Result } from "@/lib/auth/authorize";
import { normaliseEmail } from "@/lib/auth/email";
import { hashSecret, verifyNothing } from "@/lib/auth/password";
import { checkPassword } from "@/lib/auth/password-policy";
import { renderEmail } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import { checkCode, claimCode, issueCode } from "./codes";
import { checkCurrentPassword } from "./current-password";
import { openSession, revokeAllSessions, type RequestInfo } from "./sessions";

// Passwords: the first one after an invite, forgotten ones and changes (docs/product-rules.md,
// "Sign-in and sessions"). A password that breaks the policy is refused as invalid with the
// policy's reason (tooShort, common, …); two that differ as invalid/mismatch.

type Centre = { nameEn: string; nameCy: string; number: string } | null;

function namesFor(centre: Centre) {
  return centre ? [centre.nameEn, centre.nameCy, centre.number] : [];
}

/** The new password (without spaces around it, which sign-in ignores), or the refusal. */
function newPassword(
  input: { password: string; confirm: string },
  user: { email: string; centre: Centre },
): { ok: true; password: string } | Refusal {
  const password = input.password.trim();
  const problem = checkPassword(password, { email: user.email, names: namesFor(user.centre) });
  if (problem) return refuse("invalid", problem);
  if (password !== input.confirm.trim()) return refuse("invalid", "mismatch");
  return { ok: true, password };
}

/** First sign-in: replaces the temporary password, then MFA set-up (or the challenge) comes next. */
export async function setFirstPassword(input: {
  password: string;
  confirm: string;
}): Promise<Result<{ handoff: string; next: "mfa-setup" | "mfa" }>> {
  const auth = await authorize({ steps: ["password"] });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (caller.pendingStep !== "password") return refuse("forbidden", "notAllowed");
  const db = getPrisma();
  const centre = caller.centreId ? await db.centre.findUnique({ where: { id: caller.centreId } }) : null;
  const checked = newPassword(input, { email: caller.email, centre });
  if (!checked.ok) return checked;
  const passwordHash = await hashSecret(checked.password);
  const request = await requestInfo();
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: caller.userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: at, emailVerified: at },
    });
    const hasFactor = (await tx.mfaFactor.count({ where: { userId: caller.userId, active: true } })) > 0;
    const next = hasFactor ? ("mfa" as const) : ("mfa-setup" as const);
    await audit(tx, {
      action: "password.changed",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      details: { first: true },
      at,
    });
    const { handoff } = await openSession(tx, {
      userId: caller.userId,
      pendingStep: next,
      request,
      now: at,
      replaces: caller.sessionId,
    });
    return { ok: true as const, handoff, next };
  });
}

/** Counts one reset request against the client's address and the email address (known or not). */
function allowReset(email: string, request: RequestInfo, now: Date): Promise<boolean> {
  return allowAll(
    getPrisma(),
    [
      [`reset:${request.ip}`, LIMITS.resetPerIp],
      [`reset:account:${email}`, LIMITS.resetPerAccount],
    ],
    now,
  );
}

/**
 * Forgot password, step 1. The answer is the same whether or not the email exists. Limited per
 * client address and per email address, so a new address does not buy more codes.
 */
// public: the person cannot sign in; the answer never says whether the account exists
export async function requestPasswordReset(email: string, request: RequestInfo, now: Date): Promise<Result> {
  const db = getPrisma();
  if (!(await allowReset(normaliseEmail(email), request, now))) return refuse("limited", "rateLimited");
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
 * Forgot password, step 2: the latest code, once, within the hour. The code is checked first: an
 * unknown email and a wrong code get the same answer, and only the holder of a right code hears
 * about the new password (the policy's reason; the code then still works). Unlocks the account,
 * ends every session and emails a notice; it does not sign the user in (the next sign-in still
 * asks for the second factor). Limited per client address and per email address.
 */
// public: the person cannot sign in; the emailed code is what proves who they are
export async function resetPassword(
  input: { email: string; code: string; password: string; confirm: string },
  request: RequestInfo,
  now: Date,
): Promise<Result> {
  const db = getPrisma();
  const email = normaliseEmail(input.email);
  if (!(await allowReset(email, request, now))) return refuse("limited", "rateLimited");
  const user = await db.user.findUnique({ where: { email }, include: { centre: true } });
  if (!user) {
    await verifyNothing(input.code);
    return refuse("invalid", "invalidCode");
  }
  const check = await checkCode(db, { userId: user.id, purpose: "PASSWORD_RESET", code: input.code, now });
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at: now };
  if (!check.ok) {
    await audit(db, { ...base, action: "password.reset", outcome: "failure", details: { reason: check.reason } });
    return refuse("invalid", check.reason === "expired" ? "expiredCode" : "invalidCode");
  }
  const checked = newPassword(input, user);
  if (!checked.ok) return checked;
  const passwordHash = await hashSecret(checked.password);
  const wasLocked = user.lockedUntil !== null && user.lockedUntil > now;
  const done = await db.$transaction(async (tx) => {
    // Single use: of two requests with the same code, only one resets the password.
    if (!(await claimCode(tx, check.id, now))) return false;
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null },
    });
    await revokeAllSessions(tx, user.id, now);
    await audit(tx, { ...base, action: "password.reset", outcome: "success" });
    if (wasLocked)
      await audit(tx, { ...base, action: "account.unlocked", outcome: "success", details: { by: "password-reset" } });
    return true;
  });
  if (!done) return refuse("invalid", "invalidCode");
  await sendEmail(renderEmail(user.email, user.language, "passwordChanged", {})).catch(() => undefined);
  return { ok: true };
}

/**
 * Profile: change password, with the current one (tries limited per account). Other sessions
 * end; this one stays. The person is emailed a notice.
 */
export async function changePassword(input: { current: string; password: string; confirm: string }): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const request = await requestInfo();
  const db = getPrisma();
  const user = await db.user.findUniqueOrThrow({ where: { id: caller.userId }, include: { centre: true } });
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at };
  const wrong = await checkCurrentPassword(caller, input.current, request, at, "password.changed");
  if (wrong) return wrong;
  const checked = newPassword(input, user);
  if (!checked.ok) return checked;
  const passwordHash = await hashSecret(checked.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: at } });
    await revokeAllSessions(tx, user.id, at, caller.sessionId);
    await audit(tx, { ...base, action: "password.changed", outcome: "success" });
  });
  await sendEmail(renderEmail(user.email, user.language, "passwordChanged", {})).catch(() => undefined);
  return { ok: true };
}
