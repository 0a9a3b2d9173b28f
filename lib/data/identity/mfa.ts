import "server-only";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Caller, type Result } from "@/lib/auth/authorize";
import { decryptSecret } from "@/lib/auth/secret-box";
import { checkTotp } from "@/lib/auth/totp";
import { normaliseCode, normaliseRecoveryCode } from "@/lib/auth/codes";
import { describeFactor } from "@/lib/auth/mfa-methods";
import { verifySecret } from "@/lib/auth/password";
import { renderEmail, renderSms } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { sendSms } from "@/lib/sms/send";
import { audit } from "@/lib/data/audit";
import { allow, LIMITS } from "@/lib/data/rate-limit";
import { consumeCode, issueCode } from "./codes";
import { openSession } from "./sessions";

// The second factor at sign-in, and again before a sensitive change (docs/product-rules.md,
// "Sign-in and sessions"). The challenge serves a session at the "mfa" step; a fully signed-in
// session may ask for a code too (to re-verify in Security settings).

const MAX_WRONG_CODES = 5;

function activeFactor(userId: string) {
  return getPrisma().mfaFactor.findFirst({ where: { userId, active: true }, orderBy: { verifiedAt: "desc" } });
}

/** The challenge page: which factor to ask for, and where a code goes (masked). */
export async function mfaChallenge(): Promise<Result<{ method: "TOTP" | "SMS" | "EMAIL"; destination: string }>> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  const factor = await activeFactor(auth.caller.userId);
  return { ok: true, ...(factor ? describeFactor(factor, auth.caller.email) : { method: "TOTP", destination: "" }) };
}

async function sendCode(caller: Caller, at: Date): Promise<Result> {
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, at)))
    return refuse("limited", "rateLimited");
  const factor = await activeFactor(caller.userId);
  if (!factor || factor.method === "TOTP") return refuse("conflict", "noFactor");
  const channel = factor.method === "SMS" ? "sms" : "email";
  const code = await issueCode(db, { userId: caller.userId, purpose: "MFA_SIGN_IN", channel, now: at });
  let delivered = true;
  try {
    if (channel === "sms") await sendSms(factor.phone!, renderSms(caller.language, code));
    else await sendEmail(renderEmail(caller.email, caller.language, "signInCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    delivered = false;
  }
  await audit(db, {
    action: "mfa.code-sent",
    outcome: delivered ? "success" : "failure",
    actorId: caller.userId,
    actorEmail: caller.email,
    centreId: caller.centreId,
    ip: request.ip,
    details: { channel },
    at,
  });
  return delivered ? { ok: true } : refuse("unavailable", "deliveryFailed");
}

/** Sends a sign-in code by SMS or email for the active factor of a session waiting on it. */
export async function sendSignInCode(): Promise<Result> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  if (auth.caller.pendingStep !== "mfa") return refuse("forbidden", "notAllowed");
  return sendCode(auth.caller, auth.at);
}

/** Sends a code to a fully signed-in caller's SMS or email factor, to re-verify it (Security settings). */
export async function sendReverifyCode(): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  return sendCode(auth.caller, auth.at);
}

/**
 * Checks the second factor of a session waiting on it; on success the session is replaced by a
 * full one, handed to Auth.js. Five wrong codes in a row end the attempt (limited/attemptEnded).
 * A session at another step (or none) is refused before the code is read.
 */
export async function verifySignInFactor(input: {
  code: string;
  recovery?: boolean;
}): Promise<Result<{ handoff: string; language: "en" | "cy" | null }>> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (caller.pendingStep !== "mfa") return refuse("forbidden", "notAllowed");
  // A blank code is not an attempt.
  if (input.code.trim() === "") return refuse("invalid", "codeRequired");
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allow(db, `code:${request.ip}`, LIMITS.codePerIp.limit, LIMITS.codePerIp.windowMs, at)))
    return refuse("limited", "rateLimited");
  const factor = await activeFactor(caller.userId);
  if (!factor) return refuse("conflict", "noFactor");
  const base = { actorId: caller.userId, actorEmail: caller.email, centreId: caller.centreId, ip: request.ip, at };

  let outcome: { ok: true; step?: number; recoveryId?: string } | { ok: false; replay?: boolean; expired?: boolean };
  if (input.recovery) {
    const code = normaliseRecoveryCode(input.code);
    const unused = await db.recoveryCode.findMany({ where: { userId: caller.userId, usedAt: null } });
    let hit: string | undefined;
    for (const row of unused) if (await verifySecret(row.codeHash, code)) hit = row.id;
    outcome = hit ? { ok: true, recoveryId: hit } : { ok: false };
  } else if (factor.method === "TOTP") {
    const check = await checkTotp(
      decryptSecret(factor.secretEncrypted!),
      normaliseCode(input.code),
      at,
      factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
    );
    outcome = check.ok ? { ok: true, step: check.step } : { ok: false, replay: check.replay };
  } else {
    const check = await consumeCode(db, { userId: caller.userId, purpose: "MFA_SIGN_IN", code: input.code, now: at });
    outcome = check.ok ? { ok: true } : { ok: false, expired: check.reason === "expired" };
  }

  if (!outcome.ok) {
    const failed = factor.failedAttempts + 1;
    const ended = failed >= MAX_WRONG_CODES;
    await db.$transaction(async (tx) => {
      await tx.mfaFactor.update({ where: { id: factor.id }, data: { failedAttempts: ended ? 0 : failed } });
      // Five wrong codes in a row end the attempt: the half-open session is revoked.
      if (ended) await tx.session.update({ where: { id: caller.sessionId }, data: { revokedAt: at } });
      const replay = "replay" in outcome && outcome.replay;
      await audit(tx, {
        ...base,
        action: replay ? "mfa.code-replay" : "mfa.challenge",
        outcome: "failure",
        details: { method: input.recovery ? "RECOVERY" : factor.method, ended },
      });
    });
    if (ended) return refuse("limited", "attemptEnded");
    return refuse("invalid", "expired" in outcome && outcome.expired ? "expiredCode" : "invalidCode");
  }

  return db.$transaction(async (tx): Promise<Result<{ handoff: string; language: "en" | "cy" | null }>> => {
    if (outcome.ok && outcome.recoveryId) {
      const used = await tx.recoveryCode.updateMany({
        where: { id: outcome.recoveryId, usedAt: null },
        data: { usedAt: at },
      });
      if (used.count !== 1) return refuse("invalid", "invalidCode");
    }
    await tx.mfaFactor.update({
      where: { id: factor.id },
      data: {
        failedAttempts: 0,
        ...(outcome.ok && outcome.step !== undefined ? { lastUsedStep: BigInt(outcome.step) } : {}),
      },
    });
    await tx.user.update({ where: { id: caller.userId }, data: { lastSignInAt: at } });
    await audit(tx, {
      ...base,
      action: "sign-in",
      outcome: "success",
      details: { method: input.recovery ? "RECOVERY" : factor.method },
    });
    const { handoff } = await openSession(tx, {
      userId: caller.userId,
      pendingStep: null,
      request,
      now: at,
      replaces: caller.sessionId,
    });
    return { ok: true, handoff, language: caller.language };
  });
}

/** Re-checks the second factor of a fully signed-in caller before a sensitive change (fresh MFA). */
export async function reverifyFactor(code: string): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const request = await requestInfo();
  const db = getPrisma();
  const factor = await activeFactor(caller.userId);
  if (!factor) return refuse("conflict", "noFactor");
  let ok = false;
  if (factor.method === "TOTP") {
    const check = await checkTotp(
      decryptSecret(factor.secretEncrypted!),
      normaliseCode(code),
      at,
      factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
    );
    ok = check.ok;
    if (check.ok) await db.mfaFactor.update({ where: { id: factor.id }, data: { lastUsedStep: BigInt(check.step) } });
  } else {
    ok = (await consumeCode(db, { userId: caller.userId, purpose: "MFA_SIGN_IN", code, now: at })).ok;
  }
  await db.$transaction(async (tx) => {
    if (ok) await tx.session.update({ where: { id: caller.sessionId }, data: { mfaAt: at } });
    await audit(tx, {
      action: "mfa.reverify",
      outcome: ok ? "success" : "failure",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      at,
    });
  });
  return ok ? { ok: true } : refuse("invalid", "invalidCode");
}
