// Manage Users, access requests, centre activity and the board's centres, at the data layer on a
// real database, plus the server actions' refusal of tampered posts. The caller and the clock of
// each call are chosen with actAs (tests/utils/act-as.ts). Emails are read back from the outbox.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../utils/test-db";
import { actAs } from "../utils/act-as";
import { redirectTarget, signInAs } from "../utils/next-mocks";
import { createCentre } from "../factories/centres";
import { createUser, type CreateUserOptions } from "../factories/users";
import { signedInActor } from "../utils/sessions";
import { readOutbox } from "@/lib/email/outbox";
import { findLiveSession, type LiveSession } from "@/lib/data/identity/sessions";
import { signInWithPassword } from "@/lib/data/identity/sign-in";
import { accountStatus } from "@/lib/accounts/status";
import { centreActivity } from "@/lib/data/accounts/activity";
import { decideAccessRequest, pendingAccessRequests, requestAccess } from "@/lib/data/accounts/access-requests";
import { inviteUser, resendInvite, withdrawInvite } from "@/lib/data/accounts/invites";
import { deleteUser, resetMfa, setPermissions, setRole } from "@/lib/data/accounts/manage";
import { getCentreUser, listCentreUsers } from "@/lib/data/accounts/queries";
import {
  createCentre as boardCreateCentre,
  inviteExamsOfficer,
  listCentres,
  resendExamsOfficerInvite,
} from "@/lib/data/board/centres";
import { hasPermission } from "@/lib/auth/permissions";
import { addMonths } from "@/lib/time";

vi.mock("@/lib/auth/config", async () => (await import("../utils/next-mocks")).authConfigMock);
vi.mock("next/headers", async () => (await import("../utils/next-mocks")).headersMock);
vi.mock("next/cache", async () => (await import("../utils/next-mocks")).cacheMock);

let db: TestDb;
const T0 = new Date("2027-03-01T09:00:00Z");
const request = { ip: "192.0.2.10", userAgent: "vitest" };
const email = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}@example.test`;

beforeAll(async () => {
  process.env.OUTBOX_DIR = `/tmp/porth-users-outbox-${process.pid}`;
  db = await createTestDb();
});
afterAll(async () => db?.close());

/** An account with a live, fully signed-in session, as the pages see it. */
const actor = (options: CreateUserOptions) => signedInActor(db.prisma, options, T0);

async function centreWithStaff() {
  const centre = await createCentre(db.prisma);
  const eo = await actor({ role: "EXAMS_OFFICER", centre, name: "Eira Officer" });
  const admin = await actor({
    role: "ADMIN",
    centre,
    grants: ["a2c", "iamis", "access_arrangements", "scripts"],
    name: "Alun Admin",
  });
  const bareAdmin = await actor({ role: "ADMIN", centre, grants: [], name: "Bethan Bare" });
  const teacher = await actor({ role: "USER", centre, name: "Tomos Teacher" });
  return { centre, eo, admin, bareAdmin, teacher };
}

/** `session`'s account is the caller of the next data-layer calls, at `at`. */
const as = (session: LiveSession | null, at = T0) => actAs(db.prisma, session, at);

const inviteInput = (role: "ADMIN" | "USER", permissions: string[] = [], address = email("invitee")) => ({
  email: address,
  title: "",
  name: "New Person",
  jobRole: "Teacher",
  role,
  permissions,
});

const invite = async (
  session: LiveSession,
  role: "ADMIN" | "USER",
  permissions: string[] = [],
  address = email("invitee"),
  now = T0,
) => {
  await as(session, now);
  return inviteUser(inviteInput(role, permissions, address));
};

/** The value of a data-layer read, or the test fails with its refusal. */
function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

const grantsOf = async (userId: string) =>
  (await db.prisma.permissionGrant.findMany({ where: { userId } })).map((g) => g.permission).sort();

describe("inviting", () => {
  it("emails a temporary password that works once for first sign-in, for two months; the EO and Admins are told", async () => {
    const { eo, admin } = await centreWithStaff();
    const address = email("gwen");
    const result = await invite(eo, "USER", ["results"], address);
    expect(result.ok).toBe(true);
    const [message] = await readOutbox(address);
    const password =
      message.text.match(/Temporary password: (\S+)/)?.[1] ?? message.text.match(/Cyfrinair dros dro: (\S+)/)?.[1];
    expect(password).toBeTruthy();
    // The other managers hear about it; the inviter does not need telling.
    expect((await readOutbox(admin.user.email)).some((m) => m.text.includes(address))).toBe(true);
    expect((await readOutbox(eo.user.email)).some((m) => m.text.includes(address))).toBe(false);
    // First sign-in goes to "choose a password".
    const first = await signInWithPassword(
      { email: address, password: password!, door: "centre", request },
      new Date(T0.getTime() + 60_000),
    );
    expect(first).toMatchObject({ ok: true, next: "password" });
    // Two months later an unused invite no longer works.
    const other = email("late");
    await invite(eo, "USER", [], other);
    const [late] = await readOutbox(other);
    const latePassword = late.text.match(/Temporary password: (\S+)/)![1];
    const afterExpiry = new Date(addMonths(T0, 2).getTime() + 1000);
    expect(
      await signInWithPassword({ email: other, password: latePassword, door: "centre", request }, afterExpiry),
    ).toEqual({ ok: false, error: "invalidCredentials" });
    await as(eo, afterExpiry);
    const listed = expectOk(await listCentreUsers({})).users.find((u) => u.email === other)!;
    expect(listed.status).toBe("inviteExpired");
  });

  it("caps Admins at 3 per centre, counting pending invites; Users are unlimited", async () => {
    const { eo } = await centreWithStaff(); // already 2 admins
    expect((await invite(eo, "ADMIN")).ok).toBe(true); // the 3rd, pending
    expect(await invite(eo, "ADMIN")).toEqual({ ok: false, error: "invalid", reason: "adminLimit" });
    for (let i = 0; i < 4; i++) expect((await invite(eo, "USER")).ok).toBe(true);
  });

  it("two Admins inviting the 3rd and 4th Admin at the same moment: only one wins", async () => {
    const { centre, admin, bareAdmin } = await centreWithStaff();
    // Both sessions kept alive at T0, then each call started as its own caller (the caller is
    // read when a call starts), so the two run at once.
    await as(bareAdmin);
    await as(admin);
    const first = inviteUser(inviteInput("ADMIN"));
    signInAs(bareAdmin.id);
    const second = inviteUser(inviteInput("ADMIN"));
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "invalid", reason: "adminLimit" }]);
    expect(await db.prisma.user.count({ where: { centreId: centre.id, role: "ADMIN" } })).toBe(3);
  });

  it("refuses an email that belongs to any account anywhere, whatever its case", async () => {
    const { eo } = await centreWithStaff();
    const elsewhere = await createUser(db.prisma, { role: "USER", email: email("taken") });
    expect(await invite(eo, "USER", [], ` ${elsewhere.email.toUpperCase()} `)).toEqual({
      ok: false,
      error: "conflict",
      reason: "emailTaken",
    });
  });

  it("nobody grants what they do not hold: an Admin without IAMIS cannot invite with it, and nothing is created", async () => {
    const { centre, bareAdmin, admin } = await centreWithStaff();
    const address = email("nope");
    expect(await invite(bareAdmin, "USER", ["iamis"], address)).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotGrant",
    });
    expect(await db.prisma.user.findUnique({ where: { email: address } })).toBeNull();
    const ok = await invite(admin, "USER", ["iamis"], email("yes"));
    expect(ok.ok && (await grantsOf(ok.userId))).toEqual(["iamis"]);
    void centre;
  });

  it("Users, board staff and appointees cannot invite centre accounts", async () => {
    const { teacher } = await centreWithStaff();
    const board = await actor({ role: "BOARD_STAFF", centre: null });
    const resultsTeacher = await actor({ role: "USER", grants: ["results"] });
    for (const who of [teacher, board, resultsTeacher])
      expect(await invite(who, "USER")).toEqual({ ok: false, error: "forbidden" });
  });

  it("re-sending gives a new password and a new expiry and kills the old one; withdrawing removes the account", async () => {
    const { eo } = await centreWithStaff();
    const address = email("resend");
    const created = await invite(eo, "USER", [], address);
    if (!created.ok) throw new Error(created.error);
    const oldPassword = (await readOutbox(address))[0].text.match(/Temporary password: (\S+)/)![1];
    const later = addMonths(T0, 3); // the first invite has expired
    await as(eo, later);
    expect((await resendInvite(created.userId)).ok).toBe(true);
    const messages = await readOutbox(address);
    const newPassword = messages[0].text.match(/Temporary password: (\S+)/)![1];
    expect(newPassword).not.toBe(oldPassword);
    expect(await signInWithPassword({ email: address, password: oldPassword, door: "centre", request }, later)).toEqual(
      { ok: false, error: "invalidCredentials" },
    );
    expect(expectOk(await listCentreUsers({})).users.find((u) => u.email === address)!.status).toBe("invited");
    expect(
      (await signInWithPassword({ email: address, password: newPassword, door: "centre", request }, later)).ok,
    ).toBe(true);

    const gone = await invite(eo, "USER");
    if (!gone.ok) throw new Error(gone.error);
    expect((await withdrawInvite(gone.userId)).ok).toBe(true);
    expect(await db.prisma.user.findUnique({ where: { id: gone.userId } })).toBeNull();
    // An account that is set up has no invite to re-send or withdraw.
    const { teacher } = await centreWithStaff();
    const { eo: otherEo } = await centreWithStaff();
    await as(otherEo);
    expect(await resendInvite(teacher.userId)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("manage access", () => {
  it("a permission change reaches the user's very next request, and the change is audited", async () => {
    const { eo, teacher, centre } = await centreWithStaff();
    expect(hasPermission({ role: "USER", grants: teacher.user.grants.map((g) => g.permission) }, "results")).toBe(
      false,
    );
    await as(eo);
    expect((await setPermissions(teacher.userId, ["results", "entries"])).ok).toBe(true);
    const next = (await findLiveSession(teacher.id, T0))!;
    expect(next.user.grants.map((g) => g.permission).sort()).toEqual(["entries", "results"]);
    expect((await setPermissions(teacher.userId, ["entries"])).ok).toBe(true);
    expect(await grantsOf(teacher.userId)).toEqual(["entries"]);
    const event = await db.prisma.auditEvent.findFirst({
      where: { centreId: centre.id, action: "user.permissions-changed" },
      orderBy: { at: "desc" },
    });
    expect(event?.details).toEqual({ added: [], removed: ["results"] });
  });

  it("an Admin cannot give or take away a permission they do not hold, nor change their own", async () => {
    const { bareAdmin, admin, teacher } = await centreWithStaff();
    await as(bareAdmin);
    expect(await setPermissions(teacher.userId, ["iamis"])).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotGrant",
    });
    expect(await grantsOf(teacher.userId)).toEqual([]);
    // Results: every Admin holds it, so any Admin may give it.
    expect((await setPermissions(teacher.userId, ["results"])).ok).toBe(true);
    // Removing their own permissions is refused.
    await as(admin);
    expect(await setPermissions(admin.userId, [])).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotChangeOwn",
    });
    expect(await grantsOf(admin.userId)).toEqual(["a2c", "access_arrangements", "iamis", "scripts"]);
  });

  it("tampered permission lists and another centre's ids change nothing", async () => {
    const { eo, teacher } = await centreWithStaff();
    const other = await centreWithStaff();
    await as(eo);
    expect(await setPermissions(teacher.userId, ["manage_users"])).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotGrant",
    });
    expect(await setPermissions(teacher.userId, ["results", "root"])).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotGrant",
    });
    await as(other.eo);
    expect(await setPermissions(teacher.userId, ["results"])).toEqual({
      ok: false,
      error: "notFound",
    });
    expect(await getCentreUser(teacher.userId)).toEqual({ ok: false, error: "notFound" });
    expect(await grantsOf(teacher.userId)).toEqual([]);
    // The EO's own access is not for the centre to change.
    await as(other.admin);
    expect(await setPermissions(other.eo.userId, [])).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("a User can be made an Admin when a place is free, and back; the Admin-only grant goes", async () => {
    const { eo, teacher, centre } = await centreWithStaff();
    await as(eo);
    expect((await setRole(teacher.userId, "ADMIN")).ok).toBe(true); // 3rd admin
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: teacher.userId } })).role).toBe("ADMIN");
    await setPermissions(teacher.userId, ["a2c"]);
    const fourth = await createUser(db.prisma, { role: "USER", centre });
    expect(await setRole(fourth.id, "ADMIN")).toEqual({ ok: false, error: "invalid", reason: "adminLimit" });
    expect((await setRole(teacher.userId, "USER")).ok).toBe(true);
    expect(await grantsOf(teacher.userId)).toEqual([]); // A2C is never a User's
    expect((await setRole(fourth.id, "ADMIN")).ok).toBe(true); // the place is free again
  });
});

describe("deleting and resetting", () => {
  it("EO and Admins delete Admins and Users — never the EO, never themselves — and the sessions end at once", async () => {
    const { eo, admin, bareAdmin, teacher } = await centreWithStaff();
    await as(admin);
    expect(await deleteUser(eo.userId)).toEqual({ ok: false, error: "forbidden" });
    expect(await deleteUser(admin.userId)).toEqual({ ok: false, error: "forbidden", reason: "cannotChangeOwn" });
    await as(teacher);
    expect(await deleteUser(bareAdmin.userId)).toEqual({ ok: false, error: "forbidden" });
    const other = await centreWithStaff();
    await as(other.eo);
    expect(await deleteUser(teacher.userId)).toEqual({ ok: false, error: "notFound" });
    expect(await findLiveSession(teacher.id, T0)).not.toBeNull();
    await as(admin);
    expect((await deleteUser(teacher.userId)).ok).toBe(true);
    expect(await findLiveSession(teacher.id, T0)).toBeNull();
    expect((await deleteUser(bareAdmin.userId)).ok).toBe(true);
    expect(await db.prisma.user.count({ where: { id: { in: [teacher.userId, bareAdmin.userId] } } })).toBe(0);
  });

  it("resetting a teacher's second factor ends their sessions and sends the next sign-in to set-up", async () => {
    const { admin, teacher } = await centreWithStaff();
    await as(admin);
    expect((await resetMfa(teacher.userId)).ok).toBe(true);
    expect(await findLiveSession(teacher.id, T0)).toBeNull();
    expect(await db.prisma.mfaFactor.count({ where: { userId: teacher.userId } })).toBe(0);
    const next = await signInWithPassword(
      { email: teacher.user.email, password: "correct-horse-battery-staple", door: "centre", request },
      T0,
    );
    expect(next).toMatchObject({ ok: true, next: "mfa-setup" });
    expect(
      (await readOutbox(teacher.user.email)).some((m) => /reset/i.test(m.subject) || /ailosod/i.test(m.subject)),
    ).toBe(true);
    // The teacher's sessions ended with the reset; a fresh one is still only a User's.
    const teacherAgain = await actor({ role: "USER", centre: teacher.user.centreId! });
    await as(teacherAgain);
    expect(await resetMfa(admin.userId)).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("access requests", () => {
  it("a User asks once; the EO approves and the permission applies; a refused request grants nothing", async () => {
    const { eo, bareAdmin, teacher } = await centreWithStaff();
    await as(teacher);
    expect((await requestAccess("results")).ok).toBe(true);
    expect(await requestAccess("results")).toEqual({ ok: false, error: "conflict", reason: "alreadyRequested" });
    expect(await requestAccess("manage_users")).toEqual({ ok: false, error: "forbidden" });
    expect((await requestAccess("iamis")).ok).toBe(true);
    await as(eo);
    const { requests: pending } = expectOk(await pendingAccessRequests());
    expect(pending.map((r) => r.permission).sort()).toEqual(["iamis", "results"]);
    const iamis = pending.find((r) => r.permission === "iamis")!;
    // The bare Admin does not hold IAMIS, so cannot approve it.
    await as(bareAdmin);
    expect(expectOk(await pendingAccessRequests()).requests.find((r) => r.id === iamis.id)?.canDecide).toBe(false);
    expect(await decideAccessRequest(iamis.id, true)).toEqual({
      ok: false,
      error: "forbidden",
      reason: "cannotGrant",
    });
    const other = await centreWithStaff();
    await as(other.eo);
    expect(await decideAccessRequest(iamis.id, true)).toEqual({ ok: false, error: "notFound" });
    await as(eo);
    expect((await decideAccessRequest(iamis.id, false)).ok).toBe(true);
    expect(await decideAccessRequest(iamis.id, true)).toEqual({
      ok: false,
      error: "conflict",
      reason: "alreadyDecided",
    });
    const results = pending.find((r) => r.permission === "results")!;
    expect((await decideAccessRequest(results.id, true)).ok).toBe(true);
    expect(await grantsOf(teacher.userId)).toEqual(["results"]);
    // The teacher's next request holds the permission.
    await as(teacher);
    expect(await requestAccess("results")).toEqual({ ok: false, error: "conflict", reason: "alreadyHeld" });
  });
});

describe("centre activity", () => {
  it("shows the centre's account changes, newest first, and nothing of other centres or of sign-ins", async () => {
    const { eo, admin, teacher } = await centreWithStaff();
    const other = await centreWithStaff();
    await as(eo, new Date(T0.getTime() + 1000));
    await setPermissions(teacher.userId, ["results"]);
    await as(admin, new Date(T0.getTime() + 2000));
    await deleteUser(teacher.userId);
    await as(other.eo);
    await setPermissions(other.teacher.userId, ["results"]);
    await db.prisma.auditEvent.create({
      data: { action: "sign-in", outcome: "success", centreId: eo.user.centreId, actorId: eo.userId, at: T0 },
    });
    await as(eo);
    const page = expectOk(await centreActivity(1));
    expect(page.events.map((e) => e.action)).toEqual(["user.deleted", "user.permissions-changed"]);
    expect(page.events[0]).toMatchObject({ actorEmail: admin.user.email, targetEmail: teacher.user.email });
    // A User of the centre does not see it (the teacher above is gone: another User asks).
    await as(await actor({ role: "USER", centre: eo.user.centreId! }));
    expect(await centreActivity(1)).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("account status", () => {
  it("tells active, invited, invite expired and locked apart", () => {
    const base = { mustChangePassword: false, lockedUntil: null, invites: [] };
    const invite = { expiresAt: addMonths(T0, 2), acceptedAt: null, withdrawnAt: null };
    expect(accountStatus(base, T0)).toBe("active");
    expect(accountStatus({ ...base, lockedUntil: new Date(T0.getTime() + 1) }, T0)).toBe("locked");
    expect(accountStatus({ ...base, mustChangePassword: true, invites: [invite] }, T0)).toBe("invited");
    expect(accountStatus({ ...base, mustChangePassword: true, invites: [invite] }, addMonths(T0, 2))).toBe(
      "inviteExpired",
    );
    expect(accountStatus({ ...base, mustChangePassword: true, invites: [{ ...invite, acceptedAt: T0 }] }, T0)).toBe(
      "inviteExpired",
    );
  });
});

describe("board staff: centres and exams officers", () => {
  it("create a centre, invite its EO once, then replace the EO: the old account ends and the change is audited", async () => {
    const board = await actor({ role: "BOARD_STAFF", centre: null });
    const number = String(10000 + Math.floor(Math.random() * 89999));
    await as(board);
    const created = await boardCreateCentre({ number, nameEn: "Test College", nameCy: "Coleg Prawf", address: "" });
    if (!created.ok) throw new Error(created.error);
    expect(await boardCreateCentre({ number, nameEn: "Again", nameCy: "Eto", address: "" })).toEqual({
      ok: false,
      error: "conflict",
      reason: "numberTaken",
    });
    const first = email("eo1");
    expect(
      (await inviteExamsOfficer(created.centreId, { email: first, title: "", name: "First EO", jobRole: "" }, false))
        .ok,
    ).toBe(true);
    expect(
      await inviteExamsOfficer(
        created.centreId,
        { email: email("eo2"), title: "", name: "Second EO", jobRole: "" },
        false,
      ),
    ).toEqual({ ok: false, error: "conflict", reason: "hasExamsOfficer" });
    // The board re-sends the EO's invite: a new temporary password replaces the first.
    const firstPassword = (await readOutbox(first))[0].text.match(/Temporary password: (\S+)/)![1];
    expect(await resendExamsOfficerInvite(created.centreId)).toEqual({ ok: true });
    expect((await readOutbox(first))[0].text.match(/Temporary password: (\S+)/)![1]).not.toBe(firstPassword);
    const old = await db.prisma.user.findUniqueOrThrow({ where: { email: first } });
    const sid = randomBytes(16).toString("hex");
    await db.prisma.session.create({
      data: {
        id: sid,
        sessionToken: sid,
        userId: old.id,
        expires: new Date(T0.getTime() + 3600_000),
        lastSeenAt: T0,
        mfaAt: T0,
      },
    });
    const second = email("eo3");
    expect(
      (await inviteExamsOfficer(created.centreId, { email: second, title: "", name: "New EO", jobRole: "" }, true)).ok,
    ).toBe(true);
    expect(await findLiveSession(sid, T0)).toBeNull();
    expect(await db.prisma.user.findUnique({ where: { email: first } })).toBeNull();
    expect(await db.prisma.user.count({ where: { centreId: created.centreId, role: "EXAMS_OFFICER" } })).toBe(1);
    const event = await db.prisma.auditEvent.findFirst({
      where: { centreId: created.centreId, action: "centre.exams-officer-replaced" },
    });
    expect(event).toMatchObject({ actorId: board.userId, targetEmail: first });
    expect((await readOutbox(second))[0].text).toContain("Temporary password");
    const listed = expectOk(await listCentres(number)).centres;
    expect(listed[0]).toMatchObject({ number, examsOfficer: { email: second, status: "invited" } });
  });

  it("only board staff", async () => {
    const { eo, centre } = await centreWithStaff();
    await as(eo);
    expect(await listCentres("")).toEqual({ ok: false, error: "forbidden" });
    expect(await boardCreateCentre({ number: "99999", nameEn: "x", nameCy: "x", address: "" })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await inviteExamsOfficer(centre.id, { email: email("x"), title: "", name: "x", jobRole: "" }, true)).toEqual(
      { ok: false, error: "forbidden" },
    );
  });
});

describe("the server actions refuse tampered posts", () => {
  it("an extra field, or another centre's id, changes nothing", async () => {
    const { inviteUserAction } = await import("@/app/(portal)/centre/users/actions");
    const { setPermissionsAction, deleteUserAction } = await import("@/lib/actions/accounts");
    const { eo, teacher } = await centreWithStaff();
    const other = await centreWithStaff();
    const fd = (values: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.append(k, v);
      return data;
    };
    await as(eo);
    const address = email("tamper");
    expect(
      await inviteUserAction(
        {},
        fd({ email: address, title: "", name: "X", jobRole: "", role: "USER", centreId: other.centre.id }),
      ),
    ).toEqual({ formError: "tampered" });
    expect(await db.prisma.user.findUnique({ where: { email: address } })).toBeNull();
    expect(
      await setPermissionsAction({}, fd({ userId: teacher.userId, permissions: "results", role: "ADMIN" })),
    ).toEqual({ formError: "tampered" });
    expect(await setPermissionsAction({}, fd({ userId: other.teacher.userId, permissions: "results" }))).toEqual({
      formError: "notFound",
    });
    expect(await deleteUserAction({}, fd({ userId: other.teacher.userId, confirm: "yes" }))).toEqual({
      formError: "notFound",
    });
    expect(await grantsOf(teacher.userId)).toEqual([]);
    expect(await db.prisma.user.count({ where: { id: other.teacher.userId } })).toBe(1);
    // And a real invite through the action goes through, to the centre's list.
    try {
      await inviteUserAction({}, fd({ email: address, title: "", name: "X", jobRole: "", role: "USER" }));
      expect.unreachable();
    } catch (error) {
      expect(redirectTarget(error)).toBe("/centre/users?done=invited");
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: address } })).centreId).toBe(eo.user.centreId);
    await as(null);
  });
});

describe("board staff on centre accounts", () => {
  it("may assign any permission, reset a second factor and delete any centre account, the EO included", async () => {
    const board = await actor({ role: "BOARD_STAFF", centre: null });
    const { eo, teacher, bareAdmin, centre } = await centreWithStaff();
    await as(board);
    expect((await setPermissions(bareAdmin.userId, ["a2c", "iamis"])).ok).toBe(true);
    expect(await grantsOf(bareAdmin.userId)).toEqual(["a2c", "iamis"]);
    expect((await resetMfa(eo.userId)).ok).toBe(true);
    expect(await findLiveSession(eo.id, T0)).toBeNull();
    expect(await deleteUser(teacher.userId)).toEqual({ ok: true, centreId: centre.id, byBoard: true });
    expect((await deleteUser(eo.userId)).ok).toBe(true);
    const event = await db.prisma.auditEvent.findFirst({ where: { action: "user.deleted", targetUserId: eo.userId } });
    expect(event).toMatchObject({ actorId: board.userId, centreId: centre.id });
    // Never board staff or appointees: they belong to no centre.
    const other = await actor({ role: "BOARD_STAFF", centre: null });
    expect(await deleteUser(other.userId)).toEqual({ ok: false, error: "notFound" });
  });
});
