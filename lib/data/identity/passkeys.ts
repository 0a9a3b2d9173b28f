import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import {
  authorize,
  refuse,
  requestInfo,
  type Authorized,
  type Caller,
  type Refusal,
  type Result,
} from "@/lib/auth/authorize";
import { requestRelyingParty } from "@/lib/auth/session";
import { recoveryCodes } from "@/lib/auth/codes";
import { maySetUp } from "@/lib/auth/mfa-methods";
import { hashSecret } from "@/lib/auth/password";
import {
  CHALLENGE_TTL_MS,
  challengeOf,
  counterGoesBack,
  PASSKEY_NAME_MAX,
  RP_NAME,
  storedChallenge,
  USER_VERIFICATION,
  type Ceremony,
  type RelyingParty,
} from "@/lib/auth/webauthn";
import { renderEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { audit } from "@/lib/data/audit";
import { allowAll, LIMITS } from "@/lib/data/rate-limit";
import type { RequestInfo } from "./sessions";

// Passkeys (WebAuthn) as the second factor (docs/decisions/018-passkeys.md). Registering one is
// set-up, open to whoever may set up a factor (lib/auth/mfa-methods.ts, maySetUp): the browser
// signs a challenge kept on the Session row, used once. The first passkey makes PASSKEY the
// active factor with new recovery codes, as the other methods do; more passkeys may be added, and
// one removed, but never the last while PASSKEY is the method. Signing in and re-verifying with a
// passkey go through lib/data/identity/mfa.ts, which counts failures like wrong codes; this file
// gives it the options and the check of an assertion.

/** Counts one passkey request against the client's address and the account (as codes are). */
function allowPasskeyRequest(userId: string, ip: string, at: Date): Promise<boolean> {
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

function auditBase(caller: Caller, request: RequestInfo, at: Date) {
  return { actorId: caller.userId, actorEmail: caller.email, centreId: caller.centreId, ip: request.ip, at };
}

/** The user handle authenticators keep: the account's id, a stable handle that says nothing about the person. */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}

/** Keeps a new challenge on the session; it replaces any earlier one. */
async function keepChallenge(sessionId: string, ceremony: Ceremony, challenge: string, at: Date) {
  await getPrisma().session.update({
    where: { id: sessionId },
    data: { webauthnChallenge: storedChallenge(ceremony, challenge, at) },
  });
}

/**
 * Takes the session's challenge off it, so that whatever happens next it is never used again
 * (one conditional write: of two requests, one gets it). Its value when it was issued for this
 * ceremony within CHALLENGE_TTL_MS; null otherwise (none, already used, stale or of the other kind).
 */
async function takeChallenge(sessionId: string, ceremony: Ceremony, at: Date): Promise<string | null> {
  const db = getPrisma();
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { webauthnChallenge: true } });
  const stored = row?.webauthnChallenge ?? null;
  if (!stored) return null;
  const taken = await db.session.updateMany({
    where: { id: sessionId, webauthnChallenge: stored },
    data: { webauthnChallenge: null },
  });
  return taken.count === 1 ? challengeOf(stored, ceremony, at) : null;
}

/** The caller's passkeys, when PASSKEY is their active method (others are leftovers, never used). */
async function livePasskeys(userId: string) {
  const db = getPrisma();
  const factor = await db.mfaFactor.findFirst({
    where: { userId, active: true },
    orderBy: { verifiedAt: "desc" },
    select: { method: true },
  });
  if (factor?.method !== "PASSKEY") return [];
  return db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

/**
 * Starts registering a passkey: the options for the browser's navigator.credentials.create(), with
 * a new challenge kept on the session. The passkeys the person already has are excluded, so one
 * authenticator is not registered twice.
 */
export async function passkeyRegistrationOptions(): Promise<
  Result<{ options: PublicKeyCredentialCreationOptionsJSON }>
> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  const rp = await requestRelyingParty();
  if (!rp) return refuse("unavailable", "passkeyUnavailable");
  const request = await requestInfo();
  if (!(await allowPasskeyRequest(caller.userId, request.ip, at))) return refuse("limited", "rateLimited");
  const existing = await livePasskeys(caller.userId);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpID,
    userName: caller.email,
    userDisplayName: caller.name,
    userID: userHandle(caller.userId),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: USER_VERIFICATION },
  });
  await keepChallenge(caller.sessionId, "create", options.challenge, at);
  return { ok: true, options };
}

/**
 * Finishes registering a passkey: the browser's answer is verified against the challenge kept on
 * the session (taken off it first, so it works once), this request's relying party and origin.
 * The first passkey makes PASSKEY the active factor in place of any other, with new recovery
 * codes; a further one is added beside the others (no new codes). The person is emailed either
 * way, and the change is audited.
 */
export async function registerPasskey(input: {
  response: RegistrationResponseJSON | null;
  name?: string;
}): Promise<Result<{ recoveryCodes: string[] | null }>> {
  const auth = await setUpCaller();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!input?.response) return refuse("invalid", "passkeyFailed");
  const rp = await requestRelyingParty();
  if (!rp) return refuse("unavailable", "passkeyUnavailable");
  const request = await requestInfo();
  const db = getPrisma();
  if (!(await allowPasskeyRequest(caller.userId, request.ip, at))) return refuse("limited", "rateLimited");
  const base = auditBase(caller, request, at);
  const failed = async (reason: string) => {
    await audit(db, { ...base, action: "mfa.setup", outcome: "failure", details: { method: "PASSKEY", reason } });
    return refuse("invalid", "passkeyFailed");
  };

  const challenge = await takeChallenge(caller.sessionId, "create", at);
  if (!challenge) return failed("challenge");
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: USER_VERIFICATION === "required",
    });
  } catch {
    return failed("verification");
  }
  if (!verified.verified) return failed("verification");
  const { credential, userVerified } = verified.registrationInfo;
  const name = (input.name ?? "").trim().slice(0, PASSKEY_NAME_MAX);

  const codes = recoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashSecret(c)));
  let outcome: { first: boolean; passkeyId: string };
  try {
    outcome = await db.$transaction(async (tx) => {
      const active = await tx.mfaFactor.findMany({ where: { userId: caller.userId, active: true } });
      const first = !active.some((f) => f.method === "PASSKEY");
      if (first) {
        // PASSKEY becomes the method: any other factor (and any passkey left from an earlier time
        // PASSKEY was the method, before a reset or a change) goes, and the recovery codes are new.
        await tx.passkey.deleteMany({ where: { userId: caller.userId } });
        await tx.mfaFactor.deleteMany({ where: { userId: caller.userId } });
        await tx.mfaFactor.create({
          data: { userId: caller.userId, method: "PASSKEY", active: true, createdAt: at, verifiedAt: at },
        });
        await tx.recoveryCode.deleteMany({ where: { userId: caller.userId } });
        await tx.recoveryCode.createMany({
          data: hashes.map((codeHash) => ({ userId: caller.userId, codeHash, createdAt: at })),
        });
      }
      const passkey = await tx.passkey.create({
        data: {
          userId: caller.userId,
          credentialId: credential.id,
          publicKey: new Uint8Array(credential.publicKey),
          counter: BigInt(credential.counter),
          transports: credential.transports ?? input.response?.response.transports ?? [],
          name,
          createdAt: at,
        },
      });
      await audit(tx, {
        ...base,
        action: first ? (active.length > 0 ? "mfa.changed" : "mfa.setup") : "passkey.added",
        outcome: "success",
        details: { method: "PASSKEY", passkeyId: passkey.id, userVerified },
      });
      return { first, passkeyId: passkey.id };
    });
  } catch (error) {
    // The credential is registered already (to this account or another): nothing was changed.
    if (isUniqueViolation(error)) {
      await audit(db, {
        ...base,
        action: "mfa.setup",
        outcome: "failure",
        details: { method: "PASSKEY", reason: "registered" },
      });
      return refuse("conflict", "passkeyRegistered");
    }
    throw error;
  }
  await sendEmail(renderEmail(caller.email, caller.language, outcome.first ? "mfaChanged" : "passkeyAdded", {})).catch(
    () => undefined,
  );
  return { ok: true, recoveryCodes: outcome.first ? codes : null };
}

/**
 * Removes one of the caller's passkeys (Security settings, with a fresh second factor). Never the
 * last while PASSKEY is the method: the person changes the method instead. Another person's
 * passkey is "not found". The person is emailed and the change audited.
 */
export async function removePasskey(passkeyId: string): Promise<Result> {
  const auth = await authorize();
  if (!auth.ok) return auth;
  const { caller, at } = auth;
  if (!maySetUp(caller, at)) return refuse("forbidden", "notAllowed");
  if (typeof passkeyId !== "string" || passkeyId === "") return refuse("notFound");
  const request = await requestInfo();
  const db = getPrisma();
  const done = await db.$transaction(async (tx) => {
    // One removal at a time per account, so two cannot take away the last two together.
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${caller.userId} FOR UPDATE`;
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId: caller.userId } });
    if (!passkey) return refuse("notFound");
    const method = await tx.mfaFactor.findFirst({ where: { userId: caller.userId, active: true, method: "PASSKEY" } });
    if (method && (await tx.passkey.count({ where: { userId: caller.userId } })) <= 1)
      return refuse("conflict", "lastPasskey");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await audit(tx, {
      ...auditBase(caller, request, at),
      action: "passkey.removed",
      outcome: "success",
      details: { passkeyId: passkey.id },
    });
    return { ok: true as const };
  });
  if (done.ok) await sendEmail(renderEmail(caller.email, caller.language, "passkeyRemoved", {})).catch(() => undefined);
  return done;
}

/**
 * The options for the browser's navigator.credentials.get(), listing the caller's passkeys, with
 * a new challenge kept on the session; null when PASSKEY is not their method.
 */
// internal: called by lib/data/identity/mfa.ts once it has authorized the caller and checked the limits
export async function passkeyRequestOptions(
  caller: Caller,
  rp: RelyingParty,
  at: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await livePasskeys(caller.userId);
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    userVerification: USER_VERIFICATION,
    timeout: CHALLENGE_TTL_MS,
  });
  await keepChallenge(caller.sessionId, "get", options.challenge, at);
  return options;
}

export type AssertionCheck = { ok: true } | { ok: false; replay?: boolean; clone?: boolean };

/**
 * Checks an assertion from one of the caller's passkeys against the challenge kept on the session
 * (taken off it first: one use, right or wrong), the relying party and origin. The signature
 * counter must move forward once either side keeps one: a counter that goes back means the
 * credential may have been copied, and is refused and audited. When right, the counter moves
 * forward by a conditional write (of two requests with one assertion, one wins).
 */
// internal: called by lib/data/identity/mfa.ts, which authorized the caller and counts a failure as a wrong code
export async function checkPasskeyAssertion(
  caller: Caller,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  request: RequestInfo,
  at: Date,
): Promise<AssertionCheck> {
  const db = getPrisma();
  const challenge = await takeChallenge(caller.sessionId, "get", at);
  if (!challenge) return { ok: false, replay: true };
  const passkeys = await livePasskeys(caller.userId);
  const passkey = passkeys.find((p) => p.credentialId === response.id);
  if (!passkey) return { ok: false };
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      // The counter is checked below, so that a copied credential can be told from a bad signature.
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: 0,
        transports: passkey.transports,
      },
      requireUserVerification: USER_VERIFICATION === "required",
    });
  } catch {
    return { ok: false };
  }
  if (!verified.verified) return { ok: false };
  const received = verified.authenticationInfo.newCounter;
  if (counterGoesBack(passkey.counter, received)) {
    await audit(db, {
      ...auditBase(caller, request, at),
      action: "passkey.clone-suspected",
      outcome: "denied",
      details: { passkeyId: passkey.id, stored: passkey.counter.toString(), received },
    });
    return { ok: false, clone: true };
  }
  const moved = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(received), lastUsedAt: at },
  });
  return moved.count === 1 ? { ok: true } : { ok: false, replay: true };
}
