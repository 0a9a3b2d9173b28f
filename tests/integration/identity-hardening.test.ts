// The penetration-test findings on sign-in and the account, each proved on a real database
// (PGlite or PostgreSQL): whose address a request comes from and per-account limits, the second
// factor's counting, lock and binding to the attempt, open redirects, enumeration, notices of
// account changes, and Microsoft sign-in's tenant pin and object-id binding
// (docs/product-rules.md, "Sign-in and sessions"; docs/decisions/015-client-address.md).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { createUser, DEMO_TOTP_SECRET } from "../factories/users";
import { actAs, setNow } from "../utils/act-as";
import { redirectTarget, signInAs } from "../utils/next-mocks";
import { readOutbox } from "@/lib/email/outbox";
import { totpCode } from "@/lib/auth/totp";
import { hashSecret } from "@/lib/auth/password";
import { PEER_HEADER } from "@/lib/http/client-address";
import { requestInfo } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { exchangeHandoff, findLiveSession } from "@/lib/data/identity/sessions";
import { reverifyFactor, sendSignInCode, verifySignInFactor } from "@/lib/data/identity/mfa";
import { confirmSetup, regenerateRecoveryCodes, startTotpSetup } from "@/lib/data/identity/mfa-setup";
import { changePassword, requestPasswordReset, resetPassword } from "@/lib/data/identity/password";
import { confirmEmailChange, myProfile, requestEmailChange } from "@/lib/data/identity/profile";
import { openAppointeeSsoSession } from "@/lib/data/identity/sso";
import { LIMITS } from "@/lib/data/rate-limit";
import { GET as refreshSession } from "@/app/api/session/refresh/route";
import { switchLanguage } from "@/lib/actions/language";

// The request headers the data layer sees (next/headers), set per call: the address a request
// comes from is what the server stamps in PEER_HEADER (lib/http/client-address.ts).
const net = vi.hoisted(() => ({ headers: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "integration-test", ...net.headers }),
}));
vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const PASSWORD = "correct-horse-battery-staple";
const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);
let addressCounter = 0;
/** A client address no other call in this file has used. */
const newAddress = () => `198.51.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;
/** The next data-layer calls come from a new address. */
const fromNewAddress = () => {
  net.headers = { [PEER_HEADER]: newAddress() };
};

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-it-hardening-outbox-${process.pid}`;
  db = await createTestDb();
});
afterAll(async () => db?.close());
afterEach(async () => {
  net.headers = {};
  delete process.env.TRUST_PROXY;
  await actAs(db.prisma, null);
});

async function passwordStep(email: string, at: Date) {
  const first = await signInWithPassword(
    { email, password: PASSWORD, door: "centre", request: { ip: newAddress(), userAgent: "vitest" } },
    at,
  );
  if (!first.ok) throw new Error(first.error);
  return (await exchangeHandoff(first.handoff, at))!;
}

/** A session waiting on the second factor, acted as at `at`, from a new address. */
async function pendingAttempt(email: string, at: Date) {
  const pending = await passwordStep(email, at);
  fromNewAddress();
  await actAs(db.prisma, pending, at);
  return pending;
}

async function fullSignIn(email: string, at: Date) {
  await pendingAttempt(email, at);
  const done = await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, at) });
  if (!done.ok) throw new Error(done.error);
  return (await exchangeHandoff(done.handoff, at))!;
}

async function codeSentTo(to: string): Promise<string> {
  const [message] = await readOutbox(to);
  return message.text.match(/\b(\d{6})\b/)![1];
}

describe("1. the client's address and per-account limits", () => {
  it("requestInfo takes the stamped socket address or our proxy's entry, never X-Real-IP or the client's X-Forwarded-For", async () => {
    net.headers = {
      "x-real-ip": "203.0.113.9",
      "x-forwarded-for": "203.0.113.10, 203.0.113.11",
      [PEER_HEADER]: "192.0.2.10",
    };
    expect((await requestInfo()).ip).toBe("192.0.2.10");

    // Behind one proxy: the entry it appended (the right-most), not the left-most the client wrote.
    process.env.TRUST_PROXY = "1";
    net.headers = { "x-real-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.10, 192.0.2.77" };
    expect((await requestInfo()).ip).toBe("192.0.2.77");

    // No socket address and no proxy: not whatever X-Real-IP says.
    delete process.env.TRUST_PROXY;
    net.headers = { "x-real-ip": "203.0.113.9", "x-forwarded-for": "203.0.113.10" };
    expect((await requestInfo()).ip).toBe("unknown");
  });

  it("sign-in: a new address does not buy more password guesses at one account", async () => {
    const T = new Date("2027-04-01T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const attempt = (email: string, password: string) =>
      signInWithPassword({ email, password, door: "centre", request: { ip: newAddress(), userAgent: "t" } }, T);
    for (let i = 0; i < LIMITS.signInPerAccount.limit; i++)
      expect(await attempt(user.email, `wrong-guess-${i}`)).toEqual({ ok: false, error: "invalidCredentials" });
    // The same account, however written, from yet another new address: refused before any check.
    expect(await attempt(` ${user.email.toUpperCase()} `, PASSWORD)).toEqual({ ok: false, error: "rateLimited" });
    // Another account from a new address is not affected.
    const other = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    expect((await attempt(other.email, PASSWORD)).ok).toBe(true);
    // An unknown email is limited the same way (the limit says nothing about whether it exists).
    for (let i = 0; i < LIMITS.signInPerAccount.limit; i++) await attempt("nobody-here@example.test", `guess-${i}`);
    expect(await attempt("nobody-here@example.test", "guess")).toEqual({ ok: false, error: "rateLimited" });
  });

  it("second-factor codes: a new address does not buy more code requests for one account", async () => {
    const T = new Date("2027-04-02T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "email" });
    const pending = await pendingAttempt(user.email, T);
    for (let i = 0; i < LIMITS.codePerAccount.limit; i++) {
      fromNewAddress();
      expect(await sendSignInCode()).toEqual({ ok: true });
    }
    fromNewAddress();
    expect(await sendSignInCode()).toEqual({ ok: false, error: "limited", reason: "rateLimited" });
    fromNewAddress();
    expect(await verifySignInFactor({ code: "123456" })).toEqual({
      ok: false,
      error: "limited",
      reason: "rateLimited",
    });
    expect(await findLiveSession(pending.id, T)).not.toBeNull();
  });

  it("password reset: a new address does not buy more codes or guesses for one email address", async () => {
    const T = new Date("2027-04-03T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const from = () => ({ ip: newAddress(), userAgent: "t" });
    for (let i = 0; i < LIMITS.resetPerAccount.limit / 2; i++) {
      expect(await requestPasswordReset(user.email, from(), T)).toEqual({ ok: true });
      const wrong = { email: user.email, code: "000000", password: "x", confirm: "x" };
      expect((await resetPassword(wrong, from(), T)).ok).toBe(false);
    }
    const limited = { ok: false, error: "limited", reason: "rateLimited" };
    expect(await requestPasswordReset(user.email, from(), T)).toEqual(limited);
    const code = await codeSentTo(user.email);
    const right = { email: user.email, code, password: "harbour lantern quiet", confirm: "harbour lantern quiet" };
    expect(await resetPassword(right, from(), T)).toEqual(limited);
    // The window passes: the right code works again.
    expect(await resetPassword(right, from(), minutes(T, 16))).toEqual({ ok: true });
  });
});

describe("2. the second factor", () => {
  it("counts wrong codes per account across sign-in attempts; ten lock every method for an hour, with an email", async () => {
    const T = new Date("2027-05-01T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const recovery = "abcde-12345";
    await db.prisma.recoveryCode.create({ data: { userId: user.id, codeHash: await hashSecret(recovery) } });
    const wrong = { ok: false, error: "invalid", reason: "invalidCode" };

    // Two attempts of four wrong codes each: neither ends, and a new password sign-in resets nothing.
    await pendingAttempt(user.email, T);
    for (let i = 0; i < 4; i++) expect(await verifySignInFactor({ code: "000000" })).toEqual(wrong);
    await pendingAttempt(user.email, minutes(T, 1));
    for (let i = 0; i < 4; i++) expect(await verifySignInFactor({ code: "000000" })).toEqual(wrong);
    const third = await pendingAttempt(user.email, minutes(T, 2));
    expect(await verifySignInFactor({ code: "000000", recovery: true })).toEqual(wrong);
    // The tenth in a row locks the factor and ends the attempt.
    expect(await verifySignInFactor({ code: "000000" })).toEqual({ ok: false, error: "limited", reason: "mfaLocked" });
    expect(await findLiveSession(third.id, minutes(T, 2))).toBeNull();
    const [notice] = await readOutbox(user.email);
    expect(notice.subject).toContain("second factor has been locked");
    expect(await db.prisma.auditEvent.count({ where: { actorId: user.id, action: "mfa.locked" } })).toBe(1);

    // Within the hour, nothing is accepted: not the right code, not a recovery code.
    const locked = { ok: false, error: "limited", reason: "mfaLocked" };
    await pendingAttempt(user.email, minutes(T, 30));
    expect(await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, minutes(T, 30)) })).toEqual(locked);
    expect(await verifySignInFactor({ code: recovery, recovery: true })).toEqual(locked);
    expect(await db.prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(1);

    // After the hour, the right code works, and resets the count.
    await pendingAttempt(user.email, minutes(T, 63));
    expect((await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, minutes(T, 63)) })).ok).toBe(true);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedCodes).toBe(0);
  });

  it("a right code resets the count of wrong ones", async () => {
    const T = new Date("2027-05-02T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    await pendingAttempt(user.email, T);
    for (let i = 0; i < 4; i++) await verifySignInFactor({ code: "000000" });
    expect((await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, T) })).ok).toBe(true);
    // Nine more wrong codes over two attempts: still not locked (the four before were forgiven).
    await pendingAttempt(user.email, minutes(T, 1));
    for (let i = 0; i < 4; i++) await verifySignInFactor({ code: "000000" });
    await pendingAttempt(user.email, minutes(T, 2));
    for (let i = 0; i < 4; i++) await verifySignInFactor({ code: "000000" });
    expect((await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, minutes(T, 2)) })).ok).toBe(true);
  });

  it("re-verification in Security settings counts and is limited the same", async () => {
    const T = new Date("2027-05-03T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const wrong = { ok: false, error: "invalid", reason: "invalidCode" };

    // Five wrong codes in a row sign the session out.
    const first = await fullSignIn(user.email, T);
    await actAs(db.prisma, first, minutes(T, 1));
    for (let i = 0; i < 4; i++) expect(await reverifyFactor("000000")).toEqual(wrong);
    expect(await reverifyFactor("000000")).toEqual({ ok: false, error: "limited", reason: "attemptEnded" });
    expect(await findLiveSession(first.id, minutes(T, 1))).toBeNull();

    // Wrong codes at sign-in and at re-verification add up: the tenth locks the factor. (A later
    // quarter of an hour, so the per-account limit on code requests does not answer first.)
    const session = await fullSignIn(user.email, minutes(T, 20));
    const spare = await fullSignIn(user.email, minutes(T, 21));
    await pendingAttempt(user.email, minutes(T, 22));
    for (let i = 0; i < 4; i++) expect(await verifySignInFactor({ code: "000000" })).toEqual(wrong);
    await pendingAttempt(user.email, minutes(T, 23));
    for (let i = 0; i < 4; i++) expect(await verifySignInFactor({ code: "000000" })).toEqual(wrong);
    await actAs(db.prisma, session, minutes(T, 24));
    expect(await reverifyFactor("000000")).toEqual(wrong);
    expect(await reverifyFactor("000000")).toEqual({ ok: false, error: "limited", reason: "mfaLocked" });
    expect(await findLiveSession(session.id, minutes(T, 24))).toBeNull();
    // Locked for every session: the right code is refused in another one too.
    await actAs(db.prisma, spare, minutes(T, 25));
    expect(await reverifyFactor(await totpCode(DEMO_TOTP_SECRET, minutes(T, 25)))).toEqual({
      ok: false,
      error: "limited",
      reason: "mfaLocked",
    });
  });

  it("a session waiting on the second factor lives at most 10 minutes; the full one keeps 12 hours from sign-in", async () => {
    const T = new Date("2027-05-04T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const pending = await passwordStep(user.email, T);
    expect(await findLiveSession(pending.id, minutes(T, 9.9))).not.toBeNull();
    expect(await findLiveSession(pending.id, minutes(T, 10))).toBeNull();

    const next = await passwordStep(user.email, minutes(T, 20));
    expect(next.expires).toEqual(minutes(T, 30));
    await actAs(db.prisma, next, minutes(T, 29));
    const done = await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, minutes(T, 29)) });
    if (!done.ok) throw new Error(done.error);
    const full = await exchangeHandoff(done.handoff, minutes(T, 29));
    expect(full!.expires).toEqual(minutes(T, 20 + 12 * 60));
  });

  it("an email code belongs to the sign-in attempt that asked for it", async () => {
    const T = new Date("2027-05-05T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "email" });
    const first = await pendingAttempt(user.email, T);
    expect(await sendSignInCode()).toEqual({ ok: true });
    const code = await codeSentTo(user.email);
    // Another attempt (someone else who has the password) cannot use it.
    await pendingAttempt(user.email, minutes(T, 1));
    expect(await verifySignInFactor({ code })).toEqual({ ok: false, error: "invalid", reason: "invalidCode" });
    // The attempt it was sent for still can.
    await actAs(db.prisma, first, minutes(T, 2));
    expect((await verifySignInFactor({ code })).ok).toBe(true);
  });

  it("two concurrent verifications of one authenticator code: exactly one succeeds", async () => {
    const T = new Date("2027-05-06T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    await pendingAttempt(user.email, T);
    const code = await totpCode(DEMO_TOTP_SECRET, T);
    const results = await Promise.all([verifySignInFactor({ code }), verifySignInFactor({ code })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);

    // The same at re-verification: two requests of one session with one code.
    const session = await fullSignIn(user.email, minutes(T, 1));
    await actAs(db.prisma, session, minutes(T, 2));
    const same = await totpCode(DEMO_TOTP_SECRET, minutes(T, 2));
    const both = await Promise.all([reverifyFactor(same), reverifyFactor(same)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("3. redirects stay in the portal", () => {
  const PAYLOADS = [
    "/%09/evil.com",
    "/%0a/evil.com",
    "/%0d/evil.com",
    "//evil.com",
    "/%5Cevil.com",
    "/\\evil.com",
    "https://evil.com",
  ];

  it("the session refresh route continues only to a path on this site", async () => {
    const T = new Date("2027-06-01T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T);
    await actAs(db.prisma, session, T);
    for (const payload of PAYLOADS) {
      const to = payload.includes("\\") ? encodeURIComponent(payload) : payload;
      const response = await refreshSession(new Request(`https://porth.example/api/session/refresh?to=${to}`));
      const location = new URL(response.headers.get("location")!, "https://porth.example");
      expect(location.origin, payload).toBe("https://porth.example");
      expect(location.pathname, payload).toBe("/");
    }
    const ok = await refreshSession(new Request("https://porth.example/api/session/refresh?to=/results%3Fa%3D1"));
    // A relative address, so the browser stays on the host it used (and its cookie goes along).
    expect(ok.status).toBe(307);
    expect(ok.headers.get("location")).toBe("/results?a=1");
  });

  it("the language switch returns only to a path on this site", async () => {
    signInAs(null);
    const redirected = async (returnTo: string) => {
      const form = new FormData();
      form.set("locale", "cy");
      form.set("returnTo", returnTo);
      try {
        await switchLanguage(form);
      } catch (error) {
        return redirectTarget(error);
      }
      throw new Error("switchLanguage did not redirect");
    };
    for (const payload of PAYLOADS) expect(await redirected(decodeURIComponent(payload)), payload).toBe("/");
    expect(await redirected("/profile?tab=1")).toBe("/profile?tab=1");
  });
});

describe("4. nothing says whether an account exists or is locked", () => {
  it("reset step 2 checks the code first: an unknown email and a wrong code get the same answer", async () => {
    const T = new Date("2027-07-01T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const from = () => ({ ip: newAddress(), userAgent: "t" });
    const weak = { code: "123456", password: "short", confirm: "short" };
    const invalid = { ok: false, error: "invalid", reason: "invalidCode" };
    expect(await resetPassword({ ...weak, email: "nobody-at-all@example.test" }, from(), T)).toEqual(invalid);
    expect(await resetPassword({ ...weak, email: user.email }, from(), T)).toEqual(invalid);
    await requestPasswordReset(user.email, from(), T);
    const code = await codeSentTo(user.email);
    const wrongCode = code === "123456" ? "654321" : "123456";
    expect(await resetPassword({ ...weak, code: wrongCode, email: user.email }, from(), T)).toEqual(invalid);
    // Only the holder of the right code hears about the password, and the code still works after.
    expect(await resetPassword({ ...weak, code, email: user.email }, from(), T)).toEqual({
      ok: false,
      error: "invalid",
      reason: "tooShort",
    });
    const good = { email: user.email, code, password: "harbour lantern quiet", confirm: "harbour lantern quiet" };
    expect(await resetPassword(good, from(), T)).toEqual({ ok: true });
  });

  it("a locked account gets exactly a wrong password's answer; the unlock hint comes by email", async () => {
    const T = new Date("2027-07-02T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const attempt = (password: string, m: number) =>
      signInWithPassword(
        { email: user.email, password, door: "centre", request: { ip: newAddress(), userAgent: "t" } },
        minutes(T, m),
      );
    const wrongAnswer = await attempt("wrong-password-1", 0);
    await attempt("wrong-password-2", 1);
    expect(await attempt("wrong-password-3", 2)).toEqual(wrongAnswer);
    expect(await attempt(PASSWORD, 3)).toEqual(wrongAnswer);
    expect(await attempt("wrong-password-4", 4)).toEqual(wrongAnswer);
    const [hint] = await readOutbox(user.email);
    expect(hint.subject).toContain("locked for an hour");
    expect(hint.text).toContain("reset your password");
    expect(hint.text).toContain("ailosodwch eich cyfrinair");
  });
});

describe("5. changes to the account", () => {
  it("an email change needs the current password (or a fresh second factor) and tells the old address", async () => {
    const T = new Date("2027-08-01T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T);
    const newEmail = `moved-${user.id}@example.test`;

    // Eleven minutes after the second factor: the password is needed.
    await actAs(db.prisma, session, minutes(T, 11));
    const profile = await myProfile();
    expect(profile.ok && profile.emailChangeWithoutPassword).toBe(false);
    expect(await requestEmailChange(newEmail)).toEqual({ ok: false, error: "invalid", reason: "currentRequired" });
    expect(await requestEmailChange(newEmail, "not-my-password")).toEqual({
      ok: false,
      error: "invalid",
      reason: "wrongCurrent",
    });
    expect(await readOutbox(newEmail)).toHaveLength(0);
    expect(await requestEmailChange(newEmail, ` ${PASSWORD} `)).toEqual({ ok: true });
    expect(await confirmEmailChange(await codeSentTo(newEmail))).toEqual({ ok: true, email: newEmail });

    const [notice] = await readOutbox(user.email);
    expect(notice.subject).toContain("email address of your Porth account has been changed");
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain("contact your centre's exams officer or the board");
    expect(notice.text).toContain("cysylltwch â swyddog arholiadau eich canolfan neu â'r bwrdd");

    // Just after the second factor was proved: no password needed.
    const other = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const fresh = await fullSignIn(other.email, minutes(T, 20));
    await actAs(db.prisma, fresh, minutes(T, 22));
    expect(await requestEmailChange(`moved-${other.id}@example.test`)).toEqual({ ok: true });
  });

  it("a password change, a new second factor and new recovery codes each email the person", async () => {
    const T = new Date("2027-08-02T09:00:00Z");
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T);
    await actAs(db.prisma, session, minutes(T, 1));
    const latest = async () => (await readOutbox(user.email))[0]?.subject ?? "";

    expect(await regenerateRecoveryCodes()).toMatchObject({ ok: true });
    expect(await latest()).toContain("New recovery codes for your Porth account");

    const setup = await startTotpSetup();
    if (!setup.ok) throw new Error(setup.error);
    expect(await confirmSetup(await totpCode(setup.secret, minutes(T, 1)))).toMatchObject({ ok: true });
    expect(await latest()).toContain("second factor has been changed");

    expect(
      await changePassword({ current: PASSWORD, password: "harbour lantern quiet", confirm: "harbour lantern quiet" }),
    ).toEqual({ ok: true });
    expect(await latest()).toContain("password has been changed");
  });
});

describe("6. Microsoft sign-in", () => {
  const TENANT = "2f1c4a7e-0b1d-4c3e-9a5f-6d7e8f901234";
  const OTHER_TENANT = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
  const OID = "11111111-2222-4333-8444-555555555555";
  const OTHER_OID = "66666666-7777-4888-9999-aaaaaaaaaaaa";
  const profile = (claims: { oid?: string; email?: string; tid?: string }) => ({
    tid: claims.tid ?? TENANT,
    iss: `https://login.microsoftonline.com/${claims.tid ?? TENANT}/v2.0`,
    oid: claims.oid,
    email: claims.email,
  });

  beforeAll(() => {
    process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID = TENANT;
  });
  afterAll(() => {
    delete process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID;
  });

  it("binds an appointee to the object id of the first sign-in, then matches on it alone", async () => {
    const T = new Date("2027-09-01T09:00:00Z");
    setNow(T);
    const examiner = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
    const moderator = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "MODERATOR" });
    const teacher = await createUser(db.prisma, { role: "USER", password: PASSWORD });

    // Wrong tenant, or a token without an object id: refused, and nothing is bound.
    expect(
      await openAppointeeSsoSession(profile({ oid: OID, email: examiner.email, tid: OTHER_TENANT }), T),
    ).toBeNull();
    expect(await openAppointeeSsoSession(profile({ email: examiner.email }), T)).toBeNull();
    expect(
      await openAppointeeSsoSession(
        { ...profile({ oid: OID, email: examiner.email }), iss: "https://evil.example/" },
        T,
      ),
    ).toBeNull();
    // Not an appointee: refused.
    expect(await openAppointeeSsoSession(profile({ oid: OTHER_OID, email: teacher.email }), T)).toBeNull();
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: teacher.id } })).entraObjectId).toBeNull();

    // First sign-in: matched by email, bound to the object id.
    const first = await openAppointeeSsoSession(profile({ oid: OID, email: examiner.email.toUpperCase() }), T);
    expect(first).toMatchObject({ role: "APPOINTEE", kind: "EXAMINER" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: examiner.id } })).entraObjectId).toBe(OID);

    // The same email with another object id: refused.
    expect(await openAppointeeSsoSession(profile({ oid: OTHER_OID, email: examiner.email }), T)).toBeNull();
    // The bound object id with a changed email claim — even another appointee's — is still the examiner.
    const again = await openAppointeeSsoSession(profile({ oid: OID, email: moderator.email }), T);
    expect(again).toMatchObject({ kind: "EXAMINER" });
    const session = await db.prisma.session.findUniqueOrThrow({ where: { id: again!.sid } });
    expect(session.userId).toBe(examiner.id);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: moderator.id } })).entraObjectId).toBeNull();
  });

  it("refuses everyone when no tenant is pinned", async () => {
    const T = new Date("2027-09-02T09:00:00Z");
    const examiner = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
    delete process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID;
    process.env.AUTH_MICROSOFT_ENTRA_ID_ISSUER = "https://login.microsoftonline.com/common/v2.0";
    try {
      expect(await openAppointeeSsoSession(profile({ oid: OTHER_OID, email: examiner.email }), T)).toBeNull();
    } finally {
      delete process.env.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
      process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID = TENANT;
    }
  });
});
