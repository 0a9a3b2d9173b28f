// The board's appointee accounts (lib/data/board/appointees.ts) on a real database: only board
// staff; the appointee email domain; the invite (the appointee door, the temporary password, a
// re-send); deactivation, which ends the appointee's sessions at once and refuses their sign-in
// like a wrong password (by password and by Microsoft), and reactivation. Callers and the clock
// of each call are chosen with actAs (tests/utils/act-as.ts); emails are read from the outbox.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs, setNow } from "../utils/act-as";
import { redirectTarget } from "../utils/next-mocks";
import { createUser, type CreateUserOptions } from "../factories/users";
import { signedInActor } from "../utils/sessions";
import { readOutbox } from "@/lib/email/outbox";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { openAppointeeSsoSession } from "@/lib/data/identity/sso";
import {
  createAppointee,
  deactivateAppointee,
  getAppointee,
  listAppointees,
  reactivateAppointee,
  resendAppointeeInvite,
} from "@/lib/data/board/appointees";
import { createAppointeeAction } from "@/app/(portal)/board/appointees/actions";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");
const request = { ip: "192.0.2.44", userAgent: "vitest" };
const tag = () => randomBytes(4).toString("hex");
const address = (who: string, domain = "appointees.test") => `${who}-${tag()}@${domain}`;

let board: LiveSession;

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-appointees-outbox-${process.pid}`;
  db = await createTestDb();
  board = await actor({ role: "BOARD_STAFF", centre: null, name: "Bryn Board" });
});
afterAll(async () => db?.close());
afterEach(() => {
  delete process.env.APPOINTEE_EMAIL_DOMAIN;
});

/** An account with a live, fully signed-in session. */
const actor = (options: CreateUserOptions, at = T0) => signedInActor(db.prisma, options, at);

const as = (session: LiveSession | null, at = T0) => actAs(db.prisma, session, at);

const temporaryPasswordIn = async (to: string) => {
  const [newest] = await readOutbox(to); // newest first
  const text = newest?.text ?? "";
  return text.match(/Temporary password: (\S+)/)?.[1] ?? null;
};

const auditOf = (action: string, targetUserId: string) =>
  db.prisma.auditEvent.findMany({ where: { action, targetUserId } });

describe("who may", () => {
  it("refuses every function to centre staff and appointees, and changes nothing", async () => {
    const eo = await actor({ role: "EXAMS_OFFICER" });
    const examiner = await actor({ role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
    const target = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "MODERATOR" });
    for (const caller of [eo, examiner]) {
      await as(caller);
      const email = address("refused");
      expect(await createAppointee({ email, name: "Not Made", type: "EXAMINER" })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
      expect(await deactivateAppointee(target.id)).toEqual({ ok: false, error: "forbidden" });
      expect(await resendAppointeeInvite(target.id)).toEqual({ ok: false, error: "forbidden" });
      expect((await listAppointees()).ok).toBe(false);
      expect((await getAppointee(target.id)).ok).toBe(false);
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBeNull();
  });

  it("answers a centre account's id, or an unknown one, as not found", async () => {
    const teacher = await createUser(db.prisma, { role: "USER" });
    await as(board);
    expect(await getAppointee(teacher.id)).toEqual({ ok: false, error: "notFound" });
    expect(await deactivateAppointee(teacher.id)).toEqual({ ok: false, error: "notFound" });
    expect(await deactivateAppointee("no-such-id")).toEqual({ ok: false, error: "notFound" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: teacher.id } })).deactivatedAt).toBeNull();
  });
});

describe("creating an appointee", () => {
  it("accepts only an address in the appointee domain, exactly", async () => {
    await as(board);
    for (const email of [
      address("other", "example.test"),
      address("sub", "evil.appointees.test"),
      address("lookalike", "appointees.test.evil"),
      `appointees.test-${tag()}@example.test`,
    ]) {
      expect(await createAppointee({ email, name: "Wrong Domain", type: "EXAMINER" }), email).toEqual({
        ok: false,
        error: "invalid",
        reason: "appointeeDomain",
      });
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
    }
    // The form says which field, with the message that names the domain rule.
    const form = new FormData();
    for (const [k, v] of Object.entries({ email: address("x", "example.test"), name: "Wrong", type: "MODERATOR" }))
      form.append(k, v);
    expect(await createAppointeeAction({}, form)).toMatchObject({ fieldErrors: { email: ["appointeeDomain"] } });
  });

  it("follows APPOINTEE_EMAIL_DOMAIN when it is set", async () => {
    process.env.APPOINTEE_EMAIL_DOMAIN = "examiners.example.org";
    await as(board);
    expect(await createAppointee({ email: address("demo"), name: "Old Domain", type: "EXAMINER" })).toMatchObject({
      ok: false,
      reason: "appointeeDomain",
    });
    const made = await createAppointee({
      email: address("Dewi", "Examiners.Example.org").toUpperCase(),
      name: "Dewi Examiner",
      type: "EXAMINER",
    });
    expect(made.ok).toBe(true);
  });

  it("invites them to the appointee sign-in like centre staff: a temporary password, then a new password and a second factor", async () => {
    await as(board);
    const email = address("gwen");
    const made = await createAppointee({
      email: `  ${email.toUpperCase()} `,
      name: "Gwen Moderator",
      type: "MODERATOR",
    });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: made.userId } });
    expect(user).toMatchObject({
      email,
      role: "APPOINTEE",
      appointeeType: "MODERATOR",
      centreId: null,
      mustChangePassword: true,
      deactivatedAt: null,
    });
    const [message] = await readOutbox(email);
    expect(message.text).toMatch(/\/appointee\/sign-in\b/);
    const password = await temporaryPasswordIn(email);
    expect(password).toBeTruthy();
    expect(await signInWithPassword({ email, password: password!, door: "centre", request }, T0)).toEqual({
      ok: false,
      error: "wrongDoorAppointee",
    });
    expect(await signInWithPassword({ email, password: password!, door: "appointee", request }, T0)).toMatchObject({
      ok: true,
      next: "password",
    });
    expect(await auditOf("appointee.invited", made.userId)).toHaveLength(1);
    // A second account with the same address is refused.
    expect(await createAppointee({ email, name: "Again", type: "EXAMINER" })).toEqual({
      ok: false,
      error: "conflict",
      reason: "emailTaken",
    });
  });

  it("re-sends the invite with a new temporary password; the old one stops working", async () => {
    await as(board);
    const email = address("huw");
    const made = await createAppointee({ email, name: "Huw Examiner", type: "EXAMINER" });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const first = await temporaryPasswordIn(email);
    expect(await resendAppointeeInvite(made.userId)).toEqual({ ok: true });
    const second = await temporaryPasswordIn(email);
    expect(second).not.toEqual(first);
    expect((await signInWithPassword({ email, password: first!, door: "appointee", request }, T0)).ok).toBe(false);
    expect((await signInWithPassword({ email, password: second!, door: "appointee", request }, T0)).ok).toBe(true);
    expect(await auditOf("appointee.invite-resent", made.userId)).toHaveLength(1);
    // Once the account is set up there is nothing to re-send.
    const active = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
    expect(await resendAppointeeInvite(active.id)).toEqual({ ok: false, error: "conflict", reason: "notInvited" });
  });
});

describe("deactivating", () => {
  const PASSWORD = "moderator-harbour-lantern";

  it("ends the appointee's sessions at once and refuses their sign-in like a wrong password; reactivating lets them back", async () => {
    const T = new Date("2027-05-10T10:00:00Z");
    const moderator = await actor(
      { role: "APPOINTEE", centre: null, appointeeType: "MODERATOR", password: PASSWORD, email: address("mair") },
      T,
    );
    const email = moderator.user.email;
    const door = { door: "appointee" as const, request };
    // Before: a live session, and the password signs in.
    expect(await findLiveSession(moderator.id, T)).not.toBeNull();
    expect((await signInWithPassword({ email, password: PASSWORD, ...door }, T)).ok).toBe(true);
    const wrong = await signInWithPassword({ email, password: "not-the-password", ...door }, T);

    await as(board, T);
    expect(await deactivateAppointee(moderator.user.id)).toEqual({ ok: true });
    expect(await findLiveSession(moderator.id, T)).toBeNull();
    expect(await db.prisma.session.count({ where: { userId: moderator.user.id, revokedAt: null } })).toBe(0);
    // The right password now gets exactly the wrong password's answer, and locks nothing.
    expect(await signInWithPassword({ email, password: PASSWORD, ...door }, T)).toEqual(wrong);
    expect(await signInWithPassword({ email, password: PASSWORD, door: "centre", request }, T)).toEqual(wrong);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: moderator.user.id } })).lockedUntil).toBeNull();
    expect(await auditOf("appointee.deactivated", moderator.user.id)).toHaveLength(1);
    const appointee = await getAppointee(moderator.user.id);
    expect(appointee).toMatchObject({ ok: true, status: "deactivated", can: { deactivate: false, reactivate: true } });
    // Deactivating twice changes nothing.
    expect(await deactivateAppointee(moderator.user.id)).toMatchObject({ ok: false, error: "conflict" });

    expect(await reactivateAppointee(moderator.user.id)).toEqual({ ok: true });
    expect((await signInWithPassword({ email, password: PASSWORD, ...door }, T)).ok).toBe(true);
    expect(await auditOf("appointee.reactivated", moderator.user.id)).toHaveLength(1);
  });

  it("refuses a deactivated appointee's Microsoft sign-in, bound or not yet bound", async () => {
    const TENANT = "2f1c4a7e-0b1d-4c3e-9a5f-6d7e8f901234";
    process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID = TENANT;
    try {
      const T = new Date("2027-05-11T10:00:00Z");
      setNow(T);
      const profile = (oid: string, email: string) => ({
        tid: TENANT,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        oid,
        email,
      });
      const bound = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
      const unbound = await createUser(db.prisma, { role: "APPOINTEE", centre: null, appointeeType: "EXAMINER" });
      const boundOid = "11111111-2222-4333-8444-000000000001";
      const unboundOid = "11111111-2222-4333-8444-000000000002";
      // Before: the first Microsoft sign-in works and binds the account.
      expect(await openAppointeeSsoSession(profile(boundOid, bound.email), T)).not.toBeNull();

      await as(board, T);
      expect(await deactivateAppointee(bound.id)).toEqual({ ok: true });
      expect(await deactivateAppointee(unbound.id)).toEqual({ ok: true });
      expect(await openAppointeeSsoSession(profile(boundOid, bound.email), T)).toBeNull();
      expect(await openAppointeeSsoSession(profile(unboundOid, unbound.email), T)).toBeNull();
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id: unbound.id } })).entraObjectId).toBeNull();

      expect(await reactivateAppointee(bound.id)).toEqual({ ok: true });
      expect(await openAppointeeSsoSession(profile(boundOid, bound.email), T)).not.toBeNull();
    } finally {
      delete process.env.AUTH_MICROSOFT_ENTRA_ID_TENANT_ID;
    }
  });
});

describe("the list", () => {
  it("finds appointees by name or email, type and status", async () => {
    const stamp = tag();
    const examiner = await createUser(db.prisma, {
      role: "APPOINTEE",
      centre: null,
      appointeeType: "EXAMINER",
      name: `Ffion ${stamp}`,
    });
    const gone = await createUser(db.prisma, {
      role: "APPOINTEE",
      centre: null,
      appointeeType: "MODERATOR",
      name: `Ffion ${stamp} Gone`,
      deactivatedAt: T0,
    });
    await as(board);
    const ids = async (filter: Parameters<typeof listAppointees>[0]) => {
      const r = await listAppointees(filter);
      if (!r.ok) throw new Error("refused");
      return r.appointees.map((a) => a.id).sort();
    };
    expect(await ids({ q: stamp })).toEqual([examiner.id, gone.id].sort());
    expect(await ids({ q: stamp, type: "EXAMINER" })).toEqual([examiner.id]);
    expect(await ids({ q: stamp, status: "deactivated" })).toEqual([gone.id]);
    expect(await ids({ q: stamp, status: "active" })).toEqual([examiner.id]);
    // Centre accounts are never listed.
    const teacher = await createUser(db.prisma, { role: "USER", name: `Ffion ${stamp} Teacher` });
    expect(await ids({ q: stamp })).not.toContain(teacher.id);
  });

  it("sends the board to the new appointee's page after creating them", async () => {
    await as(board);
    const form = new FormData();
    for (const [k, v] of Object.entries({ email: address("nia"), name: "Nia Examiner", type: "EXAMINER" }))
      form.append(k, v);
    const target = await createAppointeeAction({}, form).then(
      () => null,
      (error: unknown) => redirectTarget(error),
    );
    expect(target).toMatch(/^\/board\/appointees\/[\w-]+\?done=created$/);
  });
});
