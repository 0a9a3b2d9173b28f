import "server-only";
import QRCode from "qrcode";
import type { MfaMethod } from "@/lib/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { authorize, refuse, requestInfo, type Authorized, type Refusal, type Result } from "@/lib/auth/authorize";
import { decryptSecret, encryptSecret } from "@/lib/auth/secret-box";
import { checkTotp, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { normaliseCode, recoveryCodes } from "@/lib/auth/codes";
import { maySetUp, passkeyRequiredFor, setupMethods } from "@/lib/auth/mfa-methods";
import { hashSecret } from "@/lib/auth/password";
import { normaliseUkMobile } from "@/lib/auth/phone";
import { renderEmail, renderSms } from "@/lib/email/templates";
import { DeliveryError, sendEmail } from "@/lib/email/send";
import { sendSms } from "@/lib/sms/send";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import { consumeCode, issueCode } from "./codes";
import { openSession } from "./sessions";

// Setting up or changing the second factor (docs/product-rules.md, "Sign-in and sessions"). A
// factor is PENDING until a code from it has been verified; only then does it replace the old
// one, with new recovery codes. Open to a session at the "mfa-setup" step, or to a full session
// whose second factor was checked in the last ten minutes (lib/auth/mfa-methods.ts). Passkeys are
// set up in ./passkeys.ts; the methods offered are setupMethods' (only a passkey for board staff
// when the board requires one, docs/decisions/018-passkeys.md).

/** Counts one code request against the client's address and the account. */
function allowCodeRequest(userId: string, ip: string, at: Date): Promise<boolean> {
  return allowAll(
    getPrisma(),
    [
      [`code:${ip}`, LIMITS.codePerIp],
      [`code:account:${userId}`, LIMITS.codePerAccount],
    ],
    at,
  );
}

/** The caller, when they may set up a factor now; forbidden/notAllowed otherwise. */
async function setUpCaller(): Promise<Authorized | Refusal> {
  const auth = await authorize({ steps: ["mfa-setup"] });
  if (!auth.ok) return auth;
  return maySetUp(auth.caller, auth.at) ? auth : refuse("forbidden", "notAllowed");
}

/**
 * What the set-up form offers: the methods, the caller's email, whether this is onboarding, and
 * whether the board requires this person to use a passkey.
 */
export async function mfaSetupOptions(): Promise<
  Result<{ methods: MfaMethod[]; email: string; onboarding: boolean; passkeyRequired: boolean }>
> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  return {
    ok: true,
    methods: setupMethods(auth.caller.role),
    email: auth.caller.email,
    onboarding: auth.caller.pendingStep === "mfa-setup",
    passkeyRequired: passkeyRequiredFor(auth.caller.role),
  };
}

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

/** Starts an authenticator-app set-up: a new secret, as text and as a QR code. */
export async function startTotpSetup(): Promise<Result<{ secret: string; uri: string; qr: string }>> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!setupMethods(caller.role).includes("TOTP")) return refuse("invalid", "methodDisabled");
  const secret = newTotpSecret();
  await replacePending(caller.userId, { method: "TOTP", secretEncrypted: encryptSecret(secret) }, at);
  const uri = totpUri(secret, caller.email);
  return { ok: true, secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Starts an SMS or email set-up: a code goes to the phone or the caller's address. */
export async function startCodeSetup(input: {
  method: "SMS" | "EMAIL";
  phone?: string;
}): Promise<Result<{ destination: string }>> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!setupMethods(caller.role).includes(input.method)) return refuse("invalid", "methodDisabled");
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowCodeRequest(caller.userId, request.ip, at))) return refuse("limited", "rateLimited");
  let phone: string | undefined;
  if (input.method === "SMS") {
    phone = normaliseUkMobile(input.phone ?? "") ?? undefined;
    if (!phone) return refuse("invalid", "invalidPhone");
  }
  await replacePending(caller.userId, { method: input.method, phone }, at);
  const code = await issueCode(db, {
    userId: caller.userId,
    purpose: "MFA_SETUP",
    channel: phone ? "sms" : "email",
    now: at,
  });
  try {
    if (phone) await sendSms(phone, renderSms(caller.language, code));
    else await sendEmail(renderEmail(caller.email, caller.language, "setupCode", { code }));
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    await db.mfaFactor.deleteMany({ where: { userId: caller.userId, active: false } });
    await audit(db, {
      action: "mfa.setup",
      outcome: "failure",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      details: { method: input.method, reason: "delivery" },
      at,
    });
    return refuse("unavailable", "deliveryFailed");
  }
  return { ok: true, destination: phone ?? caller.email };
}

/**
 * Checks a code from the pending factor; when right, it replaces the old one with new recovery
 * codes, and the person is emailed a notice (docs/product-rules.md, "Sign-in and sessions").
 */
export async function confirmSetup(code: string): Promise<Result<{ recoveryCodes: string[] }>> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowCodeRequest(caller.userId, request.ip, at))) return refuse("limited", "rateLimited");
  const pending = await db.mfaFactor.findFirst({
    where: { userId: caller.userId, active: false },
    orderBy: { createdAt: "desc" },
  });
  if (!pending) return refuse("conflict", "noPending");
  if (!setupMethods(caller.role).includes(pending.method)) return refuse("invalid", "methodDisabled");
  const base = { actorId: caller.userId, actorEmail: caller.email, centreId: caller.centreId, ip: request.ip, at };

  let step: number | undefined;
  if (pending.method === "TOTP") {
    const check = await checkTotp(decryptSecret(pending.secretEncrypted!), normaliseCode(code), at, null);
    if (!check.ok) {
      await audit(db, { ...base, action: "mfa.setup", outcome: "failure", details: { method: "TOTP" } });
      return refuse("invalid", "invalidCode");
    }
    step = check.step;
  } else {
    const check = await consumeCode(db, { userId: caller.userId, purpose: "MFA_SETUP", code, now: at });
    if (!check.ok) {
      await audit(db, { ...base, action: "mfa.setup", outcome: "failure", details: { method: pending.method } });
      return refuse("invalid", check.reason === "expired" ? "expiredCode" : "invalidCode");
    }
  }

  const codes = recoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c)));
  const done = await db.$transaction(async (tx) => {
    const hadFactor = (await tx.mfaFactor.count({ where: { userId: caller.userId, active: true } })) > 0;
    await tx.mfaFactor.deleteMany({ where: { userId: caller.userId, active: true } });
    // A code method replaces passkeys too: they stop working with the method.
    await tx.passkey.deleteMany({ where: { userId: caller.userId } });
    await tx.mfaFactor.update({
      where: { id: pending.id },
      data: { active: true, verifiedAt: at, lastUsedStep: step === undefined ? null : BigInt(step) },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: caller.userId } });
    await tx.recoveryCode.createMany({
      data: hashes.map((codeHash) => ({ userId: caller.userId, codeHash, createdAt: at })),
    });
    await audit(tx, {
      ...base,
      action: hadFactor ? "mfa.changed" : "mfa.setup",
      outcome: "success",
      details: { method: pending.method },
    });
    return { ok: true as const, recoveryCodes: codes };
  });
  await sendEmail(renderEmail(caller.email, caller.language, "mfaChanged", {})).catch(() => undefined);
  return done;
}

/**
 * First sign-in: once a factor is active and its recovery codes have been shown, the
 * half-open session is replaced by a full one (a new session id after MFA).
 */
export async function finishMfaSetup(): Promise<Result<{ handoff: string; language: "en" | "cy" | null }>> {
  const auth = await authorize({ steps: ["mfa-setup"] });
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (caller.pendingStep !== "mfa-setup") return refuse("forbidden", "notAllowed");
  const db = getPrisma();
  const active = await db.mfaFactor.findMany({
    where: { userId: caller.userId, active: true },
    select: { method: true },
  });
  if (active.length === 0) return refuse("conflict", "noPending");
  // The factor proved at sign-in is not enough when the board requires a passkey of this person.
  if (passkeyRequiredFor(caller.role) && !active.some((f) => f.method === "PASSKEY"))
    return refuse("conflict", "passkeyRequired");
  const request = await requestInfo();
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: caller.userId }, data: { lastSignInAt: at } });
    await audit(tx, {
      action: "sign-in",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      details: { method: "setup" },
      at,
    });
    const { handoff } = await openSession(tx, {
      userId: caller.userId,
      pendingStep: null,
      request,
      now: at,
      replaces: caller.sessionId,
    });
    return { ok: true as const, handoff, language: caller.language };
  });
}

/**
 * New recovery codes for a fully signed-in caller with a fresh second factor; the old ones stop
 * working, and the person is emailed a notice.
 */
export async function regenerateRecoveryCodes(): Promise<Result<{ recoveryCodes: string[] }>> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!maySetUp(caller, at)) return refuse("forbidden", "notAllowed");
  const request = await requestInfo();
  const codes = recoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c)));
  await getPrisma().$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: caller.userId } });
    await tx.recoveryCode.createMany({
      data: hashes.map((codeHash) => ({ userId: caller.userId, codeHash, createdAt: at })),
    });
    await audit(tx, {
      action: "mfa.recovery-codes-regenerated",
      outcome: "success",
      actorId: caller.userId,
      actorEmail: caller.email,
      centreId: caller.centreId,
      ip: request.ip,
      at,
    });
  });
  await sendEmail(renderEmail(caller.email, caller.language, "recoveryCodesChanged", {})).catch(() => undefined);
  return { ok: true, recoveryCodes: codes };
}
