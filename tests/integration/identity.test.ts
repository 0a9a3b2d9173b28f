import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { createCentre } from "../factories/centres";
import { createUser, DEMO_TOTP_SECRET } from "../factories/users";
import { readOutbox } from "@/lib/email/outbox";
import { totpCode } from "@/lib/auth/totp";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { exchangeHandoff, findLiveSession } from "@/lib/data/identity/sessions";
import { revokeSession } from "@/lib/data/identity/security";
import { verifySignInFactor, sendSignInCode } from "@/lib/data/identity/mfa";
import { requestPasswordReset, resetPassword, setFirstPassword } from "@/lib/data/identity/password";
import { toggleFavourite, listFavourites } from "@/lib/data/services/favourites";
import { welcomePanel } from "@/lib/data/services/welcome";
import { addMonths } from "@/lib/time";
import { createSeries } from "../factories/series";
import { actAs } from "../utils/act-as";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

// Identity flows at the data-access level, on a real database (PGlite or PostgreSQL).
// Codes are read from the outbox, never from the database. The steps that need a session act
// as it (tests/utils/act-as.ts); sign-in itself, the handoff and the reset need none.

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let ipCounter = 0;
const request = () => ({ ip: `192.0.2.${++ipCounter}`, userAgent: "vitest" });
const PASSWORD = "correct-horse-battery-staple";

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-it-outbox-${process.pid}`;
  process.env.MFA_ENCRYPTION_KEY ??= "integration-test-mfa-key-0123456789abcdef";
  db = await createTestDb();
});
afterAll(async () => db?.close());

async function codeSentTo(to: string): Promise<string> {
  const [message] = await readOutbox(to);
  return message.text.match(/\b(\d{6})\b/)![1];
}

async function fullSignIn(email: string, now: Date) {
  const first = await signInWithPassword({ email, password: PASSWORD, door: "centre", request: request() }, now);
  if (!first.ok) throw new Error(first.error);
  const pending = await exchangeHandoff(first.handoff, now);
  await actAs(db.prisma, pending, now);
  const done = await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, now) });
  if (!done.ok) throw new Error(done.error);
  return (await exchangeHandoff(done.handoff, now))!;
}

describe("sign-in and lockout", () => {
  // The answer to a locked account became exactly that of a wrong password; the unlock hint moved
  // into the email sent when the account locks (tests/integration/identity-hardening.test.ts).
  it("locks after 3 wrong passwords in a row for 1 hour, with the same answer as a wrong password and the hint by email", async () => {
    const centre = await createCentre(db.prisma);
    const user = await createUser(db.prisma, { role: "USER", centre, password: PASSWORD, mfa: "totp" });
    const wrong = (now: Date) =>
      signInWithPassword({ email: user.email, password: "not-the-password", door: "centre", request: request() }, now);
    expect(await wrong(at(0))).toEqual({ ok: false, error: "invalidCredentials" });
    expect(await wrong(at(1))).toEqual({ ok: false, error: "invalidCredentials" });
    expect(await wrong(at(2))).toEqual({ ok: false, error: "invalidCredentials" });
    const [hint] = await readOutbox(user.email);
    expect(hint.subject).toContain("locked");
    expect(hint.text).toContain("Forgot your password?");
    // Locked: even the right password is refused until the hour has passed.
    const right = (now: Date) =>
      signInWithPassword({ email: user.email, password: PASSWORD, door: "centre", request: request() }, now);
    expect(await right(at(61))).toEqual({ ok: false, error: "invalidCredentials" });
    expect((await right(at(62))).ok).toBe(true);
    const events = await db.prisma.auditEvent.findMany({
      where: { actorId: user.id },
      select: { action: true, outcome: true, details: true },
    });
    expect(events.some((e) => e.action === "account.locked")).toBe(true);
    expect(JSON.stringify(events)).not.toContain("not-the-password");
  });

  it("a successful sign-in resets the count of wrong passwords", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const attempt = (password: string, m: number) =>
      signInWithPassword(
        { email: ` ${user.email.toUpperCase()} `, password, door: "centre", request: request() },
        at(m),
      );
    await attempt("wrong-one-here", 0);
    await attempt("wrong-two-here", 1);
    expect((await attempt(PASSWORD, 2)).ok).toBe(true);
    await attempt("wrong-three-here", 3);
    expect(await attempt("wrong-four-here", 4)).toEqual({ ok: false, error: "invalidCredentials" });
  });

  it("an unknown email gets the same answer as a wrong password", async () => {
    expect(
      await signInWithPassword(
        { email: "nobody@example.test", password: PASSWORD, door: "centre", request: request() },
        T0,
      ),
    ).toEqual({ ok: false, error: "invalidCredentials" });
  });

  it("sends appointees to their door and centre staff to theirs", async () => {
    const examiner = await createUser(db.prisma, {
      role: "APPOINTEE",
      appointeeType: "EXAMINER",
      centre: null,
      password: PASSWORD,
      mfa: "totp",
    });
    const teacher = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    expect(
      await signInWithPassword({ email: examiner.email, password: PASSWORD, door: "centre", request: request() }, T0),
    ).toEqual({ ok: false, error: "wrongDoorAppointee" });
    expect(
      await signInWithPassword({ email: teacher.email, password: PASSWORD, door: "appointee", request: request() }, T0),
    ).toEqual({ ok: false, error: "wrongDoorCentre" });
    expect(
      (
        await signInWithPassword(
          { email: examiner.email, password: PASSWORD, door: "appointee", request: request() },
          T0,
        )
      ).ok,
    ).toBe(true);
  });
});

describe("first sign-in from an invite", () => {
  it("the temporary password works once, ignoring spaces, then password → MFA set-up", async () => {
    const user = await createUser(db.prisma, {
      role: "USER",
      password: "temporary-pass-123",
      mustChangePassword: true,
      mfa: "none",
    });
    await db.prisma.invite.create({ data: { userId: user.id, expiresAt: addMonths(T0, 2) } });
    const first = await signInWithPassword(
      { email: user.email, password: "  temporary-pass-123 ", door: "centre", request: request() },
      T0,
    );
    expect(first).toMatchObject({ ok: true, next: "password" });
    const session = await findLiveSession((await exchangeHandoff((first as { handoff: string }).handoff, T0))!.id, T0);
    await actAs(db.prisma, session, T0);
    expect(await setFirstPassword({ password: "password123", confirm: "password123" })).toEqual({
      ok: false,
      error: "invalid",
      reason: "common",
    });
    const set = await setFirstPassword({ password: "lantern orchard violet", confirm: "lantern orchard violet" });
    expect(set).toMatchObject({ ok: true, next: "mfa-setup" });
    // The old (pending) session was replaced.
    expect(await findLiveSession(session!.id, T0)).toBeNull();
    expect(
      (
        await signInWithPassword(
          { email: user.email, password: "temporary-pass-123", door: "centre", request: request() },
          at(1),
        )
      ).ok,
    ).toBe(false);
  });

  it("an expired invite's temporary password does not work", async () => {
    const user = await createUser(db.prisma, {
      role: "USER",
      password: "temporary-pass-456",
      mustChangePassword: true,
      mfa: "none",
    });
    await db.prisma.invite.create({ data: { userId: user.id, expiresAt: addMonths(T0, 2) } });
    expect(
      (
        await signInWithPassword(
          { email: user.email, password: "temporary-pass-456", door: "centre", request: request() },
          addMonths(T0, 2),
        )
      ).ok,
    ).toBe(false);
  });
});

describe("second factor", () => {
  it("TOTP: a code is never accepted twice; five wrong codes end the attempt", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    await fullSignIn(user.email, T0);
    // Same step again, in a new sign-in: refused as a replay.
    const again = await signInWithPassword(
      { email: user.email, password: PASSWORD, door: "centre", request: request() },
      T0,
    );
    const pending = await findLiveSession((await exchangeHandoff((again as { handoff: string }).handoff, T0))!.id, T0);
    await actAs(db.prisma, pending, T0);
    expect(await verifySignInFactor({ code: await totpCode(DEMO_TOTP_SECRET, T0) })).toEqual({
      ok: false,
      error: "invalid",
      reason: "invalidCode",
    });
    expect(await db.prisma.auditEvent.count({ where: { actorId: user.id, action: "mfa.code-replay" } })).toBe(1);
    for (let i = 0; i < 3; i++) expect((await verifySignInFactor({ code: "000000" })).ok).toBe(false);
    expect(await verifySignInFactor({ code: "000001" })).toEqual({
      ok: false,
      error: "limited",
      reason: "attemptEnded",
    });
    expect(await findLiveSession(pending!.id, T0)).toBeNull();
  });

  it("email codes expire after 10 minutes and only the latest works", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "email" });
    const first = await signInWithPassword(
      { email: user.email, password: PASSWORD, door: "centre", request: request() },
      T0,
    );
    const pending = await findLiveSession((await exchangeHandoff((first as { handoff: string }).handoff, T0))!.id, T0);
    await actAs(db.prisma, pending, T0);
    expect(await sendSignInCode()).toEqual({ ok: true });
    const old = await codeSentTo(user.email);
    await actAs(db.prisma, pending, at(1));
    await sendSignInCode();
    const latest = await codeSentTo(user.email);
    await actAs(db.prisma, pending, at(2));
    if (old !== latest)
      expect(await verifySignInFactor({ code: old })).toEqual({ ok: false, error: "invalid", reason: "invalidCode" });
    await actAs(db.prisma, pending, at(11.5));
    expect(await verifySignInFactor({ code: latest })).toEqual({ ok: false, error: "invalid", reason: "expiredCode" });
    await actAs(db.prisma, pending, at(12));
    await sendSignInCode();
    await actAs(db.prisma, pending, at(13));
    expect((await verifySignInFactor({ code: ` ${await codeSentTo(user.email)} ` })).ok).toBe(true);
  });
});

describe("forgot password and sessions", () => {
  it("reset: latest code only, once, within the hour; unlocks, ends every session, still needs MFA next time", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T0);
    for (let i = 0; i < 3; i++)
      await signInWithPassword(
        { email: user.email, password: `wrong-password-${i}`, door: "centre", request: request() },
        at(1),
      );
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();

    expect(await requestPasswordReset("nobody@example.test", request(), at(2))).toEqual({ ok: true });
    await requestPasswordReset(user.email, request(), at(2));
    const code = await codeSentTo(user.email);
    const reset = (c: string, m: number) =>
      resetPassword(
        { email: user.email, code: c, password: "harbour lantern quiet", confirm: "harbour lantern quiet" },
        request(),
        at(m),
      );
    expect(await reset(code, 63)).toEqual({ ok: false, error: "invalid", reason: "expiredCode" });
    await requestPasswordReset(user.email, request(), at(64));
    const fresh = await codeSentTo(user.email);
    expect(await reset(fresh, 65)).toEqual({ ok: true });
    expect(await reset(fresh, 66)).toEqual({ ok: false, error: "invalid", reason: "invalidCode" });

    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockedUntil).toBeNull();
    expect(await findLiveSession(session.id, at(65))).toBeNull();
    const next = await signInWithPassword(
      { email: user.email, password: "harbour lantern quiet", door: "centre", request: request() },
      at(67),
    );
    expect(next).toMatchObject({ ok: true, next: "mfa" });
    const [notice] = await readOutbox(user.email);
    expect(notice.subject).toContain("password has been changed");
  });

  it("a revoked session stops working on the next request; idle and absolute limits apply", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T0);
    expect(await findLiveSession(session.id, at(59))).not.toBeNull();
    expect(await findLiveSession(session.id, at(59 + 60))).toBeNull(); // idle for an hour
    const other = await fullSignIn(user.email, at(200));
    const mine = await fullSignIn(user.email, at(201)); // the next TOTP step: codes never work twice
    // Another user's session is "not found", and stays alive.
    const someoneElse = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const theirs = await fullSignIn(someoneElse.email, at(200));
    await actAs(db.prisma, theirs, at(201));
    expect(await revokeSession(other.id)).toEqual({ ok: false, error: "notFound" });
    expect(await findLiveSession(other.id, at(201))).not.toBeNull();
    await actAs(db.prisma, mine, at(201));
    expect(await revokeSession(other.id)).toEqual({ ok: true });
    expect(await findLiveSession(other.id, at(201))).toBeNull();
    await actAs(db.prisma, null);
    // Absolute lifetime: 12 hours even when active.
    const busy = await fullSignIn(user.email, at(300));
    for (let m = 350; m < 300 + 12 * 60; m += 50) expect(await findLiveSession(busy.id, at(m))).not.toBeNull();
    expect(await findLiveSession(busy.id, at(300 + 12 * 60))).toBeNull();
  });

  it("a request writes the session's idle clock at most once a minute, and the hour runs from that write", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, T0);
    const seen = async () =>
      (await db.prisma.session.findUniqueOrThrow({ where: { id: session.id }, select: { lastSeenAt: true } }))
        .lastSeenAt;
    const opened = await seen();
    const second = (s: number) => new Date(opened.getTime() + s * 1000);
    // Within the minute: only read.
    for (const s of [1, 30, 59]) expect(await findLiveSession(session.id, second(s))).not.toBeNull();
    expect(await seen()).toEqual(opened);
    // A minute on: written once.
    expect(await findLiveSession(session.id, second(60))).not.toBeNull();
    expect(await seen()).toEqual(second(60));
    expect(await findLiveSession(session.id, second(100))).not.toBeNull();
    expect(await seen()).toEqual(second(60));
    // Idle for an hour after the last write (the read at 100 s did not move it): signed out.
    expect(await findLiveSession(session.id, second(60 + 3599))).not.toBeNull();
    expect(await findLiveSession(session.id, second(60 + 3599 + 3600))).toBeNull();
  });
});

describe("steps and All Services for the caller", () => {
  it("a fully signed-in session cannot redo a sign-in step", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    const session = await fullSignIn(user.email, at(400));
    await actAs(db.prisma, session, at(401));
    const notAllowed = { ok: false, error: "forbidden", reason: "notAllowed" };
    expect(await setFirstPassword({ password: "lantern orchard violet", confirm: "lantern orchard violet" })).toEqual(
      notAllowed,
    );
    expect(await verifySignInFactor({ code: "000000" })).toEqual(notAllowed);
    expect(await sendSignInCode()).toEqual(notAllowed);
    await actAs(db.prisma, null);
    expect(await verifySignInFactor({ code: "000000" })).toEqual({ ok: false, error: "unauthenticated" });
  });

  it("the welcome panel shows the restricted release only to those whose results come then", async () => {
    const centre = await createCentre(db.prisma);
    const series = await createSeries(db.prisma);
    const panelOf = async (options: Parameters<typeof createUser>[1], minute: number) => {
      const user = await createUser(db.prisma, { centre, password: PASSWORD, mfa: "totp", ...options });
      await actAs(db.prisma, await fullSignIn(user.email, at(minute)), at(minute));
      const panel = await welcomePanel();
      if (!panel.ok) throw new Error(panel.error);
      return panel;
    };
    const eo = await panelOf({ role: "EXAMS_OFFICER" }, 500);
    expect(eo.series).toMatchObject({ releaseAt: series.releaseAt, restrictedReleaseAt: series.restrictedReleaseAt });
    expect(eo.centre).toMatchObject({ number: centre.number });
    const admin = await panelOf({ role: "ADMIN" }, 501);
    expect(admin.series?.restrictedReleaseAt).toEqual(series.restrictedReleaseAt);
    const teacher = await panelOf({ role: "USER", grants: ["results"] }, 502);
    expect(teacher.series).toMatchObject({ releaseAt: series.releaseAt, restrictedReleaseAt: null });
    const plain = await panelOf({ role: "USER" }, 503);
    expect(plain.series?.restrictedReleaseAt).toBeNull();
    await actAs(db.prisma, null);
  });

  it("favourites: only a service the caller can use is pinned, and pinning again unpins", async () => {
    const user = await createUser(db.prisma, { role: "USER", password: PASSWORD, mfa: "totp" });
    await actAs(db.prisma, await fullSignIn(user.email, at(600)), at(600));
    expect(await toggleFavourite("results")).toEqual({ ok: false, error: "notFound" });
    expect(await toggleFavourite("no-such-service")).toEqual({ ok: false, error: "notFound" });
    expect(await toggleFavourite("timetable")).toEqual({ ok: true, pinned: true });
    expect(await listFavourites()).toEqual({ ok: true, favourites: ["timetable"] });
    expect(await toggleFavourite("timetable")).toEqual({ ok: true, pinned: false });
    expect(await listFavourites()).toEqual({ ok: true, favourites: [] });
    await actAs(db.prisma, null);
    expect(await toggleFavourite("timetable")).toEqual({ ok: false, error: "unauthenticated" });
  });
});
