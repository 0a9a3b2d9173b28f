import "server-only";
import QRCode from "qrcode";
import type { MfaMethod } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { decryptSecret, encryptSecret } from "@/lib/auth/secret-box";
import { checkTotp, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { normaliseCode, recoveryCodes } from "@/lib/auth/codes";
import { hashSecret } from "@/lib/auth/password";
import { normaliseUkMobile } from "@/lib/auth/phone";
import { renderEmail, renderSms } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { sendSms } from "@/lib/sms/send";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { consumeCode, issueCode } from "./codes";
import { openSession, type LiveSession, type RequestInfo } from "./sessions";

// Setting up or changing the second factor (issue 3 §3, §7). A factor is PENDING until a code
// from it has been verified; only then does it replace the old one, with new recovery codes.

/** Changing MFA from the profile needs a second factor checked within this long. */
export const FRESH_MFA_MS = 10 * 60_000;

export function enabledMethods(): MfaMethod[] {
  const methods: MfaMethod[] = ["TOTP"];
  if (process.env.MFA_SMS_ENABLED !== "false") methods.push("SMS");
  if (process.env.MFA_EMAIL_ENABLED !== "false") methods.push("EMAIL");
  return methods;
}

/** Set-up is open to a session at the "mfa-setup" step, or a full session with a fresh second factor. */
export function maySetUp(session: LiveSession, now: Date): boolean {
  if (session.pendingStep === "mfa-setup") return true;
  return (
    session.pendingStep === null && session.mfaAt !== null && now.getTime() - session.mfaAt.getTime() < FRESH_MFA_MS
  );
}

export type SetupError =
  | "notAllowed"
  | "methodDisabled"
  | "invalidPhone"
  | "deliveryFailed"
  | "invalidCode"
  | "expiredCode"
  | "rateLimited"
  | "noPending";

async function replacePending(
  userId: string,
  data: { method: MfaMethod; secretEncrypted?: string; phone?: string },
  now: Date,
) {
  const db = getPrisma();
  await db.$transaction([
    db.mfaFactor.deleteMany({ where: { userId, active: false } }),
    db.mfaFactor.create({ data: { userId, ...data, active: false, createdAt: now } }),
  ]);
}

export async function startTotpSetup(session: LiveSession, now: Date) {
  if (!maySetUp(session, now)) return { ok: false as const, error: "notAllowed" as const };
  const secret = newTotpSecret();
  await replacePending(session.userId, { method: "TOTP", secretEncrypted: encryptSecret(secret) }, now);
  const uri = totpUri(secret, session.user.email);
  return { ok: true as const, secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** The pending TOTP set-up, to show the QR code again after a wrong code. */
export async function pendingTotp(session: LiveSession) {
  const factor = await getPrisma().mfaFactor.findFirst({
    where: { userId: session.userId, active: false, method: "TOTP" },
  });
  if (!factor?.secretEncrypted) return null;
  const secret = decryptSecret(factor.secretEncrypted);
  const uri = totpUri(secret, session.user.email);
  return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function startCodeSetup(
  session: LiveSession,
  input: { method: "SMS" | "EMAIL"; phone?: string },
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; destination: string } | { ok: false; error: SetupError }> {
  if (!maySetUp(session, now)) return { ok: false, error: "notAllowed" };
  if (!enabledMethods().includes(input.method)) return { ok: false, error: "methodDisabled" };
  const db = getPrisma();
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const user = session.user;
  let phone: string | undefined;
  if (input.method === "SMS") {
    phone = normaliseUkMobile(input.phone ?? "") ?? undefined;
    if (!phone) return { ok: false, error: "invalidPhone" };
  }
  await replacePending(user.id, { method: input.method, phone }, now);
  const code = await issueCode(db, { userId: user.id, purpose: "MFA_SETUP", channel: phone ? "sms" : "email", now });
  try {
    if (phone) await sendSms(phone, renderSms(user.language, code));
    else await sendEmail(renderEmail(user.email, user.language, "setupCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await db.mfaFactor.deleteMany({ where: { userId: user.id, active: false } });
    await audit(db, {
      action: "mfa.setup",
      outcome: "failure",
      actorId: user.id,
      actorEmail: user.email,
      centreId: user.centreId,
      ip: request.ip,
      details: { method: input.method, reason: "delivery" },
      at: now,
    });
    return { ok: false, error: "deliveryFailed" };
  }
  return { ok: true, destination: phone ?? user.email };
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: SetupError };

export async function confirmSetup(
  session: LiveSession,
  code: string,
  request: RequestInfo,
  now: Date,
): Promise<ConfirmResult> {
  if (!maySetUp(session, now)) return { ok: false, error: "notAllowed" };
  const db = getPrisma();
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const user = session.user;
  const pending = await db.mfaFactor.findFirst({
    where: { userId: user.id, active: false },
    orderBy: { createdAt: "desc" },
  });
  if (!pending) return { ok: false, error: "noPending" };
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at: now };

  let step: number | undefined;
  if (pending.method === "TOTP") {
    const check = await checkTotp(decryptSecret(pending.secretEncrypted!), normaliseCode(code), now, null);
    if (!check.ok) {
      await audit(db, { ...base, action: "mfa.setup", outcome: "failure", details: { method: "TOTP" } });
      return { ok: false, error: "invalidCode" };
    }
    step = check.step;
  } else {
    const check = await consumeCode(db, { userId: user.id, purpose: "MFA_SETUP", code, now });
    if (!check.ok) {
      await audit(db, { ...base, action: "mfa.setup", outcome: "failure", details: { method: pending.method } });
      return { ok: false, error: check.reason === "expired" ? "expiredCode" : "invalidCode" };
    }
  }

  const codes = recoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c)));
  return db.$transaction(async (tx) => {
    const hadFactor = (await tx.mfaFactor.count({ where: { userId: user.id, active: true } })) > 0;
    await tx.mfaFactor.deleteMany({ where: { userId: user.id, active: true } });
    await tx.mfaFactor.update({
      where: { id: pending.id },
      data: { active: true, verifiedAt: now, lastUsedStep: step === undefined ? null : BigInt(step) },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: hashes.map((codeHash) => ({ userId: user.id, codeHash, createdAt: now })),
    });
    await audit(tx, {
      ...base,
      action: hadFactor ? "mfa.changed" : "mfa.setup",
      outcome: "success",
      details: { method: pending.method },
    });
    return { ok: true as const, recoveryCodes: codes };
  });
}

/**
 * First sign-in: once a factor is active and its recovery codes have been shown, the
 * half-open session is replaced by a full one (a new session id after MFA).
 */
export async function finishMfaSetup(
  session: LiveSession,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true; handoff: string } | { ok: false; error: SetupError }> {
  if (session.pendingStep !== "mfa-setup") return { ok: false, error: "notAllowed" };
  const db = getPrisma();
  if ((await db.mfaFactor.count({ where: { userId: session.userId, active: true } })) === 0)
    return { ok: false, error: "noPending" };
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: session.userId }, data: { lastSignInAt: now } });
    await audit(tx, {
      action: "sign-in",
      outcome: "success",
      actorId: session.userId,
      actorEmail: session.user.email,
      centreId: session.user.centreId,
      ip: request.ip,
      details: { method: "setup" },
      at: now,
    });
    const { handoff } = await openSession(tx, {
      userId: session.userId,
      pendingStep: null,
      request,
      now,
      replaces: session,
    });
    return { ok: true as const, handoff };
  });
}

export async function regenerateRecoveryCodes(session: LiveSession, request: RequestInfo, now: Date) {
  if (session.pendingStep !== null || !maySetUp(session, now))
    return { ok: false as const, error: "notAllowed" as const };
  const codes = recoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c)));
  const user = session.user;
  await getPrisma().$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: hashes.map((codeHash) => ({ userId: user.id, codeHash, createdAt: now })),
    });
    await audit(tx, {
      action: "mfa.recovery-codes-regenerated",
      outcome: "success",
      actorId: user.id,
      actorEmail: user.email,
      centreId: user.centreId,
      ip: request.ip,
      at: now,
    });
  });
  return { ok: true as const, recoveryCodes: codes };
}
