import "server-only";
import type { MfaFactor } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { decryptSecret } from "@/lib/auth/secret-box";
import { checkTotp } from "@/lib/auth/totp";
import { normaliseCode, normaliseRecoveryCode } from "@/lib/auth/codes";
import { verifySecret } from "@/lib/auth/password";
import { maskPhone } from "@/lib/auth/phone";
import { renderEmail, renderSms } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { sendSms } from "@/lib/sms/send";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { consumeCode, issueCode } from "./codes";
import { openSession, type LiveSession, type RequestInfo } from "./sessions";

// The second factor at sign-in (PRODUCT.md §Sign-in 4; issue 3 §3).

export const MAX_WRONG_CODES = 5;

export type MfaError = "invalidCode" | "expiredCode" | "attemptEnded" | "rateLimited" | "deliveryFailed" | "noFactor";

export async function activeFactor(userId: string) {
  return getPrisma().mfaFactor.findFirst({ where: { userId, active: true }, orderBy: { verifiedAt: "desc" } });
}

export function describeFactor(factor: Pick<MfaFactor, "method" | "phone">, email: string) {
  return {
    method: factor.method,
    destination:
      factor.method === "SMS" && factor.phone ? maskPhone(factor.phone) : factor.method === "EMAIL" ? email : "",
  };
}

/** Sends a sign-in code by SMS or email for the user's active factor. */
export async function sendSignInCode(
  session: LiveSession,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: MfaError }> {
  const db = getPrisma();
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const factor = await activeFactor(session.userId);
  if (!factor || factor.method === "TOTP") return { ok: false, error: "noFactor" };
  const user = session.user;
  const channel = factor.method === "SMS" ? "sms" : "email";
  const code = await issueCode(db, { userId: user.id, purpose: "MFA_SIGN_IN", channel, now });
  try {
    if (channel === "sms") await sendSms(factor.phone!, renderSms(user.language, code));
    else await sendEmail(renderEmail(user.email, user.language, "signInCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await audit(db, {
      action: "mfa.code-sent",
      outcome: "failure",
      actorId: user.id,
      actorEmail: user.email,
      centreId: user.centreId,
      ip: request.ip,
      details: { channel },
      at: now,
    });
    return { ok: false, error: "deliveryFailed" };
  }
  await audit(db, {
    action: "mfa.code-sent",
    outcome: "success",
    actorId: user.id,
    actorEmail: user.email,
    centreId: user.centreId,
    ip: request.ip,
    details: { channel },
    at: now,
  });
  return { ok: true };
}

export type MfaResult = { ok: true; handoff: string } | { ok: false; error: MfaError };

/** Checks the second factor for a session waiting on it; on success the session is replaced by a full one. */
export async function verifySignInFactor(
  session: LiveSession,
  input: { code: string; recovery?: boolean },
  request: RequestInfo,
  now: Date,
): Promise<MfaResult> {
  const db = getPrisma();
  if (session.pendingStep !== "mfa") return { ok: false, error: "noFactor" };
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, now)))
    return { ok: false, error: "rateLimited" };
  const user = session.user;
  const factor = await activeFactor(user.id);
  if (!factor) return { ok: false, error: "noFactor" };
  const base = { actorId: user.id, actorEmail: user.email, centreId: user.centreId, ip: request.ip, at: now };

  let outcome: { ok: true; step?: number; recoveryId?: string } | { ok: false; replay?: boolean; expired?: boolean };
  if (input.recovery) {
    const code = normaliseRecoveryCode(input.code);
    const unused = await db.recoveryCode.findMany({ where: { userId: user.id, usedAt: null } });
    let hit: string | undefined;
    for (const row of unused) if (await verifySecret(row.codeHash, code)) hit = row.id;
    outcome = hit ? { ok: true, recoveryId: hit } : { ok: false };
  } else if (factor.method === "TOTP") {
    const check = await checkTotp(
      decryptSecret(factor.secretEncrypted!),
      normaliseCode(input.code),
      now,
      factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
    );
    outcome = check.ok ? { ok: true, step: check.step } : { ok: false, replay: check.replay };
  } else {
    const check = await consumeCode(db, { userId: user.id, purpose: "MFA_SIGN_IN", code: input.code, now });
    outcome = check.ok ? { ok: true } : { ok: false, expired: check.reason === "expired" };
  }

  if (!outcome.ok) {
    const failed = factor.failedAttempts + 1;
    const ended = failed >= MAX_WRONG_CODES;
    await db.$transaction(async (tx) => {
      await tx.mfaFactor.update({ where: { id: factor.id }, data: { failedAttempts: ended ? 0 : failed } });
      // Five wrong codes in a row end the attempt: the half-open session is revoked.
      if (ended) await tx.session.update({ where: { id: session.id }, data: { revokedAt: now } });
      const replay = "replay" in outcome && outcome.replay;
      await audit(tx, {
        ...base,
        action: replay ? "mfa.code-replay" : "mfa.challenge",
        outcome: "failure",
        details: { method: input.recovery ? "RECOVERY" : factor.method, ended },
      });
    });
    if (ended) return { ok: false, error: "attemptEnded" };
    return { ok: false, error: "expired" in outcome && outcome.expired ? "expiredCode" : "invalidCode" };
  }

  return db.$transaction(async (tx) => {
    if (outcome.ok && outcome.recoveryId) {
      const used = await tx.recoveryCode.updateMany({
        where: { id: outcome.recoveryId, usedAt: null },
        data: { usedAt: now },
      });
      if (used.count !== 1) return { ok: false as const, error: "invalidCode" as const };
    }
    await tx.mfaFactor.update({
      where: { id: factor.id },
      data: {
        failedAttempts: 0,
        ...(outcome.ok && outcome.step !== undefined ? { lastUsedStep: BigInt(outcome.step) } : {}),
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await audit(tx, {
      ...base,
      action: "sign-in",
      outcome: "success",
      details: { method: input.recovery ? "RECOVERY" : factor.method },
    });
    const { handoff } = await openSession(tx, { userId: user.id, pendingStep: null, request, now, replaces: session });
    return { ok: true as const, handoff };
  });
}

/** Re-checks the second factor of a fully signed-in user before a sensitive change (fresh MFA). */
export async function reverifyFactor(
  session: LiveSession,
  code: string,
  request: RequestInfo,
  now: Date,
): Promise<{ ok: boolean }> {
  const db = getPrisma();
  const factor = await activeFactor(session.userId);
  if (!factor) return { ok: false };
  let ok = false;
  if (factor.method === "TOTP") {
    const check = await checkTotp(
      decryptSecret(factor.secretEncrypted!),
      normaliseCode(code),
      now,
      factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
    );
    ok = check.ok;
    if (check.ok) await db.mfaFactor.update({ where: { id: factor.id }, data: { lastUsedStep: BigInt(check.step) } });
  } else {
    ok = (await consumeCode(db, { userId: session.userId, purpose: "MFA_SIGN_IN", code, now })).ok;
  }
  await db.$transaction(async (tx) => {
    if (ok) await tx.session.update({ where: { id: session.id }, data: { mfaAt: now } });
    await audit(tx, {
      action: "mfa.reverify",
      outcome: ok ? "success" : "failure",
      actorId: session.user.id,
      actorEmail: session.user.email,
      centreId: session.user.centreId,
      ip: request.ip,
      at: now,
    });
  });
  return { ok };
}
