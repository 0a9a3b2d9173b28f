// Passkeys (WebAuthn) as the second factor, on a real database (PGlite or PostgreSQL), with a
// software authenticator (tests/utils/webauthn.ts): registration against the session's
// single-use challenge, the relying party and origin, sign-in through the same code path as the
// other factors (counted, limited and locked alike), the signature counter, adding and removing
// passkeys, and the board's requirement (docs/decisions/018-passkeys.md).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { createUser, DEMO_TOTP_SECRET, type CreateUserOptions } from "../factories/users";
import { actAs } from "../utils/act-as";
import { clientHeaders, setRequestHeaders } from "../utils/next-mocks";
import { SoftPasskey } from "../utils/webauthn";
import { readOutbox } from "@/lib/email/outbox";
import { hashSecret } from "@/lib/auth/password";
import { totpCode } from "@/lib/auth/totp";
import { CHALLENGE_TTL_MS } from "@/lib/auth/webauthn";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { exchangeHandoff, findLiveSession } from "@/lib/data/identity/sessions";
import { mfaChallenge, passkeyChallenge, reverifyFactor, verifySignInFactor } from "@/lib/data/identity/mfa";
import {
  confirmSetup,
  finishMfaSetup,
  mfaSetupOptions,
  startCodeSetup,
  startTotpSetup,
} from "@/lib/data/identity/mfa-setup";
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from "@/lib/data/identity/passkeys";
import { securitySettings } from "@/lib/data/identity/security";
import { resetMfa } from "@/lib/data/accounts/manage";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const PASSWORD = "correct-horse-battery-staple";
const ORIGIN = "https://porth.test";
const T0 = new Date("2027-03-01T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let addressCounter = 0;
const newAddress = () => `198.51.100.${++addressCounter}`;
/**
 * The next calls come from a new client address, posted from `origin` to the Host `host` (by
 * default the portal's own, as a browser on it would).
 */
function browserAt(origin = ORIGIN, extra: Record<string, string> = {}) {
  setRequestHeaders({ ...clientHeaders(newAddress()), host: new URL(ORIGIN).host, origin, ...extra });
}

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-it-passkeys-outbox-${process.pid}`;
  db = await createTestDb();
});
afterAll(async () => db?.close());
afterEach(async () => {
  vi.unstubAllEnvs();
  setRequestHeaders(null);
  await actAs(db.prisma, null);
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** The password step; the session it opens (at the next step), acted as at `when` from a new address. */
async function passwordStep(email: string, when: Date) {
  const first = await signInWithPassword(
    { email, password: PASSWORD, door: "centre", request: { ip: newAddress(), userAgent: "vitest" } },
    when,
  );
  if (!first.ok) throw new Error(first.error);
  const session = (await exchangeHandoff(first.handoff, when))!;
  browserAt();
  await actAs(db.prisma, session, when);
  return { session, next: first.next };
}

/** Registers `key` for the caller now acted as; the data layer's answer. */
async function register(key: SoftPasskey, name = "Laptop") {
  const { options } = ok(await passkeyRegistrationOptions());
  return registerPasskey({ response: key.register(options), name });
}

/** A new account whose second factor is a passkey, set up at its first sign-in. */
async function passkeyUser(options: CreateUserOptions = {}, when = T0) {
  const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "none", ...options });
  const key = new SoftPasskey({ origin: ORIGIN });
  await passwordStep(user.email, when);
  ok(await register(key));
  ok(await finishMfaSetup());
  await actAs(db.prisma, null);
  return { user, key };
}

/** Signs in with the password and then `key`; the full session. */
async function signInWithPasskey(email: string, key: SoftPasskey, when: Date) {
  const { session } = await passwordStep(email, when);
  const { options } = ok(await passkeyChallenge());
  const done = ok(await verifySignInFactor({ passkey: key.assert(options) }));
  return { pending: session, full: (await exchangeHandoff(done.handoff, when))!, done };
}

const auditOf = (userId: string, action: string) =>
  db.prisma.auditEvent.findMany({ where: { actorId: userId, action }, orderBy: { at: "asc" } });

describe("registering a passkey", () => {
  it("at the first sign-in: the challenge on the session signs it in, it becomes the second factor with recovery codes, a notice and an audit row", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "none" });
    const { session, next } = await passwordStep(user.email, T0);
    expect(next).toBe("mfa-setup");
    const setup = ok(await mfaSetupOptions());
    expect(setup.methods[0]).toBe("PASSKEY");

    const { options } = ok(await passkeyRegistrationOptions());
    expect(options.rp).toEqual({ id: "porth.test", name: "Porth" });
    expect(Buffer.from(options.user.id, "base64url").toString()).toBe(user.id);
    expect(options.user.name).toBe(user.email);
    expect(options.attestation).toBe("none");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred" });
    expect(options.excludeCredentials).toEqual([]);
    const stored = await db.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.webauthnChallenge).toContain(options.challenge);

    const key = new SoftPasskey({ origin: ORIGIN });
    const done = ok(await registerPasskey({ response: key.register(options), name: "  Work laptop " }));
    expect(done.recoveryCodes).toHaveLength(10);

    const passkeys = await db.prisma.passkey.findMany({ where: { userId: user.id } });
    expect(passkeys).toMatchObject([{ credentialId: key.id, name: "Work laptop", transports: ["internal"] }]);
    expect(passkeys[0].counter).toBe(BigInt(key.counter));
    const factors = await db.prisma.mfaFactor.findMany({ where: { userId: user.id } });
    expect(factors).toMatchObject([{ method: "PASSKEY", active: true }]);
    expect(await db.prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    // The challenge was used up.
    expect((await db.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).webauthnChallenge).toBeNull();
    expect(await auditOf(user.id, "mfa.setup")).toMatchObject([{ outcome: "success", details: { method: "PASSKEY" } }]);
    const [notice] = await readOutbox(user.email);
    expect(notice.subject).toContain("second factor has been changed");

    // The half-open session becomes a full one, as with the other methods.
    const finished = ok(await finishMfaSetup());
    const full = (await exchangeHandoff(finished.handoff, T0))!;
    expect(full.pendingStep).toBeNull();
    expect(await findLiveSession(session.id, T0)).toBeNull();
  });

  it("a challenge works once: a replayed registration, one after a failed try and a stale one are refused", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "none" });
    const { session } = await passwordStep(user.email, at(10));
    const key = new SoftPasskey({ origin: ORIGIN });
    const refused = { ok: false, error: "invalid", reason: "passkeyFailed" };

    // A failed try uses the challenge up: the right answer to it is then refused too.
    const { options } = ok(await passkeyRegistrationOptions());
    expect(await registerPasskey({ response: key.register(options, { origin: "https://evil.test" }) })).toEqual(
      refused,
    );
    expect(await registerPasskey({ response: key.register(options) })).toEqual(refused);

    // Too late: the challenge is good for CHALLENGE_TTL_MS.
    const { options: stale } = ok(await passkeyRegistrationOptions());
    await actAs(db.prisma, session, new Date(at(10).getTime() + CHALLENGE_TTL_MS + 1000));
    expect(await registerPasskey({ response: key.register(stale) })).toEqual(refused);
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);

    // A good one, then the same answer again.
    const { options: fresh } = ok(await passkeyRegistrationOptions());
    const response = key.register(fresh);
    ok(await registerPasskey({ response }));
    expect(await registerPasskey({ response })).toEqual(refused);
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(1);
    const failures = await auditOf(user.id, "mfa.setup");
    expect(failures.filter((e) => e.outcome === "failure")).toHaveLength(4);
  });

  it("an answer made for another origin or relying party is refused, and the relying party is never the X-Forwarded-Host", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "none" });
    await passwordStep(user.email, at(20));
    const key = new SoftPasskey({ origin: ORIGIN });
    const refused = { ok: false, error: "invalid", reason: "passkeyFailed" };

    let { options } = ok(await passkeyRegistrationOptions());
    expect(
      await registerPasskey({ response: key.register(options, { origin: "https://porth.test.evil.test" }) }),
    ).toEqual(refused);
    ({ options } = ok(await passkeyRegistrationOptions()));
    expect(await registerPasskey({ response: key.register(options, { rpID: "evil.test" }) })).toEqual(refused);
    ({ options } = ok(await passkeyRegistrationOptions()));
    expect(await registerPasskey({ response: key.register(options, { origin: "http://porth.test" }) })).toEqual(
      refused,
    );

    // A post whose Origin is not the Host it was sent to has no relying party (without AUTH_URL).
    setRequestHeaders({ ...clientHeaders(newAddress()), host: "porth.test", origin: "https://phish.test" });
    expect(await passkeyRegistrationOptions()).toEqual({
      ok: false,
      error: "unavailable",
      reason: "passkeyUnavailable",
    });

    // With AUTH_URL, the relying party is its host whatever the request says.
    vi.stubEnv("AUTH_URL", ORIGIN);
    browserAt("https://phish.test", { host: "phish.test", "x-forwarded-host": "phish.test" });
    ({ options } = ok(await passkeyRegistrationOptions()));
    expect(options.rp.id).toBe("porth.test");
    expect(await registerPasskey({ response: key.register(options, { origin: "https://phish.test" }) })).toEqual(
      refused,
    );
    ({ options } = ok(await passkeyRegistrationOptions()));
    ok(await registerPasskey({ response: key.register(options) }));
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("signing in with a passkey", () => {
  it("completes the session as the other factors do; a code is not asked for, and recovery codes still work", async () => {
    const { user, key } = await passkeyUser({}, at(30));
    const { session } = await passwordStep(user.email, at(40));
    expect(ok(await mfaChallenge())).toMatchObject({ method: "PASSKEY", destination: "" });
    // A code for a passkey is not an attempt.
    expect(await verifySignInFactor({ code: "123456" })).toEqual({ ok: false, error: "invalid", reason: "usePasskey" });

    const { options } = ok(await passkeyChallenge());
    expect(options.rpId).toBe("porth.test");
    expect(options.userVerification).toBe("preferred");
    expect(options.allowCredentials).toEqual([{ id: key.id, type: "public-key", transports: ["internal"] }]);
    const answer = key.assert(options);
    const done = ok(await verifySignInFactor({ passkey: answer }));
    expect(done.next).toBeNull();
    const full = (await exchangeHandoff(done.handoff, at(40)))!;
    expect(full).toMatchObject({ pendingStep: null, userId: user.id });
    expect(full.mfaAt).toEqual(at(40));
    expect(await findLiveSession(session.id, at(40))).toBeNull();

    const passkey = await db.prisma.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(passkey.counter).toBe(BigInt(key.counter));
    expect(passkey.lastUsedAt).toEqual(at(40));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(0);
    expect((await auditOf(user.id, "sign-in")).at(-1)).toMatchObject({
      outcome: "success",
      details: { method: "PASSKEY" },
    });

    // The same answer, replayed in a new attempt, is refused: its challenge was used up.
    await passwordStep(user.email, at(41));
    ok(await passkeyChallenge());
    expect(await verifySignInFactor({ passkey: answer })).toEqual({
      ok: false,
      error: "invalid",
      reason: "passkeyFailed",
    });
  });

  it("a counter that goes backwards is refused as a copied passkey, audited and counted; one that keeps none is accepted", async () => {
    const { user, key } = await passkeyUser({}, at(50));
    await signInWithPasskey(user.email, key, at(51));
    await signInWithPasskey(user.email, key, at(52));
    const stored = (await db.prisma.passkey.findFirstOrThrow({ where: { userId: user.id } })).counter;
    expect(stored).toBe(BigInt(key.counter));

    const { session } = await passwordStep(user.email, at(53));
    const { options } = ok(await passkeyChallenge());
    const copy = key.assert(options, { counter: Number(stored) - 1 });
    expect(await verifySignInFactor({ passkey: copy })).toEqual({
      ok: false,
      error: "invalid",
      reason: "passkeyFailed",
    });
    expect(await auditOf(user.id, "passkey.clone-suspected")).toMatchObject([
      { outcome: "denied", details: { stored: stored.toString(), received: Number(stored) - 1 } },
    ]);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(1);
    expect((await db.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).failedCodes).toBe(1);
    expect((await db.prisma.passkey.findFirstOrThrow({ where: { userId: user.id } })).counter).toBe(stored);
    // The same counter again is no better.
    const again = ok(await passkeyChallenge()).options;
    expect((await verifySignInFactor({ passkey: key.assert(again, { counter: Number(stored) }) })).ok).toBe(false);

    // An authenticator that keeps no counter says 0 every time, and that is fine.
    const plain = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "none" });
    const noCounter = new SoftPasskey({ origin: ORIGIN, keepsCounter: false });
    await passwordStep(plain.email, at(60));
    ok(await register(noCounter));
    ok(await finishMfaSetup());
    for (const m of [61, 62]) await signInWithPasskey(plain.email, noCounter, at(m));
    expect((await db.prisma.passkey.findFirstOrThrow({ where: { userId: plain.id } })).counter).toBe(0n);
  });

  it("failed assertions count like wrong codes: five end the attempt, and a recovery code then works", async () => {
    const { user, key } = await passkeyUser({}, at(70));
    const { session } = await passwordStep(user.email, at(71));
    for (let i = 0; i < 4; i++) {
      const { options } = ok(await passkeyChallenge());
      expect(await verifySignInFactor({ passkey: key.assert(options, { origin: "https://evil.test" }) })).toEqual({
        ok: false,
        error: "invalid",
        reason: "passkeyFailed",
      });
    }
    const { options } = ok(await passkeyChallenge());
    expect(await verifySignInFactor({ passkey: key.assert(options, { rpID: "evil.test" }) })).toEqual({
      ok: false,
      error: "limited",
      reason: "attemptEnded",
    });
    expect(await findLiveSession(session.id, at(71))).toBeNull();
    expect(await auditOf(user.id, "mfa.challenge")).toHaveLength(5);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(5);
    // An answer that is not one is not counted.
    await passwordStep(user.email, at(90));
    expect(await verifySignInFactor({ passkey: null })).toEqual({
      ok: false,
      error: "invalid",
      reason: "passkeyFailed",
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(5);

    // The recovery-code route (what the page offers without JavaScript).
    const code = "abcde-23456";
    await db.prisma.recoveryCode.deleteMany({ where: { userId: user.id } });
    await db.prisma.recoveryCode.create({ data: { userId: user.id, codeHash: await hashSecret(code) } });
    const done = ok(await verifySignInFactor({ code, recovery: true }));
    expect((await exchangeHandoff(done.handoff, at(90)))!.pendingStep).toBeNull();
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(0);
  });

  it("ten failures across attempts lock the second factor: no passkey is even asked", async () => {
    const { user, key } = await passkeyUser({}, at(100));
    for (let attempt = 0; attempt < 2; attempt++) {
      await passwordStep(user.email, at(120 + attempt * 20));
      for (let i = 0; i < 5; i++) {
        const { options } = ok(await passkeyChallenge());
        await verifySignInFactor({ passkey: key.assert(options, { origin: "https://evil.test" }) });
      }
    }
    const locked = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.mfaLockedUntil).not.toBeNull();
    await passwordStep(user.email, at(150));
    expect(await passkeyChallenge()).toEqual({ ok: false, error: "limited", reason: "mfaLocked" });
  });
});

describe("passkeys in Security settings", () => {
  it("re-verifying with a passkey makes the factor fresh; another passkey can be added, and one removed but never the last", async () => {
    const { user, key } = await passkeyUser({}, at(200));
    const { full } = await signInWithPasskey(user.email, key, at(201));
    await actAs(db.prisma, full, at(230));
    browserAt();
    let settings = ok(await securitySettings());
    expect(settings).toMatchObject({
      factor: "PASSKEY",
      canChangeMfa: false,
      needsSend: false,
      canRemovePasskey: false,
    });
    expect(settings.passkeys).toHaveLength(1);
    // A passkey is not offered as a change while it is the method (more are added beside it).
    expect(settings.methods).not.toContain("PASSKEY");
    expect(await passkeyRegistrationOptions()).toEqual({ ok: false, error: "forbidden", reason: "notAllowed" });
    const first = settings.passkeys[0];
    expect(await removePasskey(first.id)).toEqual({ ok: false, error: "forbidden", reason: "notAllowed" });

    const { options } = ok(await passkeyChallenge());
    ok(await reverifyFactor({ passkey: key.assert(options) }));
    expect(ok(await securitySettings()).canChangeMfa).toBe(true);
    expect(await removePasskey(first.id)).toEqual({ ok: false, error: "conflict", reason: "lastPasskey" });

    const phone = new SoftPasskey({ origin: ORIGIN });
    const { options: adding } = ok(await passkeyRegistrationOptions());
    expect(adding.excludeCredentials).toEqual([{ id: key.id, type: "public-key", transports: ["internal"] }]);
    const added = ok(await registerPasskey({ response: phone.register(adding), name: "Phone" }));
    expect(added.recoveryCodes).toBeNull();
    expect(await db.prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect((await readOutbox(user.email))[0].subject).toContain("passkey has been added");
    expect(await auditOf(user.id, "passkey.added")).toHaveLength(1);
    settings = ok(await securitySettings());
    expect(settings.passkeys.map((p) => p.name)).toEqual(["Laptop", "Phone"]);
    expect(settings.canRemovePasskey).toBe(true);

    // Someone else's passkey is not found.
    const other = await passkeyUser({}, at(240));
    const theirs = await db.prisma.passkey.findFirstOrThrow({ where: { userId: other.user.id } });
    await actAs(db.prisma, full, at(231));
    browserAt();
    expect(await removePasskey(theirs.id)).toEqual({ ok: false, error: "notFound" });

    ok(await removePasskey(first.id));
    expect((await readOutbox(user.email))[0].subject).toContain("passkey has been removed");
    expect(await auditOf(user.id, "passkey.removed")).toHaveLength(1);
    expect(await removePasskey(settings.passkeys[1].id)).toEqual({
      ok: false,
      error: "conflict",
      reason: "lastPasskey",
    });
    await actAs(db.prisma, null);

    // The removed passkey no longer signs in; the other does.
    await passwordStep(user.email, at(250));
    const { options: signing } = ok(await passkeyChallenge());
    expect(signing.allowCredentials?.map((c) => c.id)).toEqual([phone.id]);
    expect((await verifySignInFactor({ passkey: key.assert(signing) })).ok).toBe(false);
    await signInWithPasskey(user.email, phone, at(251));
  });

  it("changing to an authenticator app retires the passkeys", async () => {
    const { user, key } = await passkeyUser({}, at(300));
    const { full } = await signInWithPasskey(user.email, key, at(301));
    await actAs(db.prisma, full, at(302));
    browserAt();
    const { secret } = ok(await startTotpSetup());
    ok(await confirmSetup(await totpCode(secret, at(302))));
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(ok(await securitySettings())).toMatchObject({ factor: "TOTP", passkeys: [] });
  });
});

describe("resetting another account's second factor", () => {
  it("takes its passkeys away with it", async () => {
    const { user } = await passkeyUser({}, at(350));
    const eo = await createUser(db.prisma, {
      role: "EXAMS_OFFICER",
      centre: user.centreId,
      password: PASSWORD,
      mfa: "totp",
    });
    await passwordStep(eo.email, at(351));
    const done = ok(await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, at(351)) }));
    await actAs(db.prisma, (await exchangeHandoff(done.handoff, at(351)))!, at(351));
    ok(await resetMfa(user.id));
    expect(await db.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.prisma.mfaFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the board's requirement of passkeys", () => {
  it("board staff are offered only a passkey; one with another factor proves it, then must set a passkey up", async () => {
    vi.stubEnv("MFA_PASSKEY_REQUIRED_FOR_BOARD", "true");
    // A new board account: only a passkey is offered, and the other methods are refused.
    const fresh = await createUser(db.prisma, { role: "BOARD_STAFF", centre: null, password: PASSWORD, mfa: "none" });
    await passwordStep(fresh.email, at(400));
    expect(ok(await mfaSetupOptions())).toMatchObject({ methods: ["PASSKEY"], passkeyRequired: true });
    expect(await startTotpSetup()).toEqual({ ok: false, error: "invalid", reason: "methodDisabled" });
    expect(await startCodeSetup({ method: "EMAIL" })).toEqual({
      ok: false,
      error: "invalid",
      reason: "methodDisabled",
    });

    // An existing board account with an authenticator app: its code is checked, then set-up.
    const board = await createUser(db.prisma, { role: "BOARD_STAFF", centre: null, password: PASSWORD, mfa: "totp" });
    await passwordStep(board.email, at(410));
    const proved = ok(await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, at(410)) }));
    expect(proved.next).toBe("mfa-setup");
    const setup = (await exchangeHandoff(proved.handoff, at(410)))!;
    expect(setup.pendingStep).toBe("mfa-setup");
    await actAs(db.prisma, setup, at(411));
    browserAt();
    expect(await finishMfaSetup()).toEqual({ ok: false, error: "conflict", reason: "passkeyRequired" });
    const key = new SoftPasskey({ origin: ORIGIN });
    expect(ok(await register(key)).recoveryCodes).toHaveLength(10);
    expect(await db.prisma.mfaFactor.findMany({ where: { userId: board.id } })).toMatchObject([
      { method: "PASSKEY", active: true },
    ]);
    ok(await finishMfaSetup());
    // From now on it signs in with the passkey, straight to the portal; no change away is offered.
    const { done, full } = await signInWithPasskey(board.email, key, at(420));
    expect(done.next).toBeNull();
    await actAs(db.prisma, full, at(420));
    browserAt();
    expect(ok(await securitySettings())).toMatchObject({ methods: [], passkeyRequired: true });

    // Centre staff are not affected.
    const teacher = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    await passwordStep(teacher.email, at(430));
    expect(ok(await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, at(430)) })).next).toBeNull();
  });

  it("without the setting, board staff keep every method", async () => {
    const board = await createUser(db.prisma, { role: "BOARD_STAFF", centre: null, password: PASSWORD, mfa: "none" });
    await passwordStep(board.email, at(500));
    expect(ok(await mfaSetupOptions())).toMatchObject({
      methods: ["PASSKEY", "TOTP", "SMS", "EMAIL"],
      passkeyRequired: false,
    });
  });
});
