import "server-only";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { MfaMethod } from "@/lib/generated/prisma/enums";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Caller, type Refusal, type Result } from "@/lib/auth/authorize";
import { decryptSecret } from "@/lib/auth/secret-box";
import { checkTotp } from "@/lib/auth/totp";
import { normaliseCode, normaliseRecoveryCode } from "@/lib/auth/codes";
import { describeFactor, passkeyRequiredFor } from "@/lib/auth/mfa-methods";
import { requestRelyingParty } from "@/lib/auth/session";
import type { PendingStep } from "@/lib/auth/steps";
import { verifySecret } from "@/lib/auth/password";
import { renderEmail, renderSms } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { sendSms } from "@/lib/sms/send";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import type { RequestInfo } from "./sessions";
import { consumeCode, issueCode } from "./codes";
import { checkPasskeyAssertion, passkeyRequestOptions } from "./passkeys";
import { openSession } from "./sessions";

// The second factor at sign-in, and again before a sensitive change (docs/product-rules.md,
// "Sign-in and sessions"). The challenge serves a session at the "mfa" step; a fully signed-in
// session may ask for a code too (to re-verify in Security settings). Both count wrong codes
// the same way:
// - per session: five in a row end it (a sign-in attempt starts again from the password);
// - per account, across sign-in attempts and re-verification: ten in a row lock the second
//   factor — every method, recovery codes included — for an hour, and the person is emailed;
// - a right code resets both counts.
// Codes sent by SMS or email belong to the session that asked for them. Sending and checking
// codes is rate-limited per client address and per account (docs/decisions/016-sign-in-hardening.md).
// A passkey signs a challenge instead of giving a code (docs/decisions/018-passkeys.md): asking for
// one counts as sending a code, and an assertion that fails counts exactly as a wrong code.

const MAX_WRONG_CODES_PER_SESSION = 5;
const MAX_WRONG_CODES_PER_ACCOUNT = 10;
const MFA_LOCK_MS = 60 * 60_000;

function activeFactor(userId: string) {
  return getPrisma().mfaFactor.findFirst({ where: { userId, active: true }, orderBy: { verifiedAt: "desc" } });
}

type Factor = NonNullable<Awaited<ReturnType<typeof activeFactor>>>;

/** Counts one code request (sent or checked) against the client's address and the account. */
function allowCodeRequest(caller: Caller, request: RequestInfo, at: Date): Promise<boolean> {
  return allowAll(
    getPrisma(),
    [
      [`code:${request.ip}`, LIMITS.codePerIp],
      [`code:account:${caller.userId}`, LIMITS.codePerAccount],
    ],
    at,
  );
}

/** Whether the caller's second factor is locked after too many wrong codes. */
async function factorLocked(caller: Caller, at: Date): Promise<boolean> {
  const user = await getPrisma().user.findUnique({ where: { id: caller.userId }, select: { mfaLockedUntil: true } });
  return Boolean(user?.mfaLockedUntil && user.mfaLockedUntil > at);
}

function auditBase(caller: Caller, request: RequestInfo, at: Date) {
  return { actorId: caller.userId, actorEmail: caller.email, centreId: caller.centreId, ip: request.ip, at };
}

/** Refuses a code request while the factor is locked (audited); null when it is not locked. */
async function refuseWhileLocked(
  caller: Caller,
  request: RequestInfo,
  at: Date,
  action: string,
): Promise<Refusal | null> {
  if (!(await factorLocked(caller, at))) return null;
  await audit(getPrisma(), {
    ...auditBase(caller, request, at),
    action,
    outcome: "denied",
    details: { reason: "mfa-locked" },
  });
  return refuse("limited", "mfaLocked");
}

/** The challenge page: which factor to ask for, and where a code goes (masked). */
export async function mfaChallenge(): Promise<Result<{ method: MfaMethod; destination: string }>> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  const factor = await activeFactor(auth.caller.userId);
  return { ok: true, ...(factor ? describeFactor(factor, auth.caller.email) : { method: "TOTP", destination: "" }) };
}

async function sendCode(caller: Caller, at: Date): Promise<Result> {
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowCodeRequest(caller, request, at))) return refuse("limited", "rateLimited");
  const locked = await refuseWhileLocked(caller, request, at, "mfa.code-sent");
  if (locked) return locked;
  const factor = await activeFactor(caller.userId);
  if (!factor || factor.method === "TOTP" || factor.method === "PASSKEY") return refuse("conflict", "noFactor");
  const channel = factor.method === "SMS" ? "sms" : "email";
  const code = await issueCode(db, {
    userId: caller.userId,
    purpose: "MFA_SIGN_IN",
    channel,
    attempt: caller.sessionId,
    now: at,
  });
  let delivered = true;
  try {
    if (channel === "sms") await sendSms(factor.phone!, renderSms(caller.language, code));
    else await sendEmail(renderEmail(caller.email, caller.language, "signInCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    delivered = false;
  }
  await audit(db, {
    ...auditBase(caller, request, at),
    action: "mfa.code-sent",
    outcome: delivered ? "success" : "failure",
    details: { channel },
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
 * A passkey ceremony for the caller's PASSKEY factor: the options for the browser's
 * navigator.credentials.get(), with a new single-use challenge kept on the session. For a session
 * waiting on the second factor, and for a fully signed-in one re-verifying in Security settings.
 * Limited and refused while the factor is locked, as sending a code is.
 */
export async function passkeyChallenge(): Promise<Result<{ options: PublicKeyCredentialRequestOptionsJSON }>> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const rp = await requestRelyingParty();
  if (!rp) return refuse("unavailable", "passkeyUnavailable");
  const request = await requestInfo();
  if (!(await allowCodeRequest(caller, request, at))) return refuse("limited", "rateLimited");
  const locked = await refuseWhileLocked(caller, request, at, "mfa.passkey-options");
  if (locked) return locked;
  const options = await passkeyRequestOptions(caller, rp, at);
  return options ? { ok: true, options } : refuse("conflict", "noFactor");
}

/** A code (or, with `recovery`, a recovery code), or a passkey's answer to the session's challenge. */
export type FactorInput = { code: string; recovery?: boolean } | { passkey: AuthenticationResponseJSON | null };

type FactorCheck = { ok: true } | { ok: false; replay?: boolean; expired?: boolean; clone?: boolean };

/**
 * Why a factor input cannot be checked at all (it is not counted as a wrong code): a blank code, a
 * passkey answer that is not one, or an input of the wrong kind for the factor. Null when it can.
 */
function uncheckable(input: FactorInput, factor: Factor): Refusal | null {
  if ("passkey" in input) {
    if (factor.method !== "PASSKEY") return refuse("conflict", "noFactor");
    return input.passkey ? null : refuse("invalid", "passkeyFailed");
  }
  if (input.code.trim() === "") return refuse("invalid", "codeRequired");
  if (factor.method === "PASSKEY" && !input.recovery) return refuse("invalid", "usePasskey");
  return null;
}

/**
 * Checks a code against the caller's factor (or, with `recovery`, their unused recovery codes)
 * and, when right, uses it up. Each use is one conditional write, so of two requests carrying
 * the same code only one is accepted: an authenticator code moves the factor's last used step
 * forward only from an earlier one; a recovery or sent code is marked used only once.
 */
async function checkFactor(
  caller: Caller,
  factor: Factor,
  input: FactorInput,
  request: RequestInfo,
  at: Date,
): Promise<FactorCheck> {
  const db = getPrisma();
  if ("passkey" in input) {
    const rp = await requestRelyingParty();
    if (!rp || !input.passkey) return { ok: false };
    return checkPasskeyAssertion(caller, input.passkey, rp, request, at);
  }
  if (input.recovery) {
    const code = normaliseRecoveryCode(input.code);
    const unused = await db.recoveryCode.findMany({ where: { userId: caller.userId, usedAt: null } });
    let hit: string | undefined;
    for (const row of unused) if (await verifySecret(row.codeHash, code)) hit = row.id;
    if (!hit) return { ok: false };
    const used = await db.recoveryCode.updateMany({ where: { id: hit, usedAt: null }, data: { usedAt: at } });
    return used.count === 1 ? { ok: true } : { ok: false, replay: true };
  }
  if (factor.method === "TOTP") {
    const check = await checkTotp(
      decryptSecret(factor.secretEncrypted!),
      normaliseCode(input.code),
      at,
      factor.lastUsedStep === null ? null : Number(factor.lastUsedStep),
    );
    if (!check.ok) return { ok: false, replay: check.replay };
    const step = BigInt(check.step);
    const claimed = await db.mfaFactor.updateMany({
      where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return claimed.count === 1 ? { ok: true } : { ok: false, replay: true };
  }
  const check = await consumeCode(db, {
    userId: caller.userId,
    purpose: "MFA_SIGN_IN",
    code: input.code,
    attempt: caller.sessionId,
    now: at,
  });
  return check.ok ? { ok: true } : { ok: false, expired: check.reason === "expired" };
}

/**
 * Counts a wrong code against the session and the account. The tenth in a row for the account
 * locks the factor for an hour and emails the person; the fifth in a row in this session ends
 * it. Both end the session.
 */
async function wrongCode(
  caller: Caller,
  request: RequestInfo,
  at: Date,
  details: { action: string; method: string; replay?: boolean; expired?: boolean; clone?: boolean },
): Promise<Refusal> {
  const db = getPrisma();
  const base = auditBase(caller, request, at);
  const outcome = await db.$transaction(async (tx) => {
    // The account row first, then the session row: the order a successful check writes them in,
    // so a right and a wrong code at the same moment never wait on each other.
    const user = await tx.user.update({
      where: { id: caller.userId },
      data: { failedCodes: { increment: 1 } },
      select: { failedCodes: true },
    });
    const session = await tx.session.update({
      where: { id: caller.sessionId },
      data: { failedCodes: { increment: 1 } },
      select: { failedCodes: true },
    });
    const locks = user.failedCodes >= MAX_WRONG_CODES_PER_ACCOUNT;
    const ended = locks || session.failedCodes >= MAX_WRONG_CODES_PER_SESSION;
    if (locks) {
      await tx.user.update({
        where: { id: caller.userId },
        data: { failedCodes: 0, mfaLockedUntil: new Date(at.getTime() + MFA_LOCK_MS) },
      });
    }
    if (ended) await tx.session.update({ where: { id: caller.sessionId }, data: { revokedAt: at, handoffHash: null } });
    await audit(tx, {
      ...base,
      action: details.replay ? "mfa.code-replay" : details.action,
      outcome: "failure",
      details: { method: details.method, ended },
    });
    if (locks)
      await audit(tx, {
        ...base,
        action: "mfa.locked",
        outcome: "success",
        details: { until: new Date(at.getTime() + MFA_LOCK_MS).toISOString() },
      });
    return { locks, ended };
  });
  if (outcome.locks) {
    await sendEmail(renderEmail(caller.email, caller.language, "mfaLocked", {})).catch(() => undefined);
    return refuse("limited", "mfaLocked");
  }
  if (outcome.ended) return refuse("limited", "attemptEnded");
  if (details.method === "PASSKEY") return refuse("invalid", "passkeyFailed");
  return refuse("invalid", details.expired ? "expiredCode" : "invalidCode");
}

/**
 * Checks the second factor of a session waiting on it — a code, a recovery code or a passkey's
 * assertion; on success the session is replaced by a full one, handed to Auth.js. Five wrong
 * codes or failed assertions in a row end the attempt (limited/attemptEnded); ten in a row for
 * the account lock the factor (limited/mfaLocked). A session at another step (or none) is refused
 * before the input is read. When the board requires a passkey of this person and their factor is
 * another, the new session is at the "mfa-setup" step instead (docs/decisions/018-passkeys.md).
 */
export async function verifySignInFactor(
  input: FactorInput,
): Promise<Result<{ handoff: string; language: "en" | "cy" | null; next: PendingStep | null }>> {
  const auth = await authorize({ steps: ["mfa"] });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (caller.pendingStep !== "mfa") return refuse("forbidden", "notAllowed");
  // A blank code is not an attempt.
  if ("code" in input && input.code.trim() === "") return refuse("invalid", "codeRequired");
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowCodeRequest(caller, request, at))) return refuse("limited", "rateLimited");
  const locked = await refuseWhileLocked(caller, request, at, "mfa.challenge");
  if (locked) return locked;
  const factor = await activeFactor(caller.userId);
  if (!factor) return refuse("conflict", "noFactor");
  const refused = uncheckable(input, factor);
  if (refused) return refused;
  const method = "code" in input && input.recovery ? "RECOVERY" : factor.method;

  const check = await checkFactor(caller, factor, input, request, at);
  if (!check.ok) return wrongCode(caller, request, at, { action: "mfa.challenge", method, ...check });

  // Board staff the board requires a passkey of, with another factor: the factor they proved
  // lets them on to set one up, and nowhere else.
  const next: PendingStep | null = passkeyRequiredFor(caller.role) && factor.method !== "PASSKEY" ? "mfa-setup" : null;
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: caller.userId },
      data: { failedCodes: 0, ...(next ? {} : { lastSignInAt: at }) },
    });
    await audit(tx, {
      ...auditBase(caller, request, at),
      action: next ? "sign-in.mfa" : "sign-in",
      outcome: "success",
      details: next ? { method, next, reason: "passkey-required" } : { method },
    });
    const { handoff } = await openSession(tx, {
      userId: caller.userId,
      pendingStep: next,
      request,
      now: at,
      replaces: caller.sessionId,
    });
    return { ok: true as const, handoff, language: caller.language, next };
  });
}

/**
 * Re-checks the second factor of a fully signed-in caller before a sensitive change (fresh MFA):
 * a code, or a passkey's assertion. Wrong codes and failed assertions count and are limited
 * exactly as at sign-in: five in a row sign this session out, ten in a row for the account lock
 * the factor.
 */
export async function reverifyFactor(input: string | FactorInput): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const given: FactorInput = typeof input === "string" ? { code: input } : (input ?? { code: "" });
  if ("code" in given && given.code.trim() === "") return refuse("invalid", "codeRequired");
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowCodeRequest(caller, request, at))) return refuse("limited", "rateLimited");
  const locked = await refuseWhileLocked(caller, request, at, "mfa.reverify");
  if (locked) return locked;
  const factor = await activeFactor(caller.userId);
  if (!factor) return refuse("conflict", "noFactor");
  // Re-verification takes the usual method, never a recovery code.
  const refused = uncheckable("code" in given ? { code: given.code } : given, factor);
  if (refused) return refused;
  const check = await checkFactor(caller, factor, "code" in given ? { code: given.code } : given, request, at);
  if (!check.ok) return wrongCode(caller, request, at, { action: "mfa.reverify", method: factor.method, ...check });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.userId }, data: { failedCodes: 0 } });
    await tx.session.update({ where: { id: caller.sessionId }, data: { mfaAt: at, failedCodes: 0 } });
    await audit(tx, { ...auditBase(caller, request, at), action: "mfa.reverify", outcome: "success" });
  });
  return { ok: true };
}
